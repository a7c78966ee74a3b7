import { describe, expect, it } from 'vitest';
import { makeRng, sample } from './prng';

describe('makeRng', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = makeRng(42);
    const b = makeRng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(makeRng(43).next()).not.toBe(xs[0]);
    const ints = Array.from({ length: 2000 }, () => a.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });

  it('samples distinct items, no more than there are', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s = sample(items, 20, makeRng(1));
    expect(new Set(s).size).toBe(20);
    expect(s.every((x) => items.includes(x))).toBe(true);
    expect(sample(items, 80, makeRng(1))).toHaveLength(50);
    expect(items).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
