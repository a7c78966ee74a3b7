import { describe, expect, it } from 'vitest';
import { extensionCost, type TraceEvent } from './attribution';

const PAGE = 'http://127.0.0.1:1/real/page.html';
const EXT = 'chrome-extension://abc/content-scripts/content.js';
const PID = 10;

const meta: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', pid: PID, tid: PID, ts: 0, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', pid: 99, tid: 99, ts: 0, args: { name: 'CrRendererMain' } },
  { name: 'FrameCommittedInBrowser', ph: 'I', pid: 1, tid: 1, ts: 0, args: { data: { url: PAGE, processId: PID } } },
];
const task = (ts: number, durMs: number, pid = PID): TraceEvent => ({ name: 'RunTask', ph: 'X', pid, tid: pid, ts, dur: durMs * 1000 });
const call = (ts: number, url: string, pid = PID): TraceEvent => ({ name: 'FunctionCall', ph: 'X', pid, tid: pid, ts, dur: 100, args: { data: { url } } });

/** One profile whose samples fall at the given times, on nodes 2 (page code) or 3 (called by extension code). */
function profile(samples: { ts: number; ext: boolean }[], pid = PID): TraceEvent[] {
  const start = 0;
  let last = start;
  return [
    { name: 'Profile', ph: 'P', pid, tid: pid, ts: 0, id: '0x1', args: { data: { startTime: start } } },
    {
      name: 'ProfileChunk',
      ph: 'P',
      pid,
      tid: pid,
      ts: 0,
      id: '0x1',
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { functionName: '(root)' } },
              { id: 2, parent: 1, callFrame: { url: 'http://127.0.0.1:1/app.js' } },
              { id: 4, parent: 1, callFrame: { url: EXT } },
              { id: 3, parent: 4, callFrame: { functionName: 'native' } },
            ],
            samples: samples.map((s) => (s.ext ? 3 : 2)),
          },
          timeDeltas: samples.map((s) => {
            const d = s.ts - last;
            last = s.ts;
            return d;
          }),
        },
      },
    },
  ];
}

describe('extension cost from a trace', () => {
  it('names the longest task that called into an extension script, not longer page tasks', () => {
    const cost = extensionCost([...meta, task(1000, 80), call(2000, 'http://127.0.0.1:1/app.js'), task(100_000, 12), call(101_000, EXT), task(200_000, 30), call(201_000, EXT)], PAGE);
    expect(cost.longestTaskMs).toBe(30);
    expect(cost.tasks).toBe(2);
    // Recoupe's own time: both of its tasks, not the page's.
    expect(cost.threadMs).toBe(42);
  });

  it('counts a task where only the profiler saw extension code (a promise continuation has no URL)', () => {
    const events = [...meta, task(1000, 5), task(50_000, 40), ...profile([{ ts: 1200, ext: false }, { ts: 50_500, ext: true }, { ts: 50_800, ext: true }])];
    const cost = extensionCost(events, PAGE);
    expect(cost.longestTaskMs).toBe(40);
    expect(cost.tasks).toBe(1);
    expect(cost.scriptMs).toBeCloseTo(0.3, 5);
  });

  it('leaves out other renderers (another tab, an extension page)', () => {
    const cost = extensionCost([...meta, task(1000, 70, 99), call(1500, EXT, 99), ...profile([{ ts: 1600, ext: true }], 99)], PAGE);
    expect(cost).toEqual({ longestTaskMs: 0, tasks: 0, threadMs: 0, scriptMs: 0 });
  });

  it('measures a task by its thread time when the trace has it', () => {
    const slow: TraceEvent = { ...task(1000, 90), tdur: 21_000 };
    expect(extensionCost([...meta, slow, call(1500, EXT)], PAGE).longestTaskMs).toBe(21);
    expect(extensionCost([...meta, slow, call(1500, EXT)], PAGE).threadMs).toBe(21);
  });

  it('is zero for a page the extension never touched', () => {
    expect(extensionCost([...meta, task(1000, 90), call(1100, 'http://127.0.0.1:1/app.js')], PAGE).longestTaskMs).toBe(0);
  });
});
