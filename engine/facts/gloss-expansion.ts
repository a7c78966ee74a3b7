import { termHash, termWeight } from './facts-index';
import { stemsOfGloss } from './gloss';
import type { FactLang } from './lexicon';
import { TermKind, type FactSentence } from './terms';

/**
 * Stems of the other language a page word's gloss is read as, at most: a gloss the lexicon gives
 * many words (French "devoir", "doit", "doivent"... for "must": 14) would otherwise add as many
 * terms to look up in every segment and to merge with every candidate. The stems the corpus holds
 * in the most dispatches are kept: those a sentence of the other language most likely uses.
 */
export const MAX_GLOSS_STEMS = 8;

/** One gloss of a page sentence: the stems of the other language that stand for it in the corpus. */
export interface GlossGroup<T> {
  /** Hash of the gloss's key ('x:' + gloss), to find the page words that give it. */
  hash: number;
  weight: number;
  stems: { hash: number; term: T }[];
}

/**
 * The glosses of a page sentence's words (TermKind.Gloss hits), each read as the stems of the
 * other language that stand for it (engine/data/gloss-stems.json) and that the corpus holds: the
 * corpus keeps no gloss terms of its own, and a sentence in the other language shares the gloss
 * when it holds one of those stems (score.ts, GLOSS_FACTOR).
 *
 * Its weight is that of a term in as many dispatches as the gloss's stems of both languages
 * together (glossDf).
 */
export function expandGlosses<T>(
  sentence: FactSentence,
  docs: number,
  find: (hash: number) => T | undefined,
  dfOf: (term: T) => number,
): GlossGroup<T>[] {
  const out: GlossGroup<T>[] = [];
  const seen = new Set<string>();
  const other = sentence.lang === 'fr' ? 'en' : 'fr';
  for (const hit of sentence.hits) {
    if (hit.kind !== TermKind.Gloss || seen.has(hit.key)) continue;
    seen.add(hit.key);
    const gloss = hit.key.slice(2);
    const stems: { hash: number; term: T; df: number }[] = [];
    for (const stem of stemsOfGloss(gloss, other)) {
      const hash = termHash('s:' + stem);
      const term = find(hash);
      if (term !== undefined) stems.push({ hash, term, df: dfOf(term) });
    }
    if (!stems.length) continue;
    stems.sort((a, b) => b.df - a.df || a.hash - b.hash);
    out.push({ hash: termHash(hit.key), weight: termWeight(TermKind.Gloss, glossDf(gloss, sentence.lang, stems, find, dfOf, docs), docs), stems: stems.slice(0, MAX_GLOSS_STEMS) });
  }
  return out;
}

/**
 * Dispatches holding the gloss, as a gloss term of every corpus sentence would have counted them:
 * the stems of both languages that stand for it, each stem once and its dispatches summed (a
 * dispatch with two of them counts twice), at most the corpus. A slight overcount, so a slightly
 * lower weight: on the evaluation set (npm run eval) the summed count left every pair's score as
 * the gloss terms gave it but two, both 0.004 to 0.006 lower; the largest count of one stem,
 * summed over the two languages or not, raised scores of 48 pairs, TOPIC pairs among them.
 */
function glossDf<T>(
  gloss: string,
  lang: FactLang,
  stems: readonly { hash: number; df: number }[],
  find: (hash: number) => T | undefined,
  dfOf: (term: T) => number,
  docs: number,
): number {
  let df = 0;
  const counted = new Set<number>();
  for (const s of stems) {
    counted.add(s.hash);
    df += s.df;
  }
  for (const stem of stemsOfGloss(gloss, lang)) {
    const hash = termHash('s:' + stem);
    if (counted.has(hash)) continue;
    counted.add(hash);
    const term = find(hash);
    if (term !== undefined) df += dfOf(term);
  }
  return Math.min(df, docs);
}
