import { describe, expect, it } from 'vitest';
import { OpenLimit } from './open-limit';

describe('OpenLimit', () => {
  it('lets a tab open one view per interval, each tab on its own', () => {
    let now = 10_000;
    const limit = new OpenLimit(() => now, 1_000);
    expect(limit.allow(1)).toBe(true);
    expect(limit.allow(1)).toBe(false);
    expect(limit.allow(2)).toBe(true);
    now += 999;
    expect(limit.allow(1)).toBe(false);
    now += 1;
    expect(limit.allow(1)).toBe(true);
    limit.forget(2);
    expect(limit.allow(2)).toBe(true);
  });
});
