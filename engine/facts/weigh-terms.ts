import { termHash, termWeight } from './facts-index';
import { expandGlosses } from './gloss-expansion';
import type { SentenceVector } from './score';
import { isContent, TermKind, type FactSentence } from './terms';

/** A sentence's distinct terms weighed against a corpus; `term` is how the corpus knows each one. */
export interface WeighedTerms<T> {
  /** The terms the corpus knows, the sentence's own in its order, then the stems its glosses stand for. */
  found: { hash: number; weight: number; term: T; own: boolean; gloss: number }[];
  /** Its glosses that the corpus holds stems of, by position (WeighedTerms.found's `gloss`). */
  glosses: { hash: number; weight: number }[];
  /** Euclidean norm over every term, known to the corpus or not. */
  norm: number;
  /** Content terms the corpus knows. */
  content: number;
  hasDayMonth: boolean;
  hasYear: boolean;
}

/**
 * The weighing shared by one whole index and a segmented view: each distinct term of the sentence
 * once, weighted by its corpus-wide document frequency (`find` gives how the corpus knows a term,
 * undefined when it does not; `dfOf` its document frequency among `docs`). The sentence's glosses
 * come last, as the stems of the other language they stand for (expandGlosses).
 */
export function weighTerms<T>(sentence: FactSentence, docs: number, find: (hash: number) => T | undefined, dfOf: (term: T) => number): WeighedTerms<T> {
  const at = new Map<number, number>();
  const found: WeighedTerms<T>['found'] = [];
  let norm = 0;
  let content = 0;
  let hasDayMonth = false;
  let hasYear = false;
  for (const hit of sentence.hits) {
    // A gloss is a second reading of a word the norm holds already (as its stem): read below.
    if (hit.kind === TermKind.Gloss) continue;
    const hash = termHash(hit.key);
    if (at.has(hash)) continue;
    at.set(hash, -1);
    const term = find(hash);
    const weight = termWeight(hit.kind, term === undefined ? 0 : dfOf(term), docs);
    norm += weight * weight;
    if (hit.kind === TermKind.DayMonth) hasDayMonth = true;
    if (hit.kind === TermKind.Year) hasYear = true;
    if (term === undefined) continue;
    if (isContent(hit.kind)) content++;
    at.set(hash, found.length);
    found.push({ hash, weight, term, own: true, gloss: -1 });
  }
  const groups = expandGlosses(sentence, docs, find, dfOf);
  groups.forEach((group, g) => {
    for (const { hash, term } of group.stems) {
      // A stem of the other language the sentence also holds (a cognate: "accept"): one term, read both ways.
      const i = at.get(hash) ?? -1;
      if (i >= 0) found[i].gloss = g;
      else {
        at.set(hash, found.length);
        found.push({ hash, weight: group.weight, term, own: false, gloss: g });
      }
    }
  });
  return { found, glosses: groups, norm: Math.sqrt(norm), content, hasDayMonth, hasYear };
}

/** The gloss fields of a SentenceVector from weighTerms' result, once `found` has its final order. */
export function glossFields(found: WeighedTerms<unknown>['found'], glosses: WeighedTerms<unknown>['glosses']): Pick<SentenceVector, 'own' | 'glossOf' | 'glossHashes' | 'glossWeights'> {
  return {
    own: Uint8Array.from(found, (e) => (e.own ? 1 : 0)),
    glossOf: Int16Array.from(found, (e) => e.gloss),
    glossHashes: Uint32Array.from(glosses, (g) => g.hash),
    glossWeights: Float32Array.from(glosses, (g) => g.weight),
  };
}
