import { describe, expect, it } from 'vitest';
import { checkTargets, floorFigures, floorLine, runFigures, summaryLine, targetLines, type ExtPageFigures, type PageFigures } from './figures';

const ext = (taskMs: number, withoutMs: number, highlights = 0, longestTaskMs = 2): ExtPageFigures => ({
  taskMs,
  scriptMs: 1,
  addedMs: taskMs - withoutMs,
  longestTaskMs,
  ownMs: 3,
  extScriptMs: 1,
  extBytes: 1000,
  extScripts: ['chrome-extension://x/content-scripts/content.js'],
  highlights,
  unsettledLoads: 0,
});
const page = (name: string, withoutMs: number, withMs: number, highlights = 0, longest = 2): PageFigures => ({
  page: name,
  withoutMs,
  withoutScriptMs: 1,
  windowMs: 500,
  ext: [ext(withMs, withoutMs, highlights, longest)],
});

describe('page-cost run figures', () => {
  const pages = [page('a', 100, 103), page('b', 200, 201), page('c', 50, 60), page('news', 650, 836, 12, 70), page('broken', NaN, 40)];
  const r = runFigures(pages, 0, 7.25);

  it('overhead is over pages measured both ways; the median and p95 only over no-match pages', () => {
    expect(r.sumWithoutMs).toBe(1000);
    expect(r.sumWithMs).toBe(1200);
    expect(r.overheadPct).toBeCloseTo(20, 10);
    expect(r.noMatchPages).toBe(3);
    expect(r.addedMsMedian).toBe(3);
    expect(r.addedMsP95).toBe(10);
    // Recoupe's own task time: median of the no-match pages, sum of the pages measured both ways.
    expect(r.ownMsMedian).toBe(3);
    expect(r.ownMsSum).toBe(12);
    expect(r.longestTaskMs).toBe(70);
    expect(r.longestTaskPage).toBe('news');
  });

  it('ends with exactly the summary line format', () => {
    expect(summaryLine(r)).toBe('bench-pages: overhead_pct=20.0 added_ms_median=3.0 added_ms_p95=10.0 bootstrap_gz_kb=7.25');
    const empty = runFigures([], 0, NaN);
    expect(summaryLine(empty)).toBe('bench-pages: overhead_pct=n/a added_ms_median=n/a added_ms_p95=n/a bootstrap_gz_kb=n/a');
  });

  it('targets fail on their own side of each boundary', () => {
    const checks = checkTargets(r);
    expect(checks.map((c) => c.pass)).toEqual([false, true, false, true]);
    const edge = checkTargets({ ...r, overheadPct: 5, addedMsMedian: 5, longestTaskMs: 50, bootstrapGzKb: 8 });
    expect(edge.map((c) => c.pass)).toEqual([false, false, true, false]);
    const good = checkTargets({ ...r, overheadPct: 4.9, addedMsMedian: 4.9, longestTaskMs: 12, bootstrapGzKb: 7.9 });
    expect(good.every((c) => c.pass)).toBe(true);
    expect(targetLines(checks)[0]).toMatch(/^ {2}FAIL {2}total overhead/);
  });

  it('floor: an empty content script over the same pages, its median over the build\'s no-match pages', () => {
    const withFloor = (name: string, withoutMs: number, withMs: number, floorMs: number, highlights = 0): PageFigures => ({
      ...page(name, withoutMs, withMs, highlights),
      ext: [ext(withMs, withoutMs, highlights), ext(floorMs, withoutMs)],
    });
    const fl = floorFigures([withFloor('a', 100, 110, 102), withFloor('b', 100, 120, 104), withFloor('news', 200, 300, 214, 5)], 0, 1);
    expect(fl.overheadPct).toBeCloseTo(5, 10);
    expect(fl.addedMsMedian).toBe(3);
    expect(floorLine('floor', fl)).toMatch(/^ {2}floor on the same pages.*median 3\.0/);
  });
});
