/**
 * Norms by sentence handle, one float per sentence of the view (NaN: not found yet), made on the
 * first part filled. The view fills the norms of a whole part at once (FactsView.fillNorms): every
 * page meets a good share of the sentences of the large parts (a quarter of those of the
 * benchmark's 10,000 dispatches, a tenth at 100,000), and a table of only the sentences met would
 * take as many bytes as this array.
 */
export class NormCache {
  private values: Float32Array | null = null;

  constructor(private readonly handles: number) {}

  /** The norm of sentence h, or NaN when not found yet. */
  get(h: number): number {
    return this.values === null ? NaN : this.values[h];
  }

  /** The norms by handle (NaN: not found yet), or null before the first is found. */
  found(): Float32Array | null {
    return this.values;
  }

  /** Keeps the norm of sentence h; returns it. */
  set(h: number, norm: number): number {
    (this.values ??= new Float32Array(this.handles).fill(NaN))[h] = norm;
    return norm;
  }

  /** Lets `write` set a run of norms from handle `at` in the array itself (out[at + i]). */
  fill(at: number, write: (out: Float32Array, at: number) => void): void {
    write((this.values ??= new Float32Array(this.handles).fill(NaN)), at);
  }

  /** Copies `count` norms of `other` from its handle `from` to this cache's handle `at`. */
  copy(other: NormCache, from: number, count: number, at: number): void {
    const values = other.values;
    if (values === null || count === 0) return;
    this.fill(at, (out, to) => out.set(values.subarray(from, from + count), to));
  }

  bytes(): number {
    return this.values?.byteLength ?? 0;
  }
}
