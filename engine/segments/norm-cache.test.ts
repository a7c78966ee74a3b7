import { describe, expect, it } from 'vitest';
import { NormCache } from './norm-cache';

describe('NormCache', () => {
  it('gives back each norm set, NaN for one not set, as it grows', () => {
    const c = new NormCache(1_000_000);
    for (let h = 0; h < 5000; h++) c.set(h * 7, Math.fround(h / 3));
    for (let h = 0; h < 5000; h++) expect(c.get(h * 7)).toBe(Math.fround(h / 3));
    expect(c.get(1)).toBeNaN();
    expect(c.bytes()).toBeLessThan(1_000_000 * 2);
  });

  it('is emptied, not grown, past a quarter of the slots a norm per sentence would take', () => {
    const c = new NormCache(16_384);
    for (let h = 0; h < 20_000; h++) {
      c.set(h, h);
      expect(c.get(h)).toBe(h);
    }
    expect(c.bytes()).toBeLessThanOrEqual(4096 * 8);
    expect(c.get(0)).toBeNaN();
  });
});
