/**
 * Norms by sentence handle, in a table of the sentences met (open addressing): an alignment
 * meets a small share of the corpus's sentences, whose norms one array per segment would hold
 * beside millions of slots never read. Past a table as big as that array would be, it is emptied
 * (a norm is found again from the sentence's terms, to the same value) rather than grown.
 */
export class NormCache {
  /** Handle + 1 of each slot's sentence (0: empty). */
  private keys = new Int32Array(1024);
  private values = new Float32Array(1024);
  private count = 0;
  private readonly maxSlots: number;

  constructor(sentences: number) {
    // Eight bytes a slot, at most half of them full: at most half the bytes of a norm per sentence.
    let max = 1024;
    while (max * 2 <= sentences / 4) max *= 2;
    this.maxSlots = max;
  }

  /** The norm of sentence h, or NaN when not found yet. */
  get(h: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = Math.imul(h, 0x9e3779b1) & mask; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === h + 1) return this.values[i];
      if (k === 0) return NaN;
    }
  }

  set(h: number, norm: number): void {
    if ((this.count + 1) * 2 > this.keys.length) {
      if (this.keys.length >= this.maxSlots) this.clear();
      else this.grow();
    }
    this.place(h, norm);
    this.count++;
  }

  bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  private place(h: number, norm: number): void {
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = Math.imul(h, 0x9e3779b1) & mask;
    while (keys[i] !== 0) i = (i + 1) & mask;
    keys[i] = h + 1;
    this.values[i] = norm;
  }

  private clear(): void {
    this.keys.fill(0);
    this.count = 0;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Float32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.place(keys[i] - 1, values[i]);
  }
}
