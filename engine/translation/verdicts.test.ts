import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { alignWith } from '../align-page';
import { buildIndex } from '../corpus-index';
import { dispatchText } from '../dispatch-text';
import { buildFactsIndex } from '../facts/facts-index';
import type { Dispatch } from '../types';

interface Pair {
  date: string;
  en: { url: string; sentences: string[] };
  fr: { url: string; sentences: string[] };
}
const pair = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/eval/translations', `${name}.json`), 'utf8')) as Pair;

/** Sentences as paragraphs of three, as an article gives them. */
function paragraphs(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '));
  return out;
}

function dispatchOf(id: string, p: Pair, lang: 'en' | 'fr'): Dispatch {
  return { id, outlet: 'WHO', origin: 'WHO', chain: ['WHO'], language: lang, date: p.date, title: id, url: p[lang].url, paragraphs: paragraphs(p[lang].sentences) };
}

const who17 = pair('who-2020-02-17');
const who20 = pair('who-2020-02-20');
const corpus: Dispatch[] = [...bundledCorpus, dispatchOf('who-en-2020-02-17', who17, 'en'), dispatchOf('who-en-2020-02-20', who20, 'en')];
const texts = new Map(corpus.map((d) => [d.id, dispatchText(d)]));
const indexes = {
  index: buildIndex(corpus.map((d) => ({ id: d.id, text: texts.get(d.id)! }))),
  facts: buildFactsIndex(corpus.map((d) => ({ id: d.id, text: texts.get(d.id)!, date: d.date, language: d.language }))),
};
const align = (text: string, language: string, date: string) => alignWith(text, indexes, (id) => texts.get(id), { language, date }, {});

describe('translated verdict', () => {
  it('calls a French page that translates an English dispatch a translation of it, with each sentence beside its original', () => {
    const page = paragraphs(who17.fr.sentences).join('\n\n');
    const result = align(page, 'fr', who17.date);
    const verdict = result.dispatches.find((v) => v.id === 'who-en-2020-02-17');
    expect(verdict?.relation).toBe('translated');
    expect(verdict!.coverage).toBeGreaterThanOrEqual(0.9);
    const translated = result.passages.filter((p) => p.kind === 'translated');
    expect(translated.length).toBe(verdict!.passages);
    expect(translated.every((p) => p.dispatch === 'who-en-2020-02-17')).toBe(true);
    // Offsets hold on both sides, and the first sentence sits beside its own original.
    for (const p of translated) {
      expect(page.slice(p.page.start, p.page.end)).toBe(p.page.text);
      expect(texts.get(p.dispatch)!.slice(p.source.start, p.source.end)).toBe(p.source.text);
    }
    const third = translated.find((p) => p.page.text.startsWith('À 6 h ce matin'));
    expect(third?.source.text).toBe(who17.en.sentences[2]);
    // The same-fact pairs and the same-story verdict give way to the translation.
    expect(result.passages.some((p) => p.kind === 'same-fact' && p.dispatch === 'who-en-2020-02-17')).toBe(false);
    expect(result.dispatches.filter((v) => v.id === 'who-en-2020-02-17')).toHaveLength(1);
  });

  it('reads the other way too: an English page that translates nothing of the corpus but tells the same facts is no translation', () => {
    // The 20 February remarks in English against the 17 February ones: same speaker, same subject, other sentences.
    const page = paragraphs(who20.en.sentences).join('\n\n');
    const result = alignWith(page, indexes, (id) => (id === 'who-en-2020-02-20' ? undefined : texts.get(id)), { language: 'en', date: who20.date, exclude: ['who-en-2020-02-20'] }, {});
    expect(result.dispatches.filter((v) => v.relation === 'translated')).toEqual([]);
  });

  it('gives no translated verdict to a French page against French dispatches', () => {
    const d = bundledCorpus[0];
    const result = alignWith(texts.get(d.id)!, indexes, (id) => texts.get(id), { language: 'fr', date: d.date, exclude: [d.id] }, {});
    expect(result.dispatches.filter((v) => v.relation === 'translated')).toEqual([]);
    expect(result.passages.filter((p) => p.kind === 'translated')).toEqual([]);
  });
});
