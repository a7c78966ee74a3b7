import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { alignWith } from '../align-page';
import { buildIndex } from '../corpus-index';
import { dispatchText } from '../dispatch-text';
import { buildFactsIndex } from './facts-index';

/**
 * Same facts across languages must not hide translations: a page that translates a dispatch is
 * still called a translation of it, whether or not the other dispatches share facts with it.
 * Real English/French pairs of tests/eval/translations, read as paragraphs of three sentences.
 */
interface Pair {
  name: string;
  date: string;
  en: { url: string; sentences: string[] };
  fr: { url: string; sentences: string[] };
}
const dir = join(import.meta.dirname, '../../tests/eval/translations');
const pairs: Pair[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<Pair, 'name'>), name: f.replace(/\.json$/, '') }));

function paragraphs(sentences: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '));
  return out.join('\n\n');
}

type Lang = 'en' | 'fr';
const idOf = (p: Pair, lang: Lang) => `${p.name}-${lang}`;

function corpusOf(docs: { id: string; text: string; date: string; language: string }[]) {
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  const indexes = { index: buildIndex(docs.map((d) => ({ id: d.id, text: d.text }))), facts: buildFactsIndex(docs) };
  return { texts, indexes };
}

const seeds = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
const version = (p: Pair, lang: Lang) => ({ id: idOf(p, lang), text: paragraphs(p[lang].sentences), date: p.date, language: lang });

describe('translated pages beside same facts across languages', () => {
  for (const lang of ['fr', 'en'] as const) {
    const other: Lang = lang === 'fr' ? 'en' : 'fr';

    it(`calls each ${lang} version a translation of its ${other} original when nothing else in the corpus tells its facts`, () => {
      for (const p of pairs) {
        const { texts, indexes } = corpusOf([...seeds, version(p, other)]);
        const result = alignWith(paragraphs(p[lang].sentences), indexes, (id) => texts.get(id), { language: lang, date: p.date }, {});
        const translated = result.dispatches.filter((v) => v.relation === 'translated');
        expect(translated.map((v) => v.id), p.name).toEqual([idOf(p, other)]);
      }
    }, 60_000);

    it(`still finds its own ${other} original among the ${other} versions of the other pairs, which share facts with it`, () => {
      const { texts, indexes } = corpusOf([...seeds, ...pairs.map((p) => version(p, other))]);
      for (const p of pairs) {
        const result = alignWith(paragraphs(p[lang].sentences), indexes, (id) => texts.get(id), { language: lang, date: p.date }, {});
        const translated = result.dispatches.filter((v) => v.relation === 'translated');
        expect(translated.map((v) => v.id), p.name).toEqual([idOf(p, other)]);
        // Its sentences are translated passages, not same facts, of that original.
        expect(result.passages.some((x) => x.kind === 'same-fact' && x.dispatch === idOf(p, other)), p.name).toBe(false);
      }
    }, 60_000);
  }
});
