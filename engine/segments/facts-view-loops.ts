import { squaredWeight, type FactsIndex } from '../facts/facts-index';
import { STEP_ITEMS } from './steps';
import { compareIds } from './text-view';

// The loops of FactsView over typed arrays, apart from the class: each is a function of typed
// arrays alone, compiled once for every view and part.

/** Sentences (or terms) a step of normSteps reads: well under a millisecond. */
export const NORM_STEP = STEP_ITEMS / 4;

/**
 * A part's sentences whose norms are found one by one are at most 1/ALONE_SHARE of them: past it,
 * the pass over the part's forward lists finds the rest. One by one, a norm costs about three
 * times its share of the pass, so pages finding their norms so before the pass ran pay at most
 * what it costs.
 */
export const ALONE_SHARE = 3;

/**
 * The squared weight of each term of a part by rank, ranks from..to-1, to out[r] (`numbers`: the
 * part's term numbers, by term index), filling `weights` (by term number, NaN: not computed yet) as
 * it goes. A function of typed arrays alone: called once per part of a new view, it is compiled once
 * for all of them.
 */
export function squaresByRank(
  numbers: Int32Array,
  byRank: Uint16Array | Uint32Array,
  weights: Float64Array,
  kind: Uint8Array,
  df: Int32Array,
  docs: number,
  out: Float64Array,
  from: number,
  to: number,
): void {
  for (let r = from; r < to; r++) {
    const t = numbers[byRank[r]];
    let w = weights[t];
    if (w !== w) weights[t] = w = squaredWeight(kind[t], Math.max(df[t], 0), docs);
    out[r] = w;
  }
}

/**
 * The norm of each sentence s of a part from..to-1 (forward lists: bytes sentOffsets[s]..sentOffsets[s+1],
 * ranks as varint gaps), written to out[at + s]: the square root of the sum of its terms' squares.
 * Squares on a grid (squaredWeight) add exactly in any order: the sum of a rebuilt index, which
 * lists the terms in another rank order. Rounded to 32 bits, as a rebuilt index's sentNorm stores it.
 */
export function partNorms(terms: Uint8Array, offsets: Uint32Array, squares: Float64Array, out: Float32Array, at: number, from: number, to: number): void {
  let e = offsets[from];
  for (let s = from; s < to; s++) {
    const end = offsets[s + 1];
    let sum = 0;
    for (let r = 0; e < end; ) {
      let b = terms[e++];
      let gap = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = terms[e++];
        gap |= (b & 0x7f) << shift;
      }
      r += gap;
      sum += squares[r];
    }
    out[at + s] = Math.sqrt(sum);
  }
}

/** The norm of one sentence (its forward list: bytes from..end), as partNorms finds it. */
export function sentenceNorm(terms: Uint8Array, from: number, end: number, squares: Float64Array): number {
  let sum = 0;
  for (let e = from, r = 0; e < end; ) {
    let b = terms[e++];
    let gap = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = terms[e++];
      gap |= (b & 0x7f) << shift;
    }
    r += gap;
    sum += squares[r];
  }
  return Math.fround(Math.sqrt(sum));
}

/** A segment merged away: its index, removed dispatches, and first sentence handle in the view before. */
export interface MergedSource {
  index: FactsIndex;
  dead: Uint8Array | null;
  base: number;
}

/**
 * The norms of the sentences of merged segment `ix` (to out[at + s]) read from those found of the
 * segments it merged (`values`, by handle of the view before): each dispatch's sentences are found
 * in the one live copy of it there, sentence for sentence. Every list is in id order (compareIds),
 * so one walk of each finds them. False when some sentence got no norm (its dispatch not found
 * there, or its norm not found yet): those are left NaN.
 */
export function mergedNorms(ix: FactsIndex, sources: readonly MergedSource[], values: Float32Array, out: Float32Array, at: number): boolean {
  const next = sources.map(() => ({ d: 0, s: 0 }));
  let whole = true;
  let s = 0;
  for (let d = 0; d < ix.ids.length; d++) {
    const id = ix.ids[d];
    let end = s;
    while (end < ix.sentDoc.length && ix.sentDoc[end] === d) end++;
    let from = -1;
    for (let i = 0; i < sources.length && from < 0; i++) {
      const src = sources[i].index;
      const p = next[i];
      while (p.d < src.ids.length && compareIds(src.ids[p.d], id) < 0) p.s = sentencesEnd(src, p.d++, p.s);
      if (p.d >= src.ids.length || src.ids[p.d] !== id || sources[i].dead?.[p.d]) continue;
      if (sentencesEnd(src, p.d, p.s) - p.s === end - s) from = sources[i].base + p.s;
    }
    for (let k = s; k < end; k++) {
      const v = from < 0 ? NaN : values[from + k - s];
      out[at + k] = v;
      if (v !== v) whole = false;
    }
    s = end;
  }
  return whole;
}

/** The end of dispatch d's sentences in `ix`, which start at s. */
function sentencesEnd(ix: FactsIndex, d: number, s: number): number {
  let end = s;
  while (end < ix.sentDoc.length && ix.sentDoc[end] === d) end++;
  return end;
}

/** Same counts by term number (a term past an array's end: in no dispatch), same kinds where counted. */
export function sameCounts(dfA: Int32Array, kindA: Uint8Array, dfB: Int32Array, kindB: Uint8Array): boolean {
  const n = Math.max(dfA.length, dfB.length);
  for (let t = 0; t < n; t++) {
    const df = t < dfA.length ? dfA[t] : 0;
    if (df !== (t < dfB.length ? dfB[t] : 0)) return false;
    if (df > 0 && kindA[t] !== kindB[t]) return false;
  }
  return true;
}

/** First sentence of dispatch d (sentDoc is increasing), or the sentence count when it has none. */
export function firstSentenceOf(ix: FactsIndex, d: number): number {
  let lo = 0;
  let hi = ix.sentDoc.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ix.sentDoc[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isSorted(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1] > ids[i]) return false;
  return true;
}

/** Position of `id` in ids sorted as compareIds sorts them, or -1. */
export function sortedIndexOf(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < id) lo = mid + 1;
    else if (ids[mid] > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}
