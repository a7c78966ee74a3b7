/**
 * Text matching on the segment layout of `npm run bench` at 10,000 and 100,000 dispatches, the
 * match part alone: `node --import tsx --expose-gc cli/bench-match-scale.ts [--sizes 10000,100000]
 * [--cache DIR] [--profile DIR]`. The corpora, the bench page and the layout (with 12 one-dispatch
 * segments added and 12 tombstones) are those of bench-segments.ts. Beside the bench page, matched
 * again and again, it matches pages the index has never been asked about (their host sentences with
 * the words reordered, passages of random dispatches spliced in), each once, and pages of pool
 * articles whose sentences recur in the corpus. Prints CPU times and a hash of every match result,
 * the same before and after a change to how matching reads the index. --cache keeps the built
 * blobs (the 100,000 layout takes minutes to build) for the next run. --against DIR matches with
 * the engine of another checkout (DIR/engine) as well, on the same segments: every result must be
 * equal, and the two are timed in turn in this one process (on a busy machine, only such an A/B
 * comparison means much). The other engine reads the blobs with its own codec, so a change of the
 * stored layout is compared too: the cache should then hold blobs that both can read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { match, SegmentSet, type FactsDoc } from '../engine/index';
import { buildSegment } from '../engine/segments/segment-set';
import { decodeSegment, encodeSegment } from '../engine/segments/segment-codec';
import { buildBenchPage } from './bench-page';
import { layoutBlobs } from './bench-segments';
import { makeRng, sample } from './prng';
import { realTextFrom } from './real-text';
import { ADDED, cpuMs, gcAvailable, heldBytes as heap, PAGE_WORDS, profilerIn, scaleCorpus, SEED } from './scale-setup';
import { median, timeInterleaved } from './timing';

const FRESH_PAGES = 40;
const POOL_PAGES = 10;

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : null);
const sizes = (arg('--sizes') ?? '10000,100000').split(',').map(Number);
const cacheDir = arg('--cache');
const profileDir = arg('--profile');
const againstDir = arg('--against');
type Codec = { decodeSegment: typeof decodeSegment; encodeSegment: typeof encodeSegment };
type Engine = { match: typeof match; SegmentSet: typeof SegmentSet; buildSegment: typeof buildSegment } & Codec;
const thisEngine: Engine = { match, SegmentSet, buildSegment, decodeSegment, encodeSegment };
const other: Engine | null = againstDir
  ? {
      ...((await import(join(againstDir, 'engine', 'index.ts'))) as Omit<Engine, keyof Codec>),
      ...((await import(join(againstDir, 'engine', 'segments', 'segment-codec.ts'))) as Codec),
    }
  : null;
const profiled = profilerIn(profileDir);
const log = (s = '') => console.log(s);

log(`match at scale · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · load average ${loadavg()[0].toFixed(2)}`);
const { pages, hosts, pageText, benchPage, corpus } = scaleCorpus(join(import.meta.dirname, '..'));

/** The host sentences with their words shuffled: fingerprints nobody looked up before. */
function freshPage(docs: readonly FactsDoc[], seed: number): string {
  const r = makeRng(seed);
  const articles = hosts.map((a) => ({
    ...a,
    sentences: a.sentences.map((s) => {
      const w = s.split(/\s+/);
      return sample(w, w.length, r).join(' ');
    }),
  }));
  return buildBenchPage({ ...pageText, articles }, sample(docs, 3, r), r, PAGE_WORDS).text;
}

/** A page of pool articles, whose sentences recur (mutated) in many dispatches: a syndicated page. */
function poolPage(docs: readonly FactsDoc[], seed: number): string {
  const r = makeRng(seed);
  const hostNames = new Set(hosts.map((a) => a.name));
  const pool = realTextFrom(pages.articles.filter((a) => !hostNames.has(a.name)));
  const articles = sample(pool.articles, pool.articles.length, r);
  return buildBenchPage({ ...pool, articles }, sample(docs, 3, r), r, PAGE_WORDS).text;
}

function blobsOf(size: number, base: readonly FactsDoc[]): ArrayBuffer[] {
  const dir = cacheDir ? join(cacheDir, String(size)) : null;
  if (dir && existsSync(dir)) {
    const names = readdirSync(dir).sort((a, b) => Number(a.split('.')[0]) - Number(b.split('.')[0]));
    return names.map((n) => {
      const b = readFileSync(join(dir, n));
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    });
  }
  const blobs = layoutBlobs(base);
  if (dir) {
    mkdirSync(dir, { recursive: true });
    blobs.forEach((b, i) => writeFileSync(join(dir, `${i}.bin`), new Uint8Array(b)));
  }
  return blobs;
}

/** Results of both engines on every page (equal or the run fails), then both timed in turn. */
function compareWith(
  o: Engine,
  otherView: ReturnType<SegmentSet['textView']>,
  checked: readonly string[],
  getText: (id: string) => string | undefined,
  view: ReturnType<SegmentSet['textView']>,
  docs: readonly FactsDoc[],
  size: number,
): void {
  const differ = checked.filter((p) => JSON.stringify(o.match(p, otherView, getText)) !== JSON.stringify(match(p, view, getText)));
  if (differ.length) throw new Error(`${differ.length} of ${checked.length} pages match differently with ${againstDir}`);
  log(`  A/B against ${againstDir}: results equal on all ${checked.length} pages`);
  const [mine, theirs] = timeInterleaved([() => match(benchPage, view, getText), () => o.match(benchPage, otherView, getText)], {
    warmup: 3,
    minRuns: 30,
    minMs: 3000,
    maxRuns: 200,
  });
  log(`  A/B bench page: this engine cpu ${mine.cpuMs.toFixed(2)} ms/run, the other ${theirs.cpuMs.toFixed(2)} ms/run (${mine.runs} rounds)`);
  // Fresh pages, each matched once by one engine only (a second run would find the index lines cached), in turn.
  const runs: [number[], number[]] = [[], []];
  for (let i = 0; i < 2 * FRESH_PAGES; i++) {
    const p = freshPage(docs, SEED + 5000 + size + i);
    const mineFirst = i % 4 < 2;
    if ((i % 2 === 0) === mineFirst) runs[0].push(cpuMs(() => match(p, view, getText)));
    else runs[1].push(cpuMs(() => o.match(p, otherView, getText)));
  }
  log(`  A/B fresh pages: this engine cpu median ${median(runs[0]).toFixed(2)} ms, the other ${median(runs[1]).toFixed(2)} ms (${FRESH_PAGES} pages each)`);
  const pool = [0, 1, 2, 3].map((i) => poolPage(docs, SEED + 7000 + i));
  const [pm, pt] = timeInterleaved([() => pool.forEach((p) => match(p, view, getText)), () => pool.forEach((p) => o.match(p, otherView, getText))], {
    warmup: 1,
    minRuns: 5,
    minMs: 0,
    maxRuns: 5,
  });
  log(`  A/B pool pages: this engine cpu ${(pm.cpuMs / 4).toFixed(2)} ms/page, the other ${(pt.cpuMs / 4).toFixed(2)} ms/page`);
}

const steady = new Map<number, number>();
const fresh = new Map<number, number>();
for (const size of sizes) {
  const all = corpus(size);
  const texts = new Map(all.map((d) => [d.id, d.text]));
  const getText = (id: string) => texts.get(id);
  const held = all.slice(-ADDED);
  const base = all.slice(0, -ADDED);
  let t = performance.now();
  const blobs = blobsOf(size, base);
  const buildMs = performance.now() - t;
  // The layout: its segments, 12 one-dispatch segments added, 12 dispatches removed.
  const setOf = (e: Engine) => {
    const set = new e.SegmentSet(blobs.map((blob, i) => ({ segment: { ...e.decodeSegment(blob), id: `seg-${i + 1}` }, removed: [] })));
    for (let i = 0; i < ADDED; i++) {
      const one = e.buildSegment(`add-${i}`, [held[i]]);
      set.add({ ...e.decodeSegment(e.encodeSegment(one)), id: one.id });
    }
    for (let i = 0; i < ADDED; i++) set.remove([base[(i * 7919) % base.length].id]);
    return set;
  };
  const before = heap();
  const set = setOf(thisEngine);
  const view = set.textView();
  log();
  log(`${size.toLocaleString('en-US')} dispatches: ${view.parts.length} segments (${blobs.length} of the layout), blobs ready in ${(buildMs / 1000).toFixed(0)} s`);
  log(`  held after gc (segments and views, text and facts): ${gcAvailable ? `${((heap() - before) / 2 ** 20).toFixed(1)} MB` : 'n/a'}`);
  const otherView = other ? setOf(other).textView() : null;

  const freshPages = Array.from({ length: FRESH_PAGES }, (_, i) => freshPage(all, SEED + 100 + i));
  const poolPages = Array.from({ length: POOL_PAGES }, (_, i) => poolPage(all, SEED + 500 + i));
  // Results first, before any timing: the hash covers every page.
  const hash = createHash('sha256');
  for (const p of [benchPage, ...freshPages, ...poolPages]) hash.update(JSON.stringify(match(p, view, getText)));
  log(`  results hash (bench page, ${FRESH_PAGES} fresh pages, ${POOL_PAGES} pool pages): ${hash.digest('hex').slice(0, 16)}`);
  if (other && otherView) compareWith(other, otherView, [benchPage, ...freshPages, ...poolPages], getText, view, all, size);

  // Pages never seen, each once (after one warm-up of the code on another page).
  match(freshPage(all, SEED + 99), view, getText);
  const freshRuns: number[] = [];
  const freshAgain = Array.from({ length: FRESH_PAGES }, (_, i) => freshPage(all, SEED + 1000 + i));
  await profiled(`fresh-${size}`, () => {
    for (const p of freshAgain) freshRuns.push(cpuMs(() => match(p, view, getText)));
  });
  const [b] = timeInterleaved([() => match(benchPage, view, getText)], { warmup: 3, minRuns: 20, minMs: 2000, maxRuns: 200 });
  await profiled(`bench-${size}`, () => {
    for (let i = 0; i < 40; i++) match(benchPage, view, getText);
  });
  const poolRuns = poolPages.map((p) => cpuMs(() => match(p, view, getText)));
  steady.set(size, b.cpuMs);
  fresh.set(size, median(freshRuns));
  log(`  bench page, repeated: cpu ${b.cpuMs.toFixed(2)} ms/run, wall median ${b.medianMs.toFixed(2)} ms (${b.runs} runs)`);
  log(`  fresh pages, each once: cpu median ${median(freshRuns).toFixed(2)} ms, max ${Math.max(...freshRuns).toFixed(2)} ms (${FRESH_PAGES} pages)`);
  log(`  pool pages (syndicated), once each: cpu median ${median(poolRuns).toFixed(2)} ms, max ${Math.max(...poolRuns).toFixed(2)} ms`);
}
if (steady.has(10_000) && steady.has(100_000)) {
  log();
  log(`growth 10,000 → 100,000 (cpu): bench page ${(steady.get(100_000)! / steady.get(10_000)!).toFixed(2)}x, fresh pages ${(fresh.get(100_000)! / fresh.get(10_000)!).toFixed(2)}x`);
}
log(`load average at the end ${loadavg()[0].toFixed(2)}`);
