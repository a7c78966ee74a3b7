import { describe, expect, it } from 'vitest';
import { scrollDelta } from './scroll-to';

describe('scrolling to a passage', () => {
  it('brings a short passage to the middle of the viewport, from above or below', () => {
    expect(scrollDelta({ top: 2000, height: 40 }, 800)).toBe(2000 + 20 - 400);
    expect(scrollDelta({ top: -900, height: 100 }, 800)).toBe(-900 + 50 - 400);
    expect(scrollDelta({ top: 380, height: 40 }, 800)).toBe(0);
  });

  it('starts a passage taller than most of the viewport a quarter down, not in its middle', () => {
    expect(scrollDelta({ top: 3000, height: 1200 }, 800)).toBe(3000 - 200);
  });
});
