import { describe, expect, it } from 'vitest';
import { median, timeInterleaved } from './timing';

describe('timing', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });
});

describe('timeInterleaved', () => {
  it('warms up, then runs every function once per round, in turn', () => {
    const calls: string[] = [];
    const [a, b] = timeInterleaved([() => calls.push('a'), () => calls.push('b')], { warmup: 1, minRuns: 3, minMs: 0 });
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect(a.runs).toBe(3);
    expect(b.runs).toBe(3);
  });

  it('tells a slow function from a fast one', () => {
    const spin = (ms: number) => () => {
      const end = performance.now() + ms;
      while (performance.now() < end);
      return ms;
    };
    const [fast, slow] = timeInterleaved([spin(0.2), spin(2)], { warmup: 1, minRuns: 5, minMs: 0 });
    expect(slow.medianMs).toBeGreaterThan(fast.medianMs * 3);
    expect(slow.minMs).toBeGreaterThanOrEqual(2);
  });
});
