import { bundledCorpus } from '../corpus/bundled';
import { alignWith } from '../engine/align-page';
import { buildIndex } from '../engine/corpus-index';
import { dispatchText } from '../engine/dispatch-text';
import { buildFactsIndex } from '../engine/facts/facts-index';
import type { Dispatch } from '../engine/types';
import type { TranslationPair } from './eval-translation';

/** One translation direction read as a page by the extension's own path. */
export interface FoundOutcome {
  name: string;
  /** Language of the page (either side of the pair is read as the page in turn). */
  page: 'en' | 'fr';
  /** The page got a `translated` verdict naming its other-language version. */
  found: boolean;
  /** Other dispatches it was wrongly called a translation of. */
  wrong: string[];
}

function paragraphs(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '));
  return out;
}

/**
 * Both versions of every pair become dispatches of one corpus with the seed dispatches; each
 * version is then aligned as a page with its own dispatch left out (alignWith, as the extension
 * reads a page): is the other version found and called its translation, whatever same-fact pairs
 * the two share?
 */
export function translationsFound(pairs: readonly TranslationPair[]): FoundOutcome[] {
  const corpus: Dispatch[] = [...bundledCorpus];
  const idOf = (p: TranslationPair, lang: 'en' | 'fr') => `eval-${p.name}-${lang}`;
  for (const p of pairs) {
    for (const lang of ['en', 'fr'] as const) {
      corpus.push({ id: idOf(p, lang), outlet: p.name, origin: p.name, chain: [p.name], language: lang, date: p.date, title: p.name, url: p[lang].url, paragraphs: paragraphs(p[lang].sentences) });
    }
  }
  const texts = new Map(corpus.map((d) => [d.id, dispatchText(d)]));
  const indexes = {
    index: buildIndex(corpus.map((d) => ({ id: d.id, text: texts.get(d.id)! }))),
    facts: buildFactsIndex(corpus.map((d) => ({ id: d.id, text: texts.get(d.id)!, date: d.date, language: d.language }))),
  };
  const out: FoundOutcome[] = [];
  for (const p of pairs) {
    for (const page of ['en', 'fr'] as const) {
      const other = idOf(p, page === 'en' ? 'fr' : 'en');
      const result = alignWith(paragraphs(p[page].sentences).join('\n\n'), indexes, (id) => texts.get(id), { language: page, date: p.date, exclude: [idOf(p, page)] }, {});
      const translated = result.dispatches.filter((v) => v.relation === 'translated').map((v) => v.id);
      out.push({ name: p.name, page, found: translated.includes(other), wrong: translated.filter((id) => id !== other) });
    }
  }
  return out;
}
