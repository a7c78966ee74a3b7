import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './bench-args';

describe('parseBenchArgs', () => {
  it('runs everything at both sizes in 10 minutes by default', () => {
    const args = parseBenchArgs([]);
    expect(args).toEqual({ budgetMinutes: 10, segmentSizes: [10_000, 100_000], skip: new Set() });
  });

  it('reads sizes, sections to skip and the budget', () => {
    const args = parseBenchArgs(['--sizes', '100k', '--skip', 'naive,rebuild', '--budget-min', '25']);
    expect(args.segmentSizes).toEqual([100_000]);
    expect([...args.skip]).toEqual(['naive', 'rebuild']);
    expect(args.budgetMinutes).toBe(25);
    expect(parseBenchArgs(['--sizes', '10000']).segmentSizes).toEqual([10_000]);
  });

  it('refuses what it does not know', () => {
    expect(() => parseBenchArgs(['--sizes', '50000'])).toThrow('none of');
    expect(() => parseBenchArgs(['--skip', 'everything'])).toThrow('none of');
    expect(() => parseBenchArgs(['--budget-min', 'x'])).toThrow('minutes');
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown flag');
  });
});
