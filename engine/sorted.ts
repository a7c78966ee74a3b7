/** Searches in sorted Uint32Arrays, shared by the text and facts indexes and the aligner. */

/** Index of `value` in sorted `a` between `lo` and `hi` inclusive, or -1. */
export function indexOfSorted(a: Uint32Array, value: number, lo = 0, hi = a.length - 1): number {
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid];
    if (v < value) lo = mid + 1;
    else if (v > value) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Index of the first element of sorted `a` not below `value`, between `lo` and `hi` (hi if none). */
export function lowerBound(a: Uint32Array, value: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * lowerBound for increasing look-ups: the first element not below `value` at or after `from`
 * (a.length if none), found by galloping from `from` (steps of 1, 2, 4, …) and a binary search
 * within the last step, so a value near the previous one costs a few probes.
 */
export function lowerBoundFrom(a: Uint32Array, value: number, from: number): number {
  let lo = from;
  let hi = from;
  let step = 1;
  while (hi < a.length && a[hi] < value) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  return lowerBound(a, value, lo, Math.min(hi, a.length));
}
