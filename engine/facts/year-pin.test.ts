import { describe, expect, it } from 'vitest';
import { monthHolds, pinsDay } from './year-pin';
import { dayNumber } from './terms';

describe('a year named as when', () => {
  it('pins a day of that year, and of that month when a month is named', () => {
    const day = dayNumber('2021-03-01');
    expect(pinsDay([2021], 0, day)).toBe(true);
    expect(pinsDay([2019, 2021], 1 << 3, day)).toBe(true);
    expect(pinsDay([2021], 1 << 6, day)).toBe(false);
    expect(pinsDay([2022], 0, day)).toBe(false);
    expect(pinsDay([], 0, day)).toBe(false);
    expect(monthHolds(0, day)).toBe(true);
    expect(monthHolds(1 << 2, day)).toBe(false);
  });
});
