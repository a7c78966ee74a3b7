import type { FactsIndex } from '../facts/facts-index';

/**
 * Every term hash met in a segment gets one number, kept for as long as the worker runs: a view
 * then sums a term's counts over its segments by array position, where it would otherwise search
 * every segment for the term. Segments are immutable, so the numbers of a segment's terms are found
 * once (kept beside the index object) and serve every later view holding it.
 */
const termNumbers = new Map<number, number>();
const numbersByIndex = new WeakMap<FactsIndex, Int32Array>();

export function numbersOf(ix: FactsIndex): Int32Array {
  let out = numbersByIndex.get(ix);
  if (out) return out;
  out = new Int32Array(ix.keys.length);
  for (let k = 0; k < ix.keys.length; k++) {
    let n = termNumbers.get(ix.keys[k]);
    if (n === undefined) termNumbers.set(ix.keys[k], (n = termNumbers.size));
    out[k] = n;
  }
  numbersByIndex.set(ix, out);
  return out;
}

/** The number of a term hash, or undefined when no segment met so far holds it. */
export function termNumberOf(hash: number): number | undefined {
  return termNumbers.get(hash);
}

/** Term numbers given so far (each is below it). */
export function termNumberCount(): number {
  return termNumbers.size;
}
