import { describe, expect, it } from 'vitest';
import { shingleHashes, winnow } from './shingles';

function rng(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

describe('winnowing', () => {
  it('keeps a common fingerprint for every shared run of w + k - 1 words', () => {
    const k = 5;
    const w = 4;
    const rand = rng(7);
    for (let trial = 0; trial < 200; trial++) {
      const shared = Uint32Array.from({ length: w + k - 1 }, () => (rand() * 1e9) >>> 0);
      const a = Uint32Array.from([...Array.from({ length: 20 }, () => (rand() * 1e9) >>> 0), ...shared, 5, 6]);
      const b = Uint32Array.from([9, ...shared, ...Array.from({ length: 13 }, () => (rand() * 1e9) >>> 0)]);
      const ha = shingleHashes(a, k);
      const hb = shingleHashes(b, k);
      const fa = new Set(Array.from(winnow(ha, w), (i) => ha[i]));
      const fb = Array.from(winnow(hb, w), (i) => hb[i]);
      expect(fb.some((h) => fa.has(h))).toBe(true);
    }
  });

  it('keeps about 2/(w+1) of the shingles', () => {
    const rand = rng(3);
    const words = Uint32Array.from({ length: 20000 }, () => (rand() * 1e9) >>> 0);
    const h = shingleHashes(words, 5);
    const density = winnow(h, 4).length / h.length;
    expect(density).toBeGreaterThan(0.3);
    expect(density).toBeLessThan(0.5);
  });

  it('is order-sensitive and handles texts shorter than a shingle', () => {
    const a = shingleHashes(Uint32Array.from([1, 2, 3]), 3);
    const b = shingleHashes(Uint32Array.from([3, 2, 1]), 3);
    expect(a[0]).not.toBe(b[0]);
    expect(shingleHashes(Uint32Array.from([1, 2]), 3).length).toBe(0);
    expect(Array.from(winnow(Uint32Array.from([5, 3, 9]), 4))).toEqual([1]);
  });
});
