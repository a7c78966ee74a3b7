import {
  alignFacts,
  buildSegment,
  match,
  SegmentSet,
  settledLayout,
  type FactsDoc,
} from '../engine/index';
import { packedBytes } from '../engine/segments/packed-text';
import { decodeSegment, encodeSegment } from '../engine/segments/segment-codec';
import { runSteps } from '../engine/segments/steps';
import { benchMergeAll, benchTenMerge, IMPORT_BATCH } from './bench-merges';
import { median, timeInterleaved } from './timing';

export interface SegmentBenchInput {
  /** Corpus size → its documents, built lazily (100,000 documents take a while to make). */
  corpora: readonly { size: number; docs: () => FactsDoc[] }[];
  /** Measure the full rebuild beside the segments (the slowest part at 100,000). */
  rebuild?: boolean;
  /** Today's rebuild of both indexes at 10,000 (text + facts, ms), measured earlier in the run. */
  todayRebuildMs10k: number;
  pageText: string;
  /** Pages aligned once each, after the bench page: none of them was aligned before (see unseenPages). */
  unseenPageTexts: readonly string[];
  heapBytes: () => number;
  gcAvailable: boolean;
  /** ms since the bench started, and the budget it must stay under. */
  elapsedMs: () => number;
  budgetMs: number;
  log: (line?: string) => void;
}

export interface SegmentFigures {
  size: number;
  rebuildMs: number;
  addMs: number;
  removeMs: number;
  matchMs: number;
  /** Median CPU ms of the first alignment of the unseen pages: the figure checked. */
  factsMs: number;
  /** Wall ms of one page aligned again and again (norms and recovered postings all found before). */
  factsRepeatedMs: number;
  memoryMb: number;
}

const cpuMs = (fn: () => unknown) => {
  const c = process.cpuUsage();
  fn();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
};
const ms = (x: number, digits = 1) => `${x.toFixed(digits)} ms`;
const int = (n: number) => n.toLocaleString('en-US');
/** Dispatches held out of the first build, added one at a time. */
const ADDED = 12;
/**
 * Dispatches of each segment of the layout matched against, oldest first: what the worker holds
 * once the merges after an import are done, as the default merge policy leaves them (the options
 * page sends batches of IMPORT_BATCH, one segment each, and the corpus service runs the merges the
 * policy asks for after each write). Corpora grown by small writes end up with segments of the
 * same order.
 */
export function layoutSizes(docs: number): number[] {
  return settledLayout(docs, IMPORT_BATCH).sizes;
}

/** The stored blobs of that layout over `base`, in order (the scale benches that time neither step). */
export function layoutBlobs(base: readonly FactsDoc[]): ArrayBuffer[] {
  const blobs: ArrayBuffer[] = [];
  let at = 0;
  for (const size of layoutSizes(base.length)) {
    blobs.push(encodeSegment(buildSegment(`seg-${blobs.length + 1}`, base.slice(at, at + size)), 'raw'));
    at += size;
  }
  return blobs;
}

/**
 * Segmented indexes at each size, on the layout the worker holds: segments of layoutSizes
 * (built, encoded as stored, decoded as read back), beside a full rebuild (one segment
 * of every dispatch, what the first write after an engine update does); then adding and removing
 * one dispatch at a time (a new small segment or a tombstone, with the views the worker then
 * matches against), and match and same-fact alignment of the bench page on the resulting segments.
 */
export function benchSegments(input: SegmentBenchInput): SegmentFigures[] {
  const { log } = input;
  const out: SegmentFigures[] = [];
  log();
  log(`Segmented indexes (engine/segments): segments as the merge policy leaves them after an import in batches of ${IMPORT_BATCH}; add and remove one dispatch, match and same facts with tombstones`);
  let buildPer1k = 0;
  for (const { size, docs: make } of input.corpora) {
    // Segments of a fixed size build in time linear in the corpus; the margin is for making the
    // documents, matching and aligning. The full rebuild is measured after, only if time is left.
    const estimate = buildPer1k * (size / 1000) * 1.3;
    if (buildPer1k > 0 && input.elapsedMs() + estimate > input.budgetMs) {
      log(
        `  ${int(size)}: SKIPPED: its builds alone would take about ${(estimate / 1000).toFixed(0)} s, ` +
          `past the ${(input.budgetMs / 60_000).toFixed(0)}-minute budget (${(input.elapsedMs() / 1000).toFixed(0)} s spent)`,
      );
      continue;
    }
    const all = make();
    const texts = new Map(all.map((d) => [d.id, d.text]));
    const getText = (id: string) => texts.get(id);
    const held = all.slice(-ADDED);
    const base = all.slice(0, -ADDED);
    const before = input.heapBytes();
    const { set, buildMs } = layout(base, log, size);
    buildPer1k = buildMs / (base.length / 1000);
    // The rebuild is measured beside the layout only while the budget allows (half of it left).
    const withinBudget = input.elapsedMs() + buildMs * 1.5 < input.budgetMs;
    const rebuildMs = input.rebuild !== false && withinBudget ? rebuild(base, log, size, input.todayRebuildMs10k) : NaN;
    if (Number.isNaN(rebuildMs)) {
      log(`    full rebuild: SKIPPED (${input.rebuild === false ? '--skip rebuild' : 'budget'}); the layout's builds took ${ms(buildMs, 0)} in all`);
    }

    // Merges: from the segments' postings, beside the same merges by analysing the dispatches
    // (what a merge did before) while the budget allows; at 100,000 that is the layout's builds.
    const held0 = set.list().map((l) => l.segment);
    if (size <= 10_000) benchTenMerge(base, held0, input.elapsedMs() + buildMs * 4 < input.budgetMs ? 3 : 1, log);
    const analyse = input.elapsedMs() + buildMs * 1.5 < input.budgetMs && size <= 10_000;
    benchMergeAll(base, held0, analyse, log);
    if (!analyse) log(`      (merging by analysing the dispatches costs about what the layout's builds took: ${ms(buildMs, 0)})`);

    match(input.pageText, set.textView(), getText);
    alignFacts(input.pageText, set.factsView());

    let t: number;
    const addRuns: number[] = [];
    for (let i = 0; i < ADDED; i++) {
      t = performance.now();
      const one = buildSegment(`add-${i}`, [held[i]]);
      set.add({ ...decodeSegment(encodeSegment(one)), id: one.id });
      set.textView();
      set.factsView();
      addRuns.push(performance.now() - t);
    }
    const removeRuns: number[] = [];
    for (let i = 0; i < ADDED; i++) {
      t = performance.now();
      set.remove([base[(i * 7919) % base.length].id]);
      set.textView();
      set.factsView();
      removeRuns.push(performance.now() - t);
    }
    t = performance.now();
    alignFacts(input.pageText, set.factsView());
    const firstFacts = performance.now() - t;
    // The worker finds the rest of the new view's norms in its idle time (NormWarmup) before the pages below.
    runSteps(set.factsView().normSteps());
    // A reader never opens the same page twice in a row: each of these is aligned once, its terms'
    // postings and its candidates' norms new to the view.
    const unseenRuns = input.unseenPageTexts.map((text) => cpuMs(() => alignFacts(text, set.factsView())));
    const [m, f] = timeInterleaved(
      [() => match(input.pageText, set.textView(), getText), () => alignFacts(input.pageText, set.factsView())],
      { warmup: 2, minRuns: 10, minMs: 1500, maxRuns: 60 },
    );
    const memoryMb = input.gcAvailable ? (input.heapBytes() - before) / 2 ** 20 : NaN;
    const reference = Number.isNaN(rebuildMs) ? buildMs : rebuildMs;
    const figures: SegmentFigures = {
      size,
      rebuildMs,
      addMs: median(addRuns),
      removeMs: median(removeRuns),
      matchMs: m.medianMs,
      factsMs: median(unseenRuns),
      factsRepeatedMs: f.medianMs,
      memoryMb,
    };
    out.push(figures);
    log(
      `    add one dispatch (build its segment, encode and decode it, new views): median ${ms(figures.addMs, 2)} of ${ADDED} ` +
        `(max ${ms(Math.max(...addRuns), 2)}) = ${int(Math.round(reference / figures.addMs))}x faster than the ${Number.isNaN(rebuildMs) ? 'layout’s builds' : 'full rebuild'}`,
    );
    log(`    remove one dispatch (tombstone, new views): median ${ms(figures.removeMs, 2)} of ${ADDED} (max ${ms(Math.max(...removeRuns), 2)})`);
    log(
      `    on ${set.list().length} segments with ${ADDED} tombstones: match (texts from an in-memory Map) ${ms(m.medianMs, 2)}; ` +
        `alignFacts of one page repeated ${ms(f.medianMs, 2)} (first after a change, norms recomputed: ${ms(firstFacts, 1)})`,
    );
    log(
      `    alignFacts of ${unseenRuns.length} pages not aligned before, once each (the figure checked): cpu median ${ms(figures.factsMs, 1)}, ` +
        `max ${ms(Math.max(...unseenRuns), 1)} (${unseenRuns.map((x) => x.toFixed(0)).join(', ')} ms)`,
    );
    log(`    worker memory for the decoded segments and their views: ${figures.memoryMb.toFixed(1)} MB (heap + array buffers after gc)`);
    const plan = set.plan();
    log(`    merge policy now asks for: ${plan ? `${plan.length} segments merged` : 'nothing'}`);
  }
  return out;
}

/**
 * Builds the segments of layoutSizes in order, keeps each as its stored blob, then
 * decodes them all as a worker reads them back: the set holds views on the blobs, as the worker does.
 */
function layout(base: readonly FactsDoc[], log: (line?: string) => void, size: number): { set: SegmentSet; buildMs: number } {
  let buildMs = 0;
  let encodeMs = 0;
  const blobs: ArrayBuffer[] = [];
  const sizes = layoutSizes(base.length);
  for (let i = 0, at = 0; i < sizes.length; at += sizes[i++]) {
    let t = performance.now();
    const segment = buildSegment(`seg-${blobs.length + 1}`, base.slice(at, at + sizes[i]));
    buildMs += performance.now() - t;
    t = performance.now();
    blobs.push(encodeSegment(segment, 'raw'));
    encodeMs += performance.now() - t;
  }
  const t = performance.now();
  const set = new SegmentSet(blobs.map((blob, i) => ({ segment: { ...decodeSegment(blob), id: `seg-${i + 1}` }, removed: [] })));
  const decodeMs = performance.now() - t;
  const bytes = blobs.reduce((n, b) => n + b.byteLength, 0);
  const held = set.list().map((l) => l.segment);
  const textMb = held.reduce((n, s) => n + packedBytes(s.text), 0) / 2 ** 20;
  const factsMb = held.reduce((n, s) => n + Object.values(s.facts).reduce((m: number, v) => m + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0), 0) / 2 ** 20;
  log(
    `  ${int(size)} dispatches: ${blobs.length} segments (${layoutText(sizes)}) built in ${ms(buildMs, 0)} ` +
      `(${ms(buildMs / (base.length / 1000), 0)} per 1,000), encoded in ${ms(encodeMs, 0)}, raw blobs ${(bytes / 2 ** 20).toFixed(1)} MB, decoded in ${ms(decodeMs, 1)}`,
  );
  log(`    typed arrays held: text index ${textMb.toFixed(1)} MB (packed postings), facts index ${factsMb.toFixed(1)} MB`);
  return { set, buildMs };
}

/** One segment of every dispatch, as a rebuild makes it, and its blob in both formats (dropped after). */
function rebuild(base: readonly FactsDoc[], log: (line?: string) => void, size: number, today10k: number): number {
  let t = performance.now();
  const segment = buildSegment('base', base);
  const rebuildMs = performance.now() - t;
  log(`    full rebuild: one segment of ${int(base.length)} (text + facts, every posting kept) built in ${ms(rebuildMs, 0)}`);
  if (size === 10_000) log(`    today's rebuild (buildIndex + buildFactsIndex, measured above): ${ms(today10k, 0)}`);
  for (const format of ['raw', 'packed'] as const) {
    t = performance.now();
    const blob = encodeSegment(segment, format);
    const encodeMs = performance.now() - t;
    const copy = blob.slice(0);
    const t0 = performance.now();
    decodeSegment(copy);
    const decode = performance.now() - t0;
    const per10k = 10_000 / base.length;
    log(
      `      ${format.padEnd(6)} blob: ${(blob.byteLength / 2 ** 20).toFixed(1)} MB, encoded in ${ms(encodeMs, 0)}, decoded in ${ms(decode, 1)} ` +
        `(per 10,000 dispatches: ${((blob.byteLength * per10k) / 2 ** 20).toFixed(1)} MB, ${ms(decode * per10k, 1)})`,
    );
  }
  return rebuildMs;
}

/** "3 × 16,000, 6 × 3,200, 400, 388": a layout's sizes, runs of equal sizes counted. */
function layoutText(sizes: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < sizes.length; ) {
    let j = i;
    while (j < sizes.length && sizes[j] === sizes[i]) j++;
    out.push(j - i > 1 ? `${j - i} × ${int(sizes[i])}` : int(sizes[i]));
    i = j;
  }
  return out.join(', ');
}
