import { describe, expect, it } from 'vitest';
import { median, pairedMedian, percentile, sum } from './stats';

describe('page-cost statistics', () => {
  it('median of odd and even counts, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('ignores values that are not finite, and is NaN with none left', () => {
    expect(median([NaN, 2, Infinity, 4])).toBe(3);
    expect(median([])).toBeNaN();
    expect(median([NaN])).toBeNaN();
  });

  it('p95 is the nearest-rank value', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([3, 1, 2], 95)).toBe(3);
    expect(percentile([10, 20], 50)).toBe(10);
    expect(percentile([-4], 95)).toBe(-4);
    expect(percentile([], 95)).toBeNaN();
  });

  it('sum skips pages without a figure', () => {
    expect(sum([1.5, NaN, 2.5])).toBe(4);
    expect(sum([])).toBe(0);
  });

  it('paired median: the median of the per-pair differences, not the difference of the medians', () => {
    // A slow third run slows both halves alike: its pair still differs by 1.
    expect(pairedMedian([11, 21, 61], [10, 20, 60])).toBe(1);
    expect(median([11, 21, 61]) - median([10, 20, 60])).toBe(1);
    // Here the two ways part: the medians come from different runs.
    expect(pairedMedian([12, 30, 50], [10, 40, 49])).toBe(1);
    expect(median([12, 30, 50]) - median([10, 40, 49])).toBe(-10);
    expect(pairedMedian([5, NaN, 7], [4, 1])).toBe(1);
    expect(pairedMedian([], [])).toBeNaN();
  });
});
