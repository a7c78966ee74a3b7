import { describe, expect, it } from 'vitest';
import { checkSegmentTargets, checkTargets, summaryLine, targetLines, type BenchFigures, type SegmentTargetFigures } from './bench-targets';

const good: BenchFigures = {
  ms10k: 2.5,
  ratioVsNaive10k: 40000,
  growth1kTo10k: 1.2,
  indexMb10k: 12.34,
  buildMsPer1k1k: 80,
  buildMsPer1k10k: 95,
  limitRatio: 6.4,
  contentGzKb: 11.2,
  factsMs10k: 12.5,
  wholeMs10k: 21,
};

describe('bench targets', () => {
  it('passes figures inside every target', () => {
    expect(checkTargets(good).every((c) => c.pass)).toBe(true);
  });

  it('misses each target on its own side of the boundary', () => {
    const bad: BenchFigures = {
      ms10k: 10,
      ratioVsNaive10k: 999,
      growth1kTo10k: 1.5,
      indexMb10k: 40,
      buildMsPer1k1k: 1000,
      buildMsPer1k10k: 1000,
      limitRatio: 20.01,
      contentGzKb: NaN,
      factsMs10k: 30,
      wholeMs10k: 40,
    };
    expect(checkTargets(bad).filter((c) => c.pass)).toEqual([]);
    expect(targetLines(checkTargets(bad)).every((l) => l.startsWith('  MISS'))).toBe(true);
  });

  const seg100k: SegmentTargetFigures = { size: 100_000, addMs: 12.345, removeMs: 3, matchMs: 9.8765, factsMs: 33.3333, memoryMb: 120.44 };

  it('checks writes at 10,000 and everything at 100,000, each on its side of the boundary', () => {
    expect(checkSegmentTargets({ ...seg100k, size: 10_000, matchMs: 99 }).map((c) => c.pass)).toEqual([true, true]);
    expect(checkSegmentTargets(seg100k).every((c) => c.pass)).toBe(true);
    const bad = checkSegmentTargets({ size: 100_000, addMs: 50, removeMs: 50, matchMs: 15, factsMs: 40, memoryMb: 150 });
    expect(bad.filter((c) => c.pass)).toEqual([]);
  });

  it('ends with the exact summary line format', () => {
    expect(summaryLine(good, seg100k)).toBe(
      'bench: ratio_vs_naive_10k=40000 ms_10k=2.500 growth_1k_to_10k=1.20 index_mb_10k=12.3 limit_ratio=6.4 content_gz_kb=11.2 facts_ms_10k=12.500 ' +
        'add_ms_100k=12.35 match_ms_100k=9.877 facts_ms_100k=33.333 mem_mb_100k=120.4',
    );
    expect(summaryLine(good)).toMatch(/ add_ms_100k=n\/a match_ms_100k=n\/a facts_ms_100k=n\/a mem_mb_100k=n\/a$/);
  });
});
