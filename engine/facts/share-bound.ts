import type { FactsIndex } from './facts-index';
import { TermKind, isContent, isWord } from './terms';
import type { PairScore, RankedTerms, SentenceVector } from './score';

// What a same-fact pair must share, and its bound read before scoring: mayShareEnough must never
// turn away a pair sharesEnough admits (share-bound.test.ts), so a change to one is made beside the other.

/**
 * Content terms (stems, concepts, numbers) two sentences must share: names alone are no fact.
 * One is enough when the pair also shares a name, a number or a date ("Macron" + "réélu": a
 * retelling in other words often keeps only the act and who did it). The event checks (acts,
 * occasions, dates) guard such thin pairs; on the evaluation set (npm run eval) this rule raised
 * recall at equal precision over the former 2 anchored / 3 unanchored.
 */
export const MIN_SHARED_CONTENT = 2;
export const ANCHORED_MIN_SHARED_CONTENT = 1;

/** Enough shared content for the pair to be a candidate at all, whatever its score. */
export function sharesEnough(p: PairScore): boolean {
  // The one shared word must be a word: a lone shared figure is its own anchor, and no fact. A
  // name with a figure is who and how much ("Messi ... in the 108th minute", "Afad: 284 morts"),
  // told in words the other telling need not share: on halves A and B of the evaluation set this
  // found five SAME pairs more for one TOPIC pair.
  return p.sharedContent >= MIN_SHARED_CONTENT || (p.sharedWords >= ANCHORED_MIN_SHARED_CONTENT && p.anchored) || p.namedFigure;
}

/**
 * False when the pair of page sentence `v` and sentence s of `index` cannot share enough
 * (sharesEnough), whatever the candidate's language: read from the terms they share alone, before
 * the candidate's record and the event checks. Most candidates alignFacts scores fail there (nine
 * in ten on the benchmark), and this costs the merge of their terms only. Each count is the most
 * scoreSentence can find: a stem counts as content and word even where it would be met across
 * languages, a gloss as a word as soon as one of its stems is held, any shared number as a figure.
 * `ranked`: rankedTerms(local, index); `met`: scratch, at least one byte per gloss of v.
 */
export function mayShareEnough(v: SentenceVector, local: ArrayLike<number>, index: FactsIndex, s: number, ranked: RankedTerms, met: Uint8Array): boolean {
  const { rank, at } = ranked;
  const m = rank.length;
  const terms = index.sentTerms;
  const end = index.sentOffsets[s + 1];
  let content = 0;
  let words = 0;
  let anchored = false;
  let number = false;
  let entity = false;
  met.fill(0, 0, v.glossHashes.length);
  for (let e = index.sentOffsets[s], r = 0, j = 0; e < end && j < m; ) {
    let b = terms[e++];
    let gap = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = terms[e++];
      gap |= (b & 0x7f) << shift;
    }
    r += gap;
    while (j < m && rank[j] < r) j++;
    if (j === m || rank[j] !== r) continue;
    const i = at[j];
    const g = v.glossOf[i];
    if (g >= 0 && !met[g]) {
      met[g] = 1;
      words++;
    }
    if (!v.own[i]) continue;
    const kind = index.kinds[local[i]] as TermKind;
    if (isContent(kind)) content++;
    if (isWord(kind)) words++;
    else if (kind !== TermKind.Month) anchored = true;
    if (kind === TermKind.Number) number = true;
    else if (kind === TermKind.Entity) entity = true;
  }
  return content >= MIN_SHARED_CONTENT || (words >= ANCHORED_MIN_SHARED_CONTENT && anchored) || (number && entity);
}
