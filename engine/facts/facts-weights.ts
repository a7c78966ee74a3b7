import { TermKind } from './terms';

/**
 * Weight of a term kind in a sentence vector. Entities are who a sentence is about, not what it
 * says (most sentences of a story name the same people); numbers are the sharpest evidence that
 * two sentences tell one fact; time cues count a little when shared and weigh through the event
 * checks when they disagree.
 */
export const KIND_WEIGHT: Record<TermKind, number> = {
  [TermKind.Stem]: 1,
  [TermKind.Concept]: 1,
  [TermKind.Entity]: 0.6,
  [TermKind.Number]: 1.5,
  [TermKind.Weekday]: 0.4,
  [TermKind.Month]: 0.3,
  [TermKind.DayMonth]: 0.8,
  [TermKind.Year]: 0.4,
  [TermKind.Gloss]: 1,
};

/**
 * Smoothed inverse document frequency: ln((N + 1) / (df + 0.5)) + 1. The +1 keeps terms found in
 * every dispatch of a five-dispatch corpus above zero; a term the corpus lacks counts as df = 1.
 */
export function idf(df: number, docs: number): number {
  return Math.log((docs + 1) / (Math.max(df, 1) + 0.5)) + 1;
}

export function termWeight(kind: number, df: number, docs: number): number {
  return KIND_WEIGHT[kind as TermKind] * idf(df, docs);
}

const GRID = 2 ** 30;
/**
 * A term's squared weight on a grid of 2^-30, what sentence norms sum: such values (below 2^9) add
 * exactly in any order while the sum stays below 2^23, so a norm is the same float whichever order
 * an index lists the sentence's terms in (segments and a rebuilt index rank terms differently).
 */
export function squaredWeight(kind: number, df: number, docs: number): number {
  // Segments stored while corpus sentences held gloss terms, read until they are rebuilt (a rules
  // change rebuilds them on the next start or write): such a term never matches a page term, and
  // its sentence's norm stays the one its stem gives.
  if (kind === TermKind.Gloss) return 0;
  const w = termWeight(kind, df, docs);
  return Math.round(w * w * GRID) / GRID;
}

/**
 * postingCap of a segment of a segmented index: every posting is kept, because whether a term is
 * common depends on the whole corpus, which a segment does not know.
 */
export const KEEP_ALL_POSTINGS = 0xffffffff;

/**
 * Postings walked per page sentence (see walkedTerms), and the longest postings list walked at
 * all. Without it the work per page grows with the corpus: the posting cap is a share of its
 * sentences, so at 100,000 dispatches a sentence's rarest term can be in 5,000 sentences, and its
 * walk costs more than the rest of the alignment. A term in more sentences than this is as
 * unspecific as a stock word at that corpus size: it still counts in the exact scores. On the
 * benchmark's 10,000-dispatch corpus the posting cap (605 sentences) is lower, and the pairs found
 * are those of an unbounded walk; at 100,000 see `node --import tsx cli/bench-facts-scale.ts`. (alignFacts reads it.)
 */
export const WALK_BUDGET = 2000;

/**
 * listCap of a segment too small to need more: reading a list from the forward lists costs one pass
 * over the segment's sentences, a few milliseconds below RECOVERY_SENTENCES.
 */
export const LIST_CAP = 64;
export const RECOVERY_SENTENCES = 50_000;

/**
 * listCap of a segment of `sentences` sentences (see FactsIndex.listCap). A term proposes
 * candidates only while its live sentences across the corpus are at most WALK_BUDGET (and the
 * posting cap): a term in more sentences of one segment never does, in any corpus holding the
 * segment (unless that many of them are removed). A bigger segment stores the postings of every
 * term up to that: the first alignment of a page would otherwise read the whole segment's forward
 * lists for the frequent terms of its sentences (over a second at 100,000 dispatches). A smaller
 * one keeps LIST_CAP, which spares the memory of its frequent terms' lists at the cost of a short pass.
 */
export function listCapFor(sentences: number): number {
  return sentences > RECOVERY_SENTENCES ? WALK_BUDGET : LIST_CAP;
}

/**
 * A term found in more corpus sentences than this does not propose candidates (it still counts in
 * their exact score): in a big corpus "russ" or "sanction" are in tens of thousands of sentences,
 * and walking those lists would cost more than all the rest, so they are not even stored. Chosen
 * with align.ts's MAX_EXACT on the benchmark's 10,000-dispatch synthetic corpus (242,000
 * sentences, a small recycled vocabulary: the worst case for this rule): 1/400 of the sentences
 * and 100 exact scores keep 22 of the 24 page sentences an exhaustive search aligns, at about a
 * third of its time.
 */
export function postingCapFor(sentences: number): number {
  return Math.max(200, Math.ceil(sentences / 400));
}
