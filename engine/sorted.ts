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

/** Index of the first element of sorted `a` not below `value` (a.length if none). */
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
