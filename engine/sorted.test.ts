import { describe, expect, it } from 'vitest';
import { lowerBound, lowerBoundFrom } from './sorted';

describe('lowerBoundFrom', () => {
  it('finds what lowerBound finds, from any earlier start', () => {
    const a = Uint32Array.from([2, 3, 3, 5, 8, 13, 21, 34, 55, 89, 144]);
    for (let value = 0; value <= 150; value++) {
      const want = lowerBound(a, value);
      for (let from = 0; from <= want; from++) expect(lowerBoundFrom(a, value, from)).toBe(want);
    }
  });

  it('gives the length past the last element and on an empty array', () => {
    expect(lowerBoundFrom(Uint32Array.from([1, 2]), 9, 1)).toBe(2);
    expect(lowerBoundFrom(new Uint32Array(0), 1, 0)).toBe(0);
  });
});
