import { isExtensionUrl, onMainThread, pageProcesses, type ProfileNode, type TraceEvent } from './attribution';

/** Time spent in one function (self) or under one entry point, over the profiled loads. */
export interface FunctionCost {
  /** The function's name ("(anonymous)" when it has none); a browser API called from Recoupe code ends in " (native)". */
  name: string;
  url: string;
  /** 0-based, as the profiler gives them (-1 for a native function). */
  line: number;
  column: number;
  /** CPU time (ms): each sample's interval scaled by its task's thread time over wall time. */
  ms: number;
  samples: number;
}

/** Browser work of one kind (layout, style recalculation) that Recoupe's code made happen synchronously. */
export interface ForcedWork {
  count: number;
  /** Thread time (ms). */
  ms: number;
}

/** Where one load's time inside Recoupe went. */
export interface ProfileSummary {
  /** Median interval between two samples (µs). */
  samplingUs: number;
  /** CPU time caught inside Recoupe code (ms), each sample scaled by its task's thread time over wall time. */
  recoupeMs: number;
  /** The same without the scaling: wall time, which a loaded machine stretches. */
  recoupeWallMs: number;
  /** Self time per function, most first. */
  self: FunctionCost[];
  /** Time under each outermost Recoupe frame (a callback, a promise continuation, the script's top level), most first. */
  entries: FunctionCost[];
  /** Thread time compiling and evaluating extension scripts (the top level, not later calls), ms. */
  compileMs: number;
  evaluateMs: number;
  /** Extension scripts the page compiled or evaluated. */
  scripts: string[];
  layouts: ForcedWork;
  styles: ForcedWork;
  /** Main-thread tasks in which Recoupe code ran, their thread time in all and the longest of them (ms). */
  tasks: number;
  /**
   * Thread time of those tasks (ms): CPU time, which other processes on a loaded machine do not
   * stretch as they stretch the sampled wall time; the page's own work in a shared task counts too.
   */
  tasksMs: number;
  longestTaskMs: number;
}

interface Sample {
  node: ProfileNode;
  /** Outermost Recoupe frame on the sample's stack; undefined when no Recoupe code was on it. */
  entry?: ProfileNode;
  ts: number;
  us: number;
}

/** A sample stands for the time until the next one, capped: a long gap is idle or descheduled time, not work. */
const MAX_SAMPLE_US = 1_000;

/** Every profiler sample of the page's renderers with its time (trace clock, µs) and the outermost Recoupe frame above it. */
export function profileSamples(events: readonly TraceEvent[], pids: ReadonlySet<number>): Sample[] {
  const profiles = new Map<string, { start: number; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }>();
  for (const e of events) {
    if (pids.size && !pids.has(e.pid)) continue;
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') profiles.set(key, { start: e.args?.data?.startTime ?? e.ts, nodes: new Map(), samples: [], deltas: [] });
    else if (e.name === 'ProfileChunk') {
      const p = profiles.get(key);
      if (!p) continue;
      for (const n of e.args?.data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
      const samples = e.args?.data?.cpuProfile?.samples ?? [];
      p.samples.push(...samples);
      p.deltas.push(...(e.args?.data?.timeDeltas ?? []).slice(0, samples.length));
    }
  }
  const out: Sample[] = [];
  for (const p of profiles.values()) {
    const entryOf = new Map<number, ProfileNode | undefined>();
    const entry = (id: number): ProfileNode | undefined => {
      if (entryOf.has(id)) return entryOf.get(id);
      const node = p.nodes.get(id);
      entryOf.set(id, undefined);
      const above = node?.parent !== undefined ? entry(node.parent) : undefined;
      const found = above ?? (node && isExtensionUrl(node.callFrame.url) ? node : undefined);
      entryOf.set(id, found);
      return found;
    };
    let t = p.start;
    const times = p.deltas.map((d) => (t += d));
    for (let i = 0; i < p.samples.length; i++) {
      const node = p.nodes.get(p.samples[i]);
      if (!node) continue;
      const next = i + 1 < times.length ? times[i + 1] - times[i] : 0;
      out.push({ node, entry: entry(node.id), ts: times[i], us: Math.min(Math.max(next, 0), MAX_SAMPLE_US) });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

const keyOf = (n: ProfileNode) => `${n.callFrame.functionName}|${n.callFrame.url}|${n.callFrame.lineNumber}|${n.callFrame.columnNumber}`;

function costOf(n: ProfileNode): FunctionCost {
  const native = !n.callFrame.url;
  const name = n.callFrame.functionName || '(anonymous)';
  return { name: native ? `${name} (native)` : name, url: n.callFrame.url ?? '', line: n.callFrame.lineNumber ?? -1, column: n.callFrame.columnNumber ?? -1, ms: 0, samples: 0 };
}

/** Index of the last element of `sorted` (by `at`) at or before `t`; -1 when none. */
function lastAtOrBefore<T>(sorted: readonly T[], at: (x: T) => number, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(sorted[mid]) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const LAYOUT = new Set(['Layout']);
const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles']);

/**
 * Where Recoupe's time went in one traced load (the `toplevel`, `devtools.timeline` and
 * `v8.cpu_profiler` categories, `.hires` for a fine sampling): self time per function, time per
 * entry point, the compile and evaluation of its scripts, and the layouts and style
 * recalculations its code forced (a profiler sample inside them, or just before a short one,
 * is Recoupe code: layout forced by a script runs inside that script's call).
 */
export function profileSummary(events: readonly TraceEvent[], pageUrl: string): ProfileSummary {
  const pids = pageProcesses(events, pageUrl);
  const onMain = onMainThread(events, pids);
  const main = events.filter((e) => e.ph === 'X' && onMain(e) && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'RunTask');
  const samples = profileSamples(events, pids);

  // Thread time over wall time of the task a sample falls in: what of its interval the thread really ran.
  const scale = (ts: number): number => {
    const i = lastAtOrBefore(tasks, (t) => t.ts, ts);
    const t = tasks[i];
    if (!t || ts > t.ts + (t.dur ?? 0) || !t.dur || t.tdur === undefined) return 1;
    return Math.min(1, t.tdur / t.dur);
  };

  const self = new Map<string, FunctionCost>();
  const entries = new Map<string, FunctionCost>();
  const recoupeTasks = new Set<TraceEvent>();
  let recoupeUs = 0;
  let wallUs = 0;
  for (const s of samples) {
    if (!s.entry) continue;
    const us = s.us * scale(s.ts);
    recoupeUs += us;
    wallUs += s.us;
    for (const [map, node] of [[self, s.node], [entries, s.entry]] as const) {
      const key = keyOf(node);
      const c = map.get(key) ?? costOf(node);
      c.ms += us / 1000;
      c.samples++;
      map.set(key, c);
    }
    const task = tasks[lastAtOrBefore(tasks, (t) => t.ts, s.ts)];
    if (task && s.ts <= task.ts + (task.dur ?? 0)) recoupeTasks.add(task);
  }
  const scripts = new Set<string>();
  const threadMs = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  let compileMs = 0;
  let evaluateMs = 0;
  for (const e of main) {
    const url = e.args?.data?.url ?? (e.args as { fileName?: string } | undefined)?.fileName;
    if (!isExtensionUrl(url)) continue;
    if (e.name === 'v8.compile') compileMs += threadMs(e);
    else if (e.name === 'EvaluateScript') evaluateMs += threadMs(e);
    else continue;
    scripts.add(url!);
    const task = tasks[lastAtOrBefore(tasks, (t) => t.ts, e.ts)];
    if (task && e.ts <= task.ts + (task.dur ?? 0)) recoupeTasks.add(task);
  }

  const deltas = samples.map((s) => s.us).filter((us) => us > 0).sort((a, b) => a - b);
  const samplingUs = deltas.length ? deltas[deltas.length >> 1] : NaN;
  const forcedBy = (e: TraceEvent): boolean => {
    const end = e.ts + (e.dur ?? 0);
    const last = lastAtOrBefore(samples, (s) => s.ts, end);
    let inside = false;
    for (let i = last; i >= 0 && samples[i].ts >= e.ts; i--) {
      inside = true;
      if (samples[i].entry) return true;
    }
    if (inside) return false;
    const before = samples[last];
    return !!before && !!before.entry && e.ts - before.ts <= 2 * (samplingUs || MAX_SAMPLE_US);
  };
  const layouts: ForcedWork = { count: 0, ms: 0 };
  const styles: ForcedWork = { count: 0, ms: 0 };
  for (const e of main) {
    const into = LAYOUT.has(e.name) ? layouts : STYLE.has(e.name) ? styles : undefined;
    if (!into || !forcedBy(e)) continue;
    into.count++;
    into.ms += threadMs(e);
  }
  const sorted = (m: Map<string, FunctionCost>) => [...m.values()].sort((a, b) => b.ms - a.ms);
  return {
    samplingUs,
    recoupeMs: recoupeUs / 1000,
    recoupeWallMs: wallUs / 1000,
    self: sorted(self),
    entries: sorted(entries),
    compileMs,
    evaluateMs,
    scripts: [...scripts],
    layouts,
    styles,
    tasks: recoupeTasks.size,
    tasksMs: [...recoupeTasks].reduce((acc, t) => acc + threadMs(t), 0),
    longestTaskMs: Math.max(0, ...[...recoupeTasks].map(threadMs)),
  };
}

/** Several loads' summaries as one: sums of each function's time divided by the loads (a mean per load). */
export function meanSummary(list: readonly ProfileSummary[]): ProfileSummary {
  const n = list.length || 1;
  const merge = (pick: (s: ProfileSummary) => FunctionCost[]) => {
    const m = new Map<string, FunctionCost>();
    for (const s of list) {
      for (const c of pick(s)) {
        const key = `${c.name}|${c.url}|${c.line}|${c.column}`;
        const into = m.get(key) ?? { ...c, ms: 0, samples: 0 };
        into.ms += c.ms / n;
        into.samples += c.samples;
        m.set(key, into);
      }
    }
    return [...m.values()].sort((a, b) => b.ms - a.ms);
  };
  const mean = (pick: (s: ProfileSummary) => number) => list.reduce((acc, s) => acc + pick(s), 0) / n;
  return {
    samplingUs: mean((s) => s.samplingUs),
    recoupeMs: mean((s) => s.recoupeMs),
    recoupeWallMs: mean((s) => s.recoupeWallMs),
    self: merge((s) => s.self),
    entries: merge((s) => s.entries),
    compileMs: mean((s) => s.compileMs),
    evaluateMs: mean((s) => s.evaluateMs),
    scripts: [...new Set(list.flatMap((s) => s.scripts))],
    layouts: { count: mean((s) => s.layouts.count), ms: mean((s) => s.layouts.ms) },
    styles: { count: mean((s) => s.styles.count), ms: mean((s) => s.styles.ms) },
    tasks: mean((s) => s.tasks),
    tasksMs: mean((s) => s.tasksMs),
    longestTaskMs: Math.max(0, ...list.map((s) => s.longestTaskMs)),
  };
}
