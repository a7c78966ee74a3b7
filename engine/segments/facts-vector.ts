import { figuresOf, findTerm, termHash, termWeight } from '../facts/facts-index';
import type { SentenceVector } from '../facts/score';
import { TermKind, isContent, type FactSentence } from '../facts/terms';
import type { FactsView } from './facts-view';

/** A page sentence as a weighted vector over the corpus terms, with each segment's term indexes. */
export interface ViewVector extends SentenceVector {
  /** Per segment, its index of each term (-1 when it lacks it), in the order of `hashes`. */
  local: Int32Array[];
  /** Kind of each term as the corpus records it, and 1 when it is too common to propose candidates. */
  kinds: Uint8Array;
  common: Uint8Array;
}

/**
 * sentenceVector over a segmented index: the same weights (corpus-wide document frequencies) and
 * the same term order (hash order, which is the term order of every segment and of one index).
 */
export function viewVector(sentence: FactSentence, view: FactsView): ViewVector {
  const seen = new Set<number>();
  const entries: [number, number, number, number][] = [];
  let norm = 0;
  let content = 0;
  let hasDayMonth = false;
  let hasYear = false;
  for (const hit of sentence.hits) {
    const hash = termHash(hit.key);
    if (seen.has(hash)) continue;
    seen.add(hash);
    const stats = view.term(hash);
    const w = termWeight(hit.kind, stats ? stats.df : 0, view.docs);
    norm += w * w;
    if (hit.kind === TermKind.DayMonth) hasDayMonth = true;
    if (hit.kind === TermKind.Year) hasYear = true;
    if (!stats) continue;
    if (isContent(hit.kind)) content++;
    entries.push([hash, w, stats.kind, view.isCommon(stats) ? 1 : 0]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const hashes = Uint32Array.from(entries, (e) => e[0]);
  return {
    sentence,
    lang: sentence.lang === 'en' ? 1 : 0,
    terms: hashes,
    weights: Float32Array.from(entries, (e) => e[1]),
    hashes,
    norm: Math.sqrt(norm),
    content,
    passiveMass: 0,
    hasDayMonth,
    hasYear,
    figures: figuresOf(sentence.hits),
    local: view.parts.map((p) => Int32Array.from(hashes, (h) => findTerm(p.index, h))),
    kinds: Uint8Array.from(entries, (e) => e[2]),
    common: Uint8Array.from(entries, (e) => e[3]),
  };
}
