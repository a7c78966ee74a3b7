import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildSegment, settledLayout, type LiveSegment } from '../engine/index';
import { extractFromHtml } from '../extract/from-html';
import { benchMergeSlices, IMPORT_BATCH } from './bench-merges';
import { makeRng } from './prng';
import { readRealPages, realTextFrom } from './real-text';
import { holdOut, syntheticCorpus } from './synthetic-corpus';

/**
 * The largest merge the default policy runs on the way to 100,000 dispatches imported in batches
 * of IMPORT_BATCH (five segments of 3,200, one dispatch in 100 removed), of synthetic dispatches
 * as the scale benches make them: built at once and in steps (see benchMergeSlices), without the
 * rest of the scale bench. `--rounds n` (default 2).
 */
const argv = process.argv.slice(2);
const at = argv.indexOf('--rounds');
const rounds = at >= 0 ? Number(argv[at + 1]) : 2;
const log = (line = '') => console.log(line);

const { largestMerge } = settledLayout(100_000, IMPORT_BATCH);
const perSegment = 3_200;
const segments = Math.round(largestMerge / perSegment / 0.99);
const pages = readRealPages(join(import.meta.dirname, '..', '..', 'shared', 'real-pages'), extractFromHtml);
const pool = holdOut(realTextFrom(pages.articles), 40, makeRng(7)).pool;
const docs = syntheticCorpus(pool, { count: segments * perSegment, seed: 11 }).map((d, i) => ({ ...d, id: `big-${String(i + 1).padStart(5, '0')}` }));
const t = performance.now();
const inputs: LiveSegment[] = [];
for (let g = 0; g < segments; g++) {
  const segment = buildSegment(`in-${g}`, docs.filter((_, i) => i % segments === g));
  const removed: number[] = [];
  for (let r = g % 100; r < segment.text.ids.length; r += 100) removed.push(r);
  inputs.push({ segment, removed });
}
log(`Largest merge on the way to 100,000 (${largestMerge.toLocaleString('en-US')} dispatches): ${segments} segments of ${perSegment.toLocaleString('en-US')} built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
log(`  load ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores`);
benchMergeSlices(inputs, rounds, log);
