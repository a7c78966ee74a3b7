/**
 * Norms by sentence handle, one float per sentence of the view (NaN: not found yet), made on the
 * first norm found. A table of only the sentences met was tried: an alignment meets a quarter of
 * the sentences of the benchmark's 10,000 dispatches (a tenth at 100,000), a table holding that
 * many takes as many bytes as this array, and one emptied sooner made every alignment of the same
 * page find most of its norms again (a third of its time).
 */
export class NormCache {
  private values: Float32Array | null = null;

  constructor(private readonly handles: number) {}

  /** The norm of sentence h, or NaN when not found yet. */
  get(h: number): number {
    return this.values === null ? NaN : this.values[h];
  }

  set(h: number, norm: number): void {
    (this.values ??= new Float32Array(this.handles).fill(NaN))[h] = norm;
  }

  bytes(): number {
    return this.values?.byteLength ?? 0;
  }
}
