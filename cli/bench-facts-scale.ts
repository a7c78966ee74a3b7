/**
 * Same-fact alignment on segmented facts indexes at 10,000 and 100,000 dispatches, the facts part
 * alone (no text index): `node --import tsx --expose-gc cli/bench-facts-scale.ts [--sizes 10000,100000]`.
 * The corpora, the page and the segment layout are those of `npm run bench` (bench.ts,
 * bench-segments.ts). Prints the bytes the facts segments and their view hold, by array; the CPU
 * time of one alignment: of pages the view has not aligned before (once each), of one page repeated,
 * and first after a write; adding and removing one dispatch; and the
 * pairs found beside an unbounded candidate search on the same segments.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { alignFacts, SegmentSet, type Passage } from '../engine/index';
import { buildSegment } from '../engine/segments/segment-set';
import { decodeSegment, encodeSegment } from '../engine/segments/segment-codec';
import { runSteps } from '../engine/segments/steps';
import { factsHeldBytes } from './bench-facts-bytes';
import { layoutBlobs } from './bench-segments';
import { unseenPages } from './bench-hosts';
import { ADDED, cpuMs, gcAvailable, heldBytes as heap, PAGE_WORDS, profilerIn, scaleCorpus, SEED } from './scale-setup';
import { median, timeInterleaved } from './timing';

const argv = process.argv.slice(2);
const sizesAt = argv.indexOf('--sizes');
const sizes = sizesAt >= 0 ? argv[sizesAt + 1].split(',').map(Number) : [10_000, 100_000];
const profileAt = argv.indexOf('--profile');
/** Directory where the CPU profiles of the steady and first-after-write alignments go (--profile DIR). */
const profiled = profilerIn(profileAt >= 0 ? argv[profileAt + 1] : null);
const log = (s = '') => console.log(s);
const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;

log(`facts at scale · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · load average ${loadavg()[0].toFixed(2)}`);
const { seeds, pageText, hosts, donorDocs, benchPage: page, corpus } = scaleCorpus(join(import.meta.dirname, '..'));
const unseen = unseenPages(pageText, hosts, seeds, donorDocs, PAGE_WORDS, SEED);

const pairKey = (p: Passage) => `${p.page.start}:${p.dispatch}:${p.source.start}`;
const steady = new Map<number, number>();
const unseenMedian = new Map<number, number>();
for (const size of sizes) {
  const all = corpus(size);
  const held = all.slice(-ADDED);
  const base = all.slice(0, -ADDED);
  const before = heap();
  let t = performance.now();
  const blobs = layoutBlobs(base);
  const buildMs = performance.now() - t;
  const set = new SegmentSet(blobs.map((blob) => ({ segment: decodeSegment(blob), removed: [] })));
  blobs.length = 0;
  alignFacts(page, set.factsView(), { hints: false });
  log();
  log(`${size.toLocaleString('en-US')} dispatches: ${set.list().length} segments built in ${(buildMs / 1000).toFixed(0)} s (text and facts)`);
  const bytes = factsHeldBytes(set);
  log(`  facts held: ${mb(bytes.total)} (segments ${mb(bytes.segments)}, view ${mb(bytes.view)}); by array:`);
  log(`    ${Object.entries(bytes.byArray).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}`);
  log(`  heap + array buffers held by the whole set (text included) after gc: ${gcAvailable ? mb(heap() - before) : 'n/a (--expose-gc)'}`);

  const firstRuns: number[] = [];
  const addRuns: number[] = [];
  await profiled(`first-${size}`, () => {
    for (let i = 0; i < 4; i++) {
      set.remove([base[(i * 104_729) % base.length].id]);
      alignFacts(page, set.factsView(), { hints: false });
    }
  });
  await profiled(`steady-${size}`, () => {
    for (let i = 0; i < 10; i++) alignFacts(page, set.factsView(), { hints: false });
  });
  for (let i = 0; i < ADDED; i++) {
    const one = buildSegment(`add-${i}`, [held[i]]);
    addRuns.push(cpuMs(() => {
      set.add({ ...decodeSegment(encodeSegment(one)), id: one.id });
      set.factsView();
    }));
    firstRuns.push(cpuMs(() => alignFacts(page, set.factsView(), { hints: false })));
  }
  const removeRuns: number[] = [];
  for (let i = 0; i < ADDED; i++) {
    removeRuns.push(cpuMs(() => {
      set.remove([base[(i * 7919) % base.length].id]);
      set.factsView();
    }));
    firstRuns.push(cpuMs(() => alignFacts(page, set.factsView(), { hints: false })));
  }
  // The worker finds the norms of a new view in its idle time (NormWarmup): the pages below come after.
  runSteps(set.factsView().normSteps());
  // Pages the view has not aligned before, once each: what a reader waits for on a new page.
  const unseenRuns = await profiled(`unseen-${size}`, () => unseen.map((p) => cpuMs(() => alignFacts(p, set.factsView(), { hints: false }))));
  const [f] = timeInterleaved([() => alignFacts(page, set.factsView(), { hints: false })], { warmup: 3, minRuns: 15, minMs: 3000, maxRuns: 100 });
  steady.set(size, f.cpuMs);
  unseenMedian.set(size, median(unseenRuns));
  log(
    `  alignFacts of ${unseen.length} pages not aligned before, once each: cpu median ${median(unseenRuns).toFixed(1)} ms, max ${Math.max(...unseenRuns).toFixed(1)} ms ` +
      `(${unseenRuns.map((x) => x.toFixed(0)).join(', ')})`,
  );
  log(`  alignFacts of one page repeated (steady): cpu ${f.cpuMs.toFixed(1)} ms/run, wall median ${f.medianMs.toFixed(1)} ms (${f.runs} runs)`);
  log(`  first alignment after a write, no idle time between (facts views only): cpu median ${median(firstRuns).toFixed(1)} ms, max ${Math.max(...firstRuns).toFixed(1)} ms`);
  log(`  add one dispatch (segment decode, facts view): cpu median ${median(addRuns).toFixed(1)} ms; remove: ${median(removeRuns).toFixed(1)} ms (facts view only)`);

  // The same writes, the norms of each new view found first in steps (the worker runs them in its
  // idle time, see NormWarmup): what a page arriving a moment after the write waits for.
  const warmRuns: number[] = [];
  const afterWarmRuns: number[] = [];
  let longestStep = 0;
  for (let i = 0; i < ADDED; i++) {
    set.remove([base[(i * 6007 + 13) % base.length].id]);
    const view = set.factsView();
    warmRuns.push(cpuMs(() => {
      // Each step's CPU time: on a loaded machine its wall time counts the time other jobs ran.
      for (const steps = view.normSteps(); ; ) {
        const c = process.cpuUsage();
        const done = steps.next().done;
        const u = process.cpuUsage(c);
        longestStep = Math.max(longestStep, (u.user + u.system) / 1000);
        if (done) break;
      }
    }));
    afterWarmRuns.push(cpuMs(() => alignFacts(page, set.factsView(), { hints: false })));
  }
  log(
    `  norms of a new view found in steps (idle time): cpu median ${median(warmRuns).toFixed(1)} ms, longest step ${longestStep.toFixed(1)} ms cpu; ` +
      `first alignment after them: cpu median ${median(afterWarmRuns).toFixed(1)} ms, max ${Math.max(...afterWarmRuns).toFixed(1)} ms; ` +
      `view arrays then ${mb(set.factsView().heldBytes())}`,
  );

  const bounded = alignFacts(page, set.factsView(), { hints: false });
  const reference = alignFacts(page, set.factsView(), { hints: false, exhaustive: true });
  const refKeys = new Set(reference.map(pairKey));
  const kept = bounded.filter((p) => refKeys.has(pairKey(p))).length;
  const sentences = (ps: Passage[]) => new Set(ps.map((p) => p.page.start)).size;
  log(
    `  pairs: ${bounded.length} (${sentences(bounded)} page sentences); unbounded reference ${reference.length} (${sentences(reference)} page sentences); ` +
      `${kept} of the reference's kept, ${bounded.length - kept} not in it`,
  );
}
if (steady.has(10_000) && steady.has(100_000)) {
  const growth = (m: Map<number, number>) => (m.get(100_000)! / m.get(10_000)!).toFixed(2);
  log(`\ngrowth 10,000 → 100,000 (cpu): pages not aligned before ${growth(unseenMedian)}x, one page repeated ${growth(steady)}x`);
}
log(`load average at the end ${loadavg()[0].toFixed(2)}`);
