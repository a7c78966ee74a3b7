import {
  alignFacts,
  buildSegment,
  match,
  SegmentSet,
  type FactsDoc,
} from '../engine/index';
import { decodeSegment, encodeSegment, type SegmentFormat } from '../engine/segments/segment-codec';
import { median, timeInterleaved } from './timing';

export interface SegmentBenchInput {
  /** Corpus size → its documents, built lazily (100,000 documents take a while to make). */
  corpora: readonly { size: number; docs: () => FactsDoc[] }[];
  /** Today's rebuild of both indexes at 10,000 (text + facts, ms), measured earlier in the run. */
  todayRebuildMs10k: number;
  pageText: string;
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
  factsMs: number;
  memoryMb: number;
}

const ms = (x: number, digits = 1) => `${x.toFixed(digits)} ms`;
const int = (n: number) => n.toLocaleString('en-US');
/** Dispatches held out of the first build, added one at a time. */
const ADDED = 12;

/**
 * Segmented indexes at each size: one build of every dispatch (the rebuild today's corpus writes
 * do), the segment blob in both formats, then adding and removing one dispatch at a time (a new
 * small segment or a tombstone, with the views the worker then matches against), and match and
 * same-fact alignment of the bench page on the resulting segments.
 */
export function benchSegments(input: SegmentBenchInput): SegmentFigures[] {
  const { log } = input;
  const out: SegmentFigures[] = [];
  log();
  log('Segmented indexes (engine/segments): add and remove one dispatch, match and same facts on segments with tombstones');
  let rebuildPer1k = 0;
  for (const { size, docs: make } of input.corpora) {
    if (rebuildPer1k > 0) {
      // Building grows a little faster than linearly (10,000 → 100,000 took 2.9x the linear
      // extrapolation on a loaded 2-core machine), and match, encoding and memory come after it.
      const estimate = rebuildPer1k * (size / 1000) * 3;
      if (input.elapsedMs() + estimate > input.budgetMs) {
        log(
          `  ${int(size)}: SKIPPED: its build alone would take about ${(estimate / 1000).toFixed(0)} s, ` +
            `past the ${(input.budgetMs / 60_000).toFixed(0)}-minute budget (${(input.elapsedMs() / 1000).toFixed(0)} s spent)`,
        );
        continue;
      }
    }
    const all = make();
    const texts = new Map(all.map((d) => [d.id, d.text]));
    const getText = (id: string) => texts.get(id);
    const held = all.slice(-ADDED);
    const base = all.slice(0, -ADDED);
    const { rebuildMs, blob } = buildAndEncode(base, log, size, input.todayRebuildMs10k);
    rebuildPer1k = rebuildMs / (base.length / 1000);

    // The worker's side: the blob as IndexedDB hands it over, decoded (views on it), and the views
    // matched against. The blob itself is the loaded index, so it counts in the memory figure.
    const before = input.heapBytes() - blob.byteLength;
    const loaded = decodeSegment(blob);
    const set = new SegmentSet([{ segment: loaded, removed: [] }]);
    match(input.pageText, set.textView(), getText);
    alignFacts(input.pageText, set.factsView());

    let t: number;
    const addRuns: number[] = [];
    for (let i = 0; i < ADDED; i++) {
      t = performance.now();
      const one = buildSegment(`add-${i}`, [held[i]]);
      encodeSegment(one);
      set.add(one);
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
    const [m, f] = timeInterleaved(
      [() => match(input.pageText, set.textView(), getText), () => alignFacts(input.pageText, set.factsView())],
      { warmup: 2, minRuns: 10, minMs: 1500, maxRuns: 60 },
    );
    const memoryMb = input.gcAvailable ? (input.heapBytes() - before) / 2 ** 20 : NaN;
    const figures: SegmentFigures = {
      size,
      rebuildMs,
      addMs: median(addRuns),
      removeMs: median(removeRuns),
      matchMs: m.medianMs,
      factsMs: f.medianMs,
      memoryMb,
    };
    out.push(figures);
    log(
      `    add one dispatch (build its segment, encode it, new views): median ${ms(figures.addMs, 2)} of ${ADDED} ` +
        `(max ${ms(Math.max(...addRuns), 2)}) = ${int(Math.round(rebuildMs / figures.addMs))}x faster than the rebuild`,
    );
    log(`    remove one dispatch (tombstone, new views): median ${ms(figures.removeMs, 2)} of ${ADDED} (max ${ms(Math.max(...removeRuns), 2)})`);
    log(
      `    on ${set.list().length} segments with ${ADDED} tombstones: match (texts from an in-memory Map) ${ms(m.medianMs, 2)}; ` +
        `alignFacts ${ms(f.medianMs, 2)} (first after a change, norms recomputed: ${ms(firstFacts, 1)})`,
    );
    log(`    worker memory for the decoded segments and their views: ${figures.memoryMb.toFixed(1)} MB (heap + array buffers after gc)`);
    const plan = set.plan();
    log(`    merge policy now asks for: ${plan ? `${plan.length} segments merged` : 'nothing'}`);
  }
  return out;
}

/** Builds the first segment and measures both blob formats; only the raw blob is kept. */
function buildAndEncode(base: readonly FactsDoc[], log: (line?: string) => void, size: number, today10k: number): { rebuildMs: number; blob: ArrayBuffer } {
  let t = performance.now();
  const segment = buildSegment('base', base);
  const rebuildMs = performance.now() - t;
  log(`  ${int(size)} dispatches: one segment of ${int(base.length)} (text + facts, every posting kept) built in ${ms(rebuildMs, 0)}`);
  if (size === 10_000) log(`    today's rebuild (buildIndex + buildFactsIndex, measured above): ${ms(today10k, 0)}`);
  let raw: ArrayBuffer | null = null;
  for (const format of ['raw', 'packed'] as const) {
    t = performance.now();
    const blob = encodeSegment(segment, format);
    const encodeMs = performance.now() - t;
    if (format === 'raw') raw = blob;
    const decode = median(
      [0, 1, 2].map(() => {
        const copy = blob.slice(0);
        const t0 = performance.now();
        decodeSegment(copy);
        return performance.now() - t0;
      }),
    );
    const per10k = 10_000 / base.length;
    log(
      `    ${format.padEnd(6)} blob: ${(blob.byteLength / 2 ** 20).toFixed(1)} MB, encoded in ${ms(encodeMs, 0)}, decoded in ${ms(decode, 1)} ` +
        `(per 10,000 dispatches: ${((blob.byteLength * per10k) / 2 ** 20).toFixed(1)} MB, ${ms(decode * per10k, 1)})`,
    );
  }
  return { rebuildMs, blob: raw! };
}
