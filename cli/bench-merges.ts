import { buildSegment, mergeSegments, SegmentSet, type FactsDoc, type LiveSegment, type Segment } from '../engine/index';
import { encodeSegmentHalves } from '../engine/segments/segment-codec';
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
  type Run = { ms: number; cpuMs: number; merges: number; segments: number; before: number; largest: { docs: number; cpuMs: number } };
  const run = (merge: (id: string, plan: string[], set: SegmentSet) => Segment): Run => {
    const set = imported();
    const before = set.list().length;
    let merges = 0;
    // The largest merge holds the worker longest: a match waits for it.
    const largest = { docs: 0, cpuMs: 0 };
    const t = performance.now();
    const cpu = process.cpuUsage();
    for (let plan = set.plan(); plan; plan = set.plan()) {
      const one = process.cpuUsage();
      const segment = merge(`merged-${++merges}`, plan, set);
      const used = process.cpuUsage(one);
      if (segment.text.ids.length > largest.docs) Object.assign(largest, { docs: segment.text.ids.length, cpuMs: (used.user + used.system) / 1000 });
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
  if (!analyse) return { postingsMs: postings.ms, analysisMs: NaN };
  const analysis = run((id, plan, set) => buildSegment(id, set.liveIds(plan).map((d) => byId.get(d)!)));
  log(`      the same merges by analysing the live dispatches: ${ms(analysis.ms)} (CPU ${ms(analysis.cpuMs)}; ${(analysis.ms / postings.ms).toFixed(0)}x the time)`);
  return { postingsMs: postings.ms, analysisMs: analysis.ms };
}
