/** Median of the finite values; NaN when there is none. */
export function median(values: readonly number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of the finite values; NaN when there is none. */
export function percentile(values: readonly number[], p: number): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const rank = Math.ceil((p / 100) * v.length);
  return v[Math.min(v.length - 1, Math.max(0, rank - 1))];
}

/** Sum of the finite values (a page that failed to load counts for nothing). */
export function sum(values: readonly number[]): number {
  return values.reduce((acc, x) => (Number.isFinite(x) ? acc + x : acc), 0);
}

/**
 * Median of the differences `a[i] - b[i]` of loads made side by side (the same run of a page, one
 * right after the other): a slow moment of the machine falls on both halves of a pair and cancels
 * out, where the difference of two separate medians keeps it. Pairs with a missing half are left out.
 */
export function pairedMedian(a: readonly number[], b: readonly number[]): number {
  return median(a.slice(0, Math.min(a.length, b.length)).map((x, i) => x - b[i]));
}
