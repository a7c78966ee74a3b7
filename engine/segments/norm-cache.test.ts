import { describe, expect, it } from 'vitest';
import { NormCache } from './norm-cache';

describe('NormCache', () => {
  it('gives back each norm filled, NaN for one not filled', () => {
    const c = new NormCache(1_000_000);
    expect(c.get(7)).toBeNaN();
    expect(c.bytes()).toBe(0);
    c.fill(5000, (out, at) => {
      for (let i = 0; i < 5000; i++) out[at + i] = Math.fround(i / 3);
    });
    for (let i = 0; i < 5000; i++) expect(c.get(5000 + i)).toBe(Math.fround(i / 3));
    expect(c.get(1)).toBeNaN();
    expect(c.get(10_000)).toBeNaN();
  });

  it('holds every norm in one float per sentence', () => {
    const c = new NormCache(16_384);
    c.fill(0, (out) => out.forEach((_, h) => (out[h] = h)));
    for (let h = 0; h < 16_384; h++) expect(c.get(h)).toBe(h);
    expect(c.bytes()).toBe(16_384 * 4);
  });
});
