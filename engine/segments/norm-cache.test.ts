import { describe, expect, it } from 'vitest';
import { NormCache } from './norm-cache';

describe('NormCache', () => {
  it('gives back each norm set, NaN for one not set', () => {
    const c = new NormCache(1_000_000);
    expect(c.get(7)).toBeNaN();
    expect(c.bytes()).toBe(0);
    for (let h = 0; h < 5000; h++) c.set(h * 7, Math.fround(h / 3));
    for (let h = 0; h < 5000; h++) expect(c.get(h * 7)).toBe(Math.fround(h / 3));
    expect(c.get(1)).toBeNaN();
  });

  it('holds every norm of a page met again, in one float per sentence', () => {
    const c = new NormCache(16_384);
    for (let h = 0; h < 16_384; h++) c.set(h, h);
    for (let h = 0; h < 16_384; h++) expect(c.get(h)).toBe(h);
    expect(c.bytes()).toBe(16_384 * 4);
  });
});
