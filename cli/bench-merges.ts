import { existsSync, readFileSync } from 'node:fs';
import { SLICE_MS } from '../db/run-in-slices';
import { encodeSegmentBlobs, encodeSegmentBlobsSteps } from '../db/segment-samples';
import { buildSegment, mergeSegments, SegmentSet, type FactsDoc, type LiveSegment, type Segment } from '../engine/index';
import { mergeSegmentsSteps } from '../engine/segments/merge-segments';
import { encodeSegmentHalves } from '../engine/segments/segment-codec';
import type { Steps } from '../engine/segments/steps';
import { timeInterleaved } from './timing';

/** Dispatches per segment an import writes (the options page sends batches of this many). */
export const IMPORT_BATCH = 400;
/** One dispatch in this many is removed before the merges, so that they drop tombstones. */
const REMOVED_EVERY = 100;

const ms = (x: number) => `${x.toFixed(0)} ms`;
const int = (n: number) => n.toLocaleString('en-US');

/**
 * The segment of these dispatches, carved from segments that hold them (with others): what
 * buildSegment makes of them (merge-segments.test.ts), without analysing them again.
 */
function carve(id: string, from: readonly Segment[], ids: readonly string[]): Segment {
  const wanted = new Set(ids);
  const inputs: LiveSegment[] = [];
  for (const segment of from) {
    const removed: number[] = [];
    segment.text.ids.forEach((doc, at) => {
      if (!wanted.has(doc)) removed.push(at);
    });
    if (removed.length < segment.text.ids.length) inputs.push({ segment, removed });
  }
  return mergeSegments(id, inputs);
}

/**
 * CPU ms of this thread where Linux tells it (/proc/thread-self/schedstat, in ns): what holds the
 * worker's thread, without the GC's background threads that process.cpuUsage adds; else of the process.
 */
const THREAD_STAT = '/proc/thread-self/schedstat';
const threadCpu = existsSync(THREAD_STAT);
const cpuNow = () => {
  if (threadCpu) return Number(readFileSync(THREAD_STAT, 'utf8').split(' ')[0]) / 1e6;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** How long the worker is held by work run in steps: in all, by its longest step, by its longest slice. */
export interface SliceTiming {
  cpuMs: number;
  steps: number;
  slices: number;
  /** Wall ms, which a busy machine stretches; CPU ms of the thread (see cpuNow). */
  longestStep: { ms: number; cpuMs: number };
  longestSlice: { ms: number; cpuMs: number };
}

/**
 * Runs steps as the worker runs them (runInSlices: a pause once a slice of `sliceMs` is spent,
 * here none), timing every step and every slice.
 */
export function timeSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): { value: T; timing: SliceTiming } {
  const timing: SliceTiming = { cpuMs: 0, steps: 0, slices: 1, longestStep: { ms: 0, cpuMs: 0 }, longestSlice: { ms: 0, cpuMs: 0 } };
  const cpu0 = cpuNow();
  let slice = { ms: performance.now(), cpu: cpu0 };
  let step = { ...slice };
  const longest = (into: { ms: number; cpuMs: number }, from: { ms: number; cpu: number }, ms: number, cpu: number) => {
    into.ms = Math.max(into.ms, ms - from.ms);
    into.cpuMs = Math.max(into.cpuMs, cpu - from.cpu);
  };
  for (;;) {
    const r = steps.next();
    const ms = performance.now();
    const cpu = cpuNow();
    timing.steps++;
    longest(timing.longestStep, step, ms, cpu);
    step = { ms, cpu };
    if (r.done || ms - slice.ms >= sliceMs) {
      longest(timing.longestSlice, slice, ms, cpu);
      if (r.done) {
        timing.cpuMs = cpu - cpu0;
        return { value: r.value, timing };
      }
      timing.slices++;
      slice = { ms: performance.now(), cpu: cpuNow() };
      step = { ...slice };
    }
  }
}

/**
 * The largest merge and its blobs, built at once (what a merge did before) and in steps (what the
 * worker does now, in slices of SLICE_MS), interleaved: CPU in all, and the longest stretch the
 * worker is held, which a page's answer may wait for.
 */
export function benchMergeSlices(inputs: readonly LiveSegment[], rounds: number, log: (line?: string) => void): void {
  const whole = { cpuMs: [] as number[], blobsCpuMs: [] as number[] };
  let stepped: SliceTiming[] = [];
  let blobs: SliceTiming[] = [];
  let same = true;
  for (let r = 0; r < rounds; r++) {
    let c = cpuNow();
    const at = mergeSegments('m', inputs);
    whole.cpuMs.push(cpuNow() - c);
    c = cpuNow();
    const atBlobs = encodeSegmentBlobs(at);
    whole.blobsCpuMs.push(cpuNow() - c);
    const s = timeSlices(mergeSegmentsSteps('m', inputs));
    const b = timeSlices(encodeSegmentBlobsSteps(s.value));
    stepped.push(s.timing);
    blobs.push(b.timing);
    const eq = (x: ArrayBuffer, y: ArrayBuffer) => Buffer.from(x).equals(Buffer.from(y));
    same &&= eq(atBlobs.text, b.value.text) && eq(atBlobs.facts, b.value.facts) && eq(atBlobs.sample, b.value.sample);
  }
  const min = (xs: number[]) => Math.min(...xs);
  const worst = (ts: SliceTiming[], f: (t: SliceTiming) => number) => Math.max(...ts.map(f));
  const docs = inputs.reduce((n, l) => n + l.segment.text.ids.length - l.removed.length, 0);
  log(
    `    the merge of ${inputs.length} segments into ${int(docs)} dispatches, ${rounds} rounds interleaved (least CPU of each, ${threadCpu ? 'thread' : 'process'}): ` +
      `at once CPU ${ms(min(whole.cpuMs))} + blobs ${ms(min(whole.blobsCpuMs))}, all of it in one stretch; ` +
      `in steps CPU ${ms(min(stepped.map((t) => t.cpuMs)))} + blobs ${ms(min(blobs.map((t) => t.cpuMs)))}, ` +
      `${int(stepped[0].steps + blobs[0].steps)} steps in ${int(stepped[0].slices + blobs[0].slices)} slices of ${SLICE_MS} ms`,
  );
  const all = [...stepped, ...blobs];
  log(
    `      longest step (worst of the rounds) ${worst(all, (t) => t.longestStep.ms).toFixed(1)} ms wall, ${worst(all, (t) => t.longestStep.cpuMs).toFixed(1)} ms CPU; ` +
      `longest slice ${worst(all, (t) => t.longestSlice.ms).toFixed(1)} ms wall, ${worst(all, (t) => t.longestSlice.cpuMs).toFixed(1)} ms CPU ` +
      `(CPU of ${threadCpu ? 'the thread' : 'the process, GC background threads included'}); same blobs: ${same ? 'yes' : 'NO'}`,
  );
}

function sameBlobs(a: Segment, b: Segment): boolean {
  const x = encodeSegmentHalves(a);
  const y = encodeSegmentHalves(b);
  const eq = (p: ArrayBuffer, q: ArrayBuffer) => p.byteLength === q.byteLength && new Uint8Array(p).every((v, i) => v === new Uint8Array(q)[i]);
  return eq(x.text, y.text) && eq(x.facts, y.facts);
}

/**
 * Ten segments of a tenth of `docs` each, one dispatch in REMOVED_EVERY removed, merged into one:
 * from their indexes (mergeSegments) and by analysing the live dispatches (buildSegment, what a
 * merge did before), interleaved; the two results are compared byte for byte.
 */
export function benchTenMerge(docs: readonly FactsDoc[], layout: readonly Segment[], rounds: number, log: (line?: string) => void): void {
  const per = Math.floor(docs.length / 10);
  const inputs: LiveSegment[] = [];
  for (let i = 0; i < 10; i++) {
    const chunk = docs.slice(i * per, (i + 1) * per);
    const segment = carve(`ten-${i}`, layout, chunk.map((d) => d.id));
    const removed: number[] = [];
    for (let at = i % REMOVED_EVERY; at < segment.text.ids.length; at += REMOVED_EVERY) removed.push(at);
    inputs.push({ segment, removed });
  }
  const dead = new Set(inputs.flatMap(({ segment, removed }) => removed.map((at) => segment.text.ids[at])));
  const live = docs.slice(0, 10 * per).filter((d) => !dead.has(d.id));
  let byPostings: Segment | null = null;
  let byAnalysis: Segment | null = null;
  const [p, a] = timeInterleaved(
    [() => (byPostings = mergeSegments('m', inputs)), () => (byAnalysis = buildSegment('m', live))],
    { warmup: 0, minRuns: rounds, minMs: 0, maxRuns: rounds },
  );
  log(
    `    merge 10 segments of ${int(per)} (${int(dead.size)} removed) into one: from their postings ${ms(p.medianMs)}, ` +
      `by analysing the ${int(live.length)} live dispatches ${ms(a.medianMs)} (${(a.medianMs / p.medianMs).toFixed(0)}x; ${rounds > 1 ? `medians of ${rounds} interleaved` : 'one run each'}; ` +
      `CPU ${ms(p.cpuMs)} and ${ms(a.cpuMs)}); ` +
      `same blobs: ${sameBlobs(byPostings!, byAnalysis!) ? 'yes' : 'NO'}`,
  );
}

/**
 * After an import of `docs` in batches of IMPORT_BATCH (segments carved from the layout, one
 * dispatch in REMOVED_EVERY then removed), every merge the default policy asks for, each from
 * the segments' postings: the corpus service's background merges, without IndexedDB. With
 * `analyse`, the same merges by analysing the live dispatches, after.
 */
export function benchMergeAll(docs: readonly FactsDoc[], layout: readonly Segment[], analyse: boolean, log: (line?: string) => void): { postingsMs: number; analysisMs: number } {
  const imported = (): SegmentSet => {
    const set = new SegmentSet();
    for (let at = 0; at < docs.length; at += IMPORT_BATCH) {
      set.add(carve(`batch-${at / IMPORT_BATCH}`, layout, docs.slice(at, at + IMPORT_BATCH).map((d) => d.id)));
    }
    set.remove(docs.filter((_, i) => i % REMOVED_EVERY === 7).map((d) => d.id));
    return set;
  };
  const byId = new Map(docs.map((d) => [d.id, d]));
  type Run = { ms: number; cpuMs: number; merges: number; segments: number; before: number; largest: { docs: number; cpuMs: number; inputs: LiveSegment[] } };
  const run = (merge: (id: string, plan: string[], set: SegmentSet) => Segment): Run => {
    const set = imported();
    const before = set.list().length;
    let merges = 0;
    // The largest merge holds the worker longest: a match waits for it.
    const largest = { docs: 0, cpuMs: 0, inputs: [] as LiveSegment[] };
    const t = performance.now();
    const cpu = process.cpuUsage();
    for (let plan = set.plan(); plan; plan = set.plan()) {
      const inputs = set.list().filter((l) => plan.includes(l.segment.id));
      const one = process.cpuUsage();
      const segment = merge(`merged-${++merges}`, plan, set);
      const used = process.cpuUsage(one);
      if (segment.text.ids.length > largest.docs) Object.assign(largest, { docs: segment.text.ids.length, cpuMs: (used.user + used.system) / 1000, inputs });
      set.replace(plan, segment);
    }
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, merges, segments: set.list().length, before, largest };
  };
  const postings = run((id, plan, set) => mergeSegments(id, set.list().filter((l) => plan.includes(l.segment.id))));
  log(
    `    merges after importing ${int(docs.length)} in batches of ${IMPORT_BATCH} (1 in ${REMOVED_EVERY} removed), from the postings: ` +
      `${postings.merges} merges, ${postings.before} segments to ${postings.segments}, in ${ms(postings.ms)} (CPU ${ms(postings.cpuMs)}); ` +
      `the largest, of ${int(postings.largest.docs)} dispatches, CPU ${ms(postings.largest.cpuMs)}`,
  );
  benchMergeSlices(postings.largest.inputs, 2, log);
  if (!analyse) return { postingsMs: postings.ms, analysisMs: NaN };
  const analysis = run((id, plan, set) => buildSegment(id, set.liveIds(plan).map((d) => byId.get(d)!)));
  log(`      the same merges by analysing the live dispatches: ${ms(analysis.ms)} (CPU ${ms(analysis.cpuMs)}; ${(analysis.ms / postings.ms).toFixed(0)}x the time)`);
  return { postingsMs: postings.ms, analysisMs: analysis.ms };
}
