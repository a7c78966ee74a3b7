import { describe, expect, it } from 'vitest';
import { median, timeRuns } from './timing';

describe('timing', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('runs warm-up plus at least the minimum number of measured runs', () => {
    let calls = 0;
    const t = timeRuns(() => calls++, { warmup: 3, minRuns: 20, minMs: 0 });
    expect(t.runs).toBe(20);
    expect(calls).toBe(23);
    expect(t.minMs).toBeLessThanOrEqual(t.medianMs);
  });
});
