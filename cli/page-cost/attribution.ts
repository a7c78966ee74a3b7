/** The fields of a Chromium trace event this module reads. */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: string;
      processId?: number;
      frames?: { processId?: number; url?: string }[];
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

export interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
}

export interface ExtensionCost {
  /**
   * Longest main-thread task of the page in which extension code ran (ms, thread time: on a
   * shared machine a task's wall time also counts the time other processes had the core); 0 when none.
   */
  longestTaskMs: number;
  /** Main-thread tasks in which extension code ran. */
  tasks: number;
  /**
   * Thread time of those tasks in all (ms): Recoupe's own cost to the page, read in one load, which
   * other processes on the machine and the page's own work do not stretch (the task-time
   * difference between two loads carries both). Tasks that ran the page's code too count whole.
   */
  threadMs: number;
  /** Time sampled inside extension functions (ms), from the V8 sampling profiler. */
  scriptMs: number;
}

export const isExtensionUrl = (url: string | undefined) => !!url && url.startsWith('chrome-extension://');

/**
 * The renderer processes that showed `pageUrl`: the browser names, for each committed frame, the
 * process it runs in. Empty when the trace does not say (then every renderer counts).
 */
export function pageProcesses(events: readonly TraceEvent[], pageUrl: string): Set<number> {
  const pids = new Set<number>();
  for (const e of events) {
    const data = e.args?.data;
    if (e.name === 'FrameCommittedInBrowser' && data?.url === pageUrl && data.processId) pids.add(data.processId);
    if (e.name === 'TracingStartedInBrowser') for (const f of data?.frames ?? []) if (f.url === pageUrl && f.processId) pids.add(f.processId);
  }
  return pids;
}

/** Whether an event ran on a renderer main thread of the given processes (all renderers when none is given). */
export function onMainThread(events: readonly TraceEvent[], pids: ReadonlySet<number>): (e: TraceEvent) => boolean {
  const mainThreads = new Set<string>();
  for (const e of events) if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (!pids.size || pids.has(e.pid))) mainThreads.add(`${e.pid}:${e.tid}`);
  return (e) => mainThreads.has(`${e.pid}:${e.tid}`);
}

/** Start times (µs, trace clock) and weights (µs) of the profiler samples taken inside extension code. */
export function extensionSamples(events: readonly TraceEvent[], pids: ReadonlySet<number>): { ts: number; us: number }[] {
  const profiles = new Map<string, { start: number; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }>();
  for (const e of events) {
    if (pids.size && !pids.has(e.pid)) continue;
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') {
      profiles.set(key, { start: e.args?.data?.startTime ?? e.ts, nodes: new Map(), samples: [], deltas: [] });
    } else if (e.name === 'ProfileChunk') {
      const p = profiles.get(key);
      if (!p) continue;
      for (const n of e.args?.data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
      const samples = e.args?.data?.cpuProfile?.samples ?? [];
      const deltas = e.args?.data?.timeDeltas ?? [];
      p.samples.push(...samples);
      p.deltas.push(...deltas.slice(0, samples.length));
    }
  }
  const out: { ts: number; us: number }[] = [];
  for (const p of profiles.values()) {
    // A node is extension code when it or any caller has an extension URL.
    const memo = new Map<number, boolean>();
    const isExt = (id: number): boolean => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const node = p.nodes.get(id);
      memo.set(id, false);
      const ext = !!node && (isExtensionUrl(node.callFrame.url) || (node.parent !== undefined && isExt(node.parent)));
      memo.set(id, ext);
      return ext;
    };
    let t = p.start;
    const times = p.deltas.map((d) => (t += d));
    for (let i = 0; i < p.samples.length; i++) {
      if (!isExt(p.samples[i])) continue;
      // A sample stands for the time until the next one (capped: a long gap is idle, not work).
      const next = i + 1 < times.length ? times[i + 1] - times[i] : 0;
      out.push({ ts: times[i], us: Math.min(Math.max(next, 0), 1_000) });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/**
 * What the extension cost the page's main thread, from a trace with the devtools.timeline and
 * v8.cpu_profiler categories. Longtask attribution cannot name an extension, so a task counts as
 * the extension's when it evaluated, compiled or called into a chrome-extension:// script, or when
 * the sampling profiler caught extension code running inside it (promise continuations and
 * message replies carry no URL in the timeline events).
 */
export function extensionCost(events: readonly TraceEvent[], pageUrl: string): ExtensionCost {
  const pids = pageProcesses(events, pageUrl);
  const onMain = onMainThread(events, pids);

  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e) && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const marks = events.filter((e) => e.ph === 'X' && onMain(e) && isExtensionUrl(e.args?.data?.url)).map((e) => e.ts);
  const samples = extensionSamples(events, pids);
  const scriptMs = samples.reduce((acc, s) => acc + s.us, 0) / 1000;

  const inside = (sorted: readonly number[], from: number, to: number): boolean => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo] <= to;
  };
  marks.sort((a, b) => a - b);
  const sampleTimes = samples.map((s) => s.ts);

  let longest = 0;
  let count = 0;
  let threadMs = 0;
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    if (!inside(marks, t.ts, end) && !inside(sampleTimes, t.ts, end)) continue;
    count++;
    const ms = (t.tdur ?? t.dur ?? 0) / 1000;
    longest = Math.max(longest, ms);
    threadMs += ms;
  }
  return { longestTaskMs: longest, tasks: count, threadMs, scriptMs };
}
