import { describe, expect, it } from 'vitest';
import type { TraceEvent } from './attribution';
import { meanSummary, profileSummary } from './profile';
import { profileLines, snippet } from './profile-text';

const PAGE = 'http://127.0.0.1:1/real/page.html';
const EXT = 'chrome-extension://abc/content-boot.js';
const PID = 10;

const meta: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', pid: PID, tid: PID, ts: 0, args: { name: 'CrRendererMain' } },
  { name: 'FrameCommittedInBrowser', ph: 'I', pid: 1, tid: 1, ts: 0, args: { data: { url: PAGE, processId: PID } } },
];
const x = (name: string, ts: number, dur: number, tdur?: number, url?: string): TraceEvent => ({ name, ph: 'X', pid: PID, tid: PID, ts, dur, ...(tdur !== undefined ? { tdur } : {}), ...(url ? { args: { data: { url } } } : {}) });

/**
 * Nodes: 1 root, 2 page code, 3 Recoupe's `walk` (entry `start`, 5), 4 a browser API called by `walk`.
 * Samples 100 µs apart from `from`, on the given nodes.
 */
function profile(from: number, nodes: number[]): TraceEvent[] {
  return [
    { name: 'Profile', ph: 'P', pid: PID, tid: PID, ts: 0, id: '0x1', args: { data: { startTime: from - 100 } } },
    {
      name: 'ProfileChunk',
      ph: 'P',
      pid: PID,
      tid: PID,
      ts: 0,
      id: '0x1',
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { functionName: '(root)' } },
              { id: 2, parent: 1, callFrame: { functionName: 'app', url: 'http://127.0.0.1:1/app.js', lineNumber: 0, columnNumber: 0 } },
              { id: 5, parent: 1, callFrame: { functionName: 'start', url: EXT, lineNumber: 0, columnNumber: 10 } },
              { id: 3, parent: 5, callFrame: { functionName: 'walk', url: EXT, lineNumber: 1, columnNumber: 4 } },
              { id: 4, parent: 3, callFrame: { functionName: 'querySelectorAll' } },
            ],
            samples: nodes,
          },
          timeDeltas: nodes.map(() => 100),
        },
      },
    },
  ];
}

describe('profile summary', () => {
  it('counts self time per Recoupe function and per entry point, scaled to thread time, page code left out', () => {
    // One 1 ms task at half thread time: ten samples from 1000 µs, 100 µs each, counted 50 µs.
    const events = [...meta, x('RunTask', 1000, 1000, 500), ...profile(1000, [3, 3, 3, 4, 4, 2, 2, 2, 2, 2])];
    const s = profileSummary(events, PAGE);
    expect(s.recoupeWallMs).toBeCloseTo(0.5, 5);
    expect(s.recoupeMs).toBeCloseTo(0.25, 5);
    expect(s.self.map((c) => [c.name, c.samples])).toEqual([['walk', 3], ['querySelectorAll (native)', 2]]);
    expect(s.entries.map((c) => [c.name, c.samples, c.line, c.column])).toEqual([['start', 5, 0, 10]]);
    expect(s.tasks).toBe(1);
    expect(s.tasksMs).toBeCloseTo(0.5, 5);
    expect(s.longestTaskMs).toBeCloseTo(0.5, 5);
  });

  it('charges Recoupe with the layouts run inside its code, not those of the page', () => {
    const events = [
      ...meta,
      x('RunTask', 1000, 2000),
      ...profile(1000, [3, 3, 3, 3, 3, 2, 2, 2, 2, 2]),
      // Inside Recoupe's samples (1100-1500), then inside the page's (1700-2000).
      x('Layout', 1250, 150, 120),
      x('UpdateLayoutTree', 1310, 20, 20),
      x('Layout', 1750, 200, 180),
    ];
    const s = profileSummary(events, PAGE);
    expect(s.layouts).toEqual({ count: 1, ms: 0.12 });
    expect(s.styles.count).toBe(1);
  });

  it('sums the compile and evaluation of extension scripts only', () => {
    const events = [...meta, x('RunTask', 0, 5000), x('v8.compile', 10, 900, 400, EXT), x('EvaluateScript', 5, 3000, 2000, EXT), x('EvaluateScript', 4000, 800, 800, 'http://127.0.0.1:1/app.js')];
    const s = profileSummary(events, PAGE);
    expect(s.compileMs).toBeCloseTo(0.4, 5);
    expect(s.evaluateMs).toBeCloseTo(2, 5);
    expect(s.scripts).toEqual([EXT]);
    expect(s.tasks).toBe(1);
  });

  it('is empty for a page Recoupe never ran on', () => {
    const s = profileSummary([...meta, x('RunTask', 1000, 1000), ...profile(1000, [2, 2, 2])], PAGE);
    expect(s.recoupeMs).toBe(0);
    expect(s.self).toEqual([]);
    expect(s.tasks).toBe(0);
  });

  it('averages several loads per function', () => {
    const a = profileSummary([...meta, x('RunTask', 1000, 1000, 1000), ...profile(1000, [3, 3, 3, 3])], PAGE);
    const b = profileSummary([...meta, x('RunTask', 1000, 1000, 1000), ...profile(1000, [3, 3])], PAGE);
    const mean = meanSummary([a, b]);
    // The last sample of a profile has no next one to measure it by: 0.3 and 0.1 ms.
    expect(mean.self[0].ms).toBeCloseTo(0.2, 5);
    expect(mean.self[0].samples).toBe(6);
  });
});

describe('profile text', () => {
  it('shows the built code a minified name starts', () => {
    expect(snippet('(function(){\nfunction ab(e,t){return e+t}', 1, 9, 12)).toBe('ab(e,t){retu');
    expect(snippet(undefined, 0, 0)).toBe('');
  });

  it('prints totals, forced work and the top functions with their code', () => {
    const s = profileSummary([...meta, x('RunTask', 1000, 1000, 1000), ...profile(1000, [3, 3, 4])], PAGE);
    const lines = profileLines('with', s, 1, () => 'function start(){}\n    walk(root){ for (const n of root) n; }').join('\n');
    expect(lines).toContain('Recoupe code sampled: 0.20 ms CPU');
    expect(lines).toContain("Recoupe's tasks: 1.0, 1.00 ms thread time in all");
    expect(lines).toMatch(/walk\s+content-boot\.js:2:5\s+walk\(root\)/);
    expect(lines).toContain('querySelectorAll (native)');
  });
});
