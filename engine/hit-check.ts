import { tokenize, type Tokens } from './tokenize';

/** Characters read around a hit to check it: enough for ~30 words on each side. */
const REACH = 220;

/**
 * Length in words of the identical run around one shingle hit, reading only the words near it in
 * the dispatch. A lone hit inside a short run is a common phrase, not worth aligning the dispatch.
 */
export function runAroundHit(page: Tokens, p: number, source: string, at: number, k: number): number {
  const near = tokenize(source, false, Math.max(0, at - REACH), Math.min(source.length, at + REACH));
  let q = lowerBound(near.starts, at);
  if (q >= near.count || near.starts[q] !== at) return 0;
  let run = 0;
  while (p + run < page.count && q + run < near.count && page.hashes[p + run] === near.hashes[q + run]) run++;
  if (run < k) return run;
  let back = 1;
  while (p - back >= 0 && q - back >= 0 && page.hashes[p - back] === near.hashes[q - back]) back++;
  return run + back - 1;
}

export function lowerBound(a: Uint32Array, value: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
