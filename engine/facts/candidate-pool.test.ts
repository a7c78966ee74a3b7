import { describe, expect, it } from 'vitest';
import { addList, roomFor, scratchFor } from './candidate-pool';

describe('candidate scratch', () => {
  it('sizes the touched lists by the walk, not by the corpus, and keeps what was noted when they grow', () => {
    const s = scratchFor(1_000_000);
    expect(s.acc.length).toBeGreaterThanOrEqual(1_000_000);
    expect(s.touched.length).toBeLessThan(100_000);
    roomFor(s, 3);
    let n = addList(s.acc, s.touched, s.touchedPart, 0, Uint32Array.of(5, 9, 11), 100, 2, 0.5);
    const room = s.touched.length;
    roomFor(s, room + 1);
    expect(s.touched.length).toBeGreaterThan(room);
    expect([...s.touched.subarray(0, n)]).toEqual([105, 109, 111]);
    expect([...s.touchedPart.subarray(0, n)]).toEqual([2, 2, 2]);
    expect(s.partial.length).toBe(s.touched.length);
    n = addList(s.acc, s.touched, s.touchedPart, n, Uint32Array.of(9), 100, 3, 0.25);
    expect(n).toBe(3);
    expect(s.acc[109]).toBe(0.75);
    for (const h of [105, 109, 111]) s.acc[h] = 0;
  });
});
