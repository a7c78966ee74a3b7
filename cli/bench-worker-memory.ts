/**
 * What the worker holds for a corpus of segments, structure by structure:
 * `node --import tsx --expose-gc cli/bench-worker-memory.ts [--size 100000] [--cache DIR]`.
 * The corpus, the page and the segment layout are those of `npm run bench` (bench-segments.ts).
 * Heap + array buffers after gc are read after each step a worker takes (blobs decoded, views,
 * the first match and alignment, a dozen writes), beside the bytes of each kind of typed array.
 * --cache DIR keeps the stored blobs there: later runs read them instead of building the segments.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { bundledCorpus } from '../corpus/bundled';
import { alignFacts, dispatchText, match, SegmentSet, type FactsDoc } from '../engine/index';
import { buildSegment } from '../engine/segments/segment-set';
import { decodeSegment, encodeSegment } from '../engine/segments/segment-codec';
import { extractFromHtml } from '../extract/from-html';
import { buildBenchPage } from './bench-page';
import { layoutBlobs } from './bench-segments';
import { benchHosts } from './bench-hosts';
import { makeRng } from './prng';
import { readRealPages } from './real-text';
import { syntheticCorpus } from './synthetic-corpus';
import { timeInterleaved } from './timing';

const SEED = 2026;
const PAGE_WORDS = 1_500;
const HELD_OUT_SENTENCES = 150;
const ADDED = 12;

const argv = process.argv.slice(2);
const opt = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const size = Number(opt('--size') ?? 100_000);
const cache = opt('--cache');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const log = (s = '') => console.log(s);
const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
const heap = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

// The corpus and page of bench.ts (see bench-facts-scale.ts, which makes them the same way).
const root = join(import.meta.dirname, '..');
const pages = readRealPages(join(root, '..', 'shared', 'real-pages'), extractFromHtml);
const seedMeta = new Map(bundledCorpus.map((d) => [d.id, { date: d.date, language: d.language }]));
const seeds = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d) }));
const { pageText, hosts, split, donorDocs } = benchHosts(pages.articles, PAGE_WORDS, HELD_OUT_SENTENCES, SEED);
const synthetic = syntheticCorpus(split.pool, { count: 10_000 - seeds.length - donorDocs.length, seed: SEED });
const rng = makeRng(SEED + 1);
const page = buildBenchPage({ ...pageText, articles: hosts }, [rng.pick(seeds), ...donorDocs], rng, PAGE_WORDS).text;
const all: FactsDoc[] = [
  ...[...seeds, ...donorDocs, ...synthetic].map((d) => ({ ...d, ...seedMeta.get(d.id) })),
  ...(size > 10_000
    ? syntheticCorpus(split.pool, { count: size - 10_000, seed: SEED + 9 }).map((d, i) => ({ ...d, id: `big-${String(i + 1).padStart(5, '0')}` }))
    : []),
];
const texts = new Map(all.map((d) => [d.id, d.text]));
const getText = (id: string) => texts.get(id);
const held = all.slice(-ADDED);
const base = all.slice(0, -ADDED);

const steps: [string, number][] = [];
let last = heap();
const step = (name: string) => {
  const now = heap();
  steps.push([name, now - last]);
  last = now;
};
let blobs: ArrayBuffer[] = [];
const dir = cache ? join(cache, String(size)) : null;
if (dir && existsSync(dir)) {
  const names = readdirSync(dir).sort((a, b) => parseInt(a.slice(4)) - parseInt(b.slice(4)));
  blobs = names.map((n) => {
    const b = readFileSync(join(dir, n));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  });
  log(`${blobs.length} stored blobs read from ${dir}`);
} else {
  // Segments as the merge policy leaves them after an import (the same layout as npm run bench).
  blobs = layoutBlobs(base);
  if (dir) {
    mkdirSync(dir, { recursive: true });
    blobs.forEach((b, i) => writeFileSync(join(dir, `seg-${i + 1}.bin`), new Uint8Array(b)));
  }
}
const blobBytes = blobs.reduce((n, b) => n + b.byteLength, 0);
step(`stored blobs (${mb(blobBytes)})`);

log(`worker memory · ${size.toLocaleString('en-US')} dispatches · load average ${loadavg()[0].toFixed(2)}`);
const set = new SegmentSet(blobs.map((blob, i) => ({ segment: { ...decodeSegment(blob), id: `seg-${i + 1}` }, removed: [] })));
blobs = [];
step('segments decoded and held');
set.textView();
step('text view');
set.factsView();
step('facts view');
match(page, set.textView(), getText);
step('first match');
alignFacts(page, set.factsView());
step('first alignment');
for (let i = 0; i < ADDED; i++) {
  const one = buildSegment(`add-${i}`, [held[i]]);
  set.add({ ...decodeSegment(encodeSegment(one)), id: one.id });
  set.remove([base[(i * 7919) % base.length].id]);
}
alignFacts(page, set.factsView());
match(page, set.textView(), getText);
step(`${ADDED} adds and removes, then a match and an alignment`);
const [m, f] = timeInterleaved([() => match(page, set.textView(), getText), () => alignFacts(page, set.factsView())], {
  warmup: 2,
  minRuns: 10,
  minMs: 1500,
  maxRuns: 60,
});
step('timed matches and alignments');
log();
log('Heap + array buffers after gc, by step:');
let total = 0;
for (const [name, bytes] of steps) {
  total += bytes;
  log(`  ${mb(bytes).padStart(9)}  ${name}`);
}
log(`  ${mb(total).padStart(9)}  in all`);

// Typed arrays of the segments, by index and array name (views on the blobs: counted once per buffer).
const byName = new Map<string, number>();
const buffers = new Set<ArrayBufferLike>();
for (const { segment } of set.list()) {
  for (const [half, owner] of [
    ['text', segment.text],
    ['facts', segment.facts],
  ] as const) {
    for (const [name, value] of Object.entries(owner)) {
      if (!ArrayBuffer.isView(value)) continue;
      byName.set(`${half}.${name}`, (byName.get(`${half}.${name}`) ?? 0) + value.byteLength);
      buffers.add(value.buffer);
    }
  }
}
let bufferBytes = 0;
for (const b of buffers) bufferBytes += b.byteLength;
log();
log(`Segment arrays (${set.list().length} segments; their ${buffers.size} buffers hold ${mb(bufferBytes)}):`);
for (const [name, bytes] of [...byName].sort((a, b) => b[1] - a[1])) log(`  ${mb(bytes).padStart(9)}  ${name}`);
log(`facts view arrays beside the segments: ${mb(set.factsView().heldBytes())}`);
log(`match ${m.cpuMs.toFixed(1)} ms cpu/run (median ${m.medianMs.toFixed(1)} ms); alignFacts ${f.cpuMs.toFixed(1)} ms cpu/run (median ${f.medianMs.toFixed(1)} ms); load average ${loadavg()[0].toFixed(2)}`);
