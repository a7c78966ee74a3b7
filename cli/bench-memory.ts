/**
 * What remembering one read article costs the worker when the memory already holds many:
 * `npm run bench:memory [-- --articles N]`. The database is IndexedDB in memory (fake-indexeddb,
 * slower than a browser's), the corpus service and the write are the extension's own: the record
 * is stored and indexed (one small segment) and the index in memory catches up. The full rebuild
 * that every write used to do is measured beside it, on the same articles.
 */
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { CorpusService } from '../background/corpus-service';
import { dbStore } from '../background/db-store';
import { beginImport, commitImport, stageImport } from '../db/import-job';
import { openDb } from '../db/index';
import { rememberRead } from '../db/reading-memory';
import { toStored } from '../db/stored-dispatch';
import { buildSegment, dispatchText, type Dispatch } from '../engine/index';
import { extractFromHtml } from '../extract/from-html';
import { readRealPages, realTextFrom } from './real-text';
import { syntheticCorpus } from './synthetic-corpus';
import { median } from './timing';

const argv = process.argv.slice(2);
const at = argv.indexOf('--articles');
const articles = at >= 0 ? Number(argv[at + 1]) : 10_000;
const SAMPLES = 9;
const TARGET_MS = 50;

const real = realTextFrom(readRealPages(join(import.meta.dirname, '..', '..', 'shared', 'real-pages'), (html) => extractFromHtml(html)).articles);
const docs = syntheticCorpus(real, { count: articles + SAMPLES, seed: 8, minWords: 300, maxWords: 700 });
const asRead = (d: { id: string; text: string }, i: number): Dispatch => ({
  id: `read-site${i % 40}-${d.id}`,
  outlet: `site${i % 40}.example`,
  origin: `site${i % 40}.example`,
  chain: [`site${i % 40}.example`],
  language: 'fr',
  date: '2026-11-30',
  title: `Article ${i}`,
  url: `https://site${i % 40}.example/a/${i}`,
  paragraphs: d.text.split(/\n\n+/),
  read: { at: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString() },
});
const memory = docs.map(asRead);

const db = openDb(`bench-memory-${Date.now()}`);
const service = new CorpusService(dbStore(db, bundledCorpus, corpusVersion));
await service.start();
let t0 = performance.now();
const job = await beginImport(db, 'extend');
for (let i = 0; i < articles; i += 2_000) await stageImport(db, job, memory.slice(i, Math.min(articles, i + 2_000)).map((d) => toStored(d, 'read')));
await service.change(() => commitImport(db, job));
await service.settled();
console.log(`memory of ${articles.toLocaleString('en-US')} articles stored and indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const times: number[] = [];
/** The database write and the index in memory catching up, apart. */
const parts: { write: number; memory: number }[] = [];
for (let i = 0; i < SAMPLES; i++) {
  const d = memory[articles + i];
  t0 = performance.now();
  let wrote = 0;
  await service.change(async () => {
    await rememberRead(db, d, ['AFP'], new Date());
    wrote = performance.now() - t0;
  });
  times.push(performance.now() - t0);
  parts.push({ write: wrote, memory: times[times.length - 1] - wrote });
  await service.settled();
}
const page = `${dispatchText(memory[articles + 3])}\n\nUn paragraphe de la rédaction, ajouté à la copie.`;
const matched = (await service.match(page)).result.passages.some((p) => p.dispatch === memory[articles + 3].id);

// What each write cost before segments: both indexes of every article built again.
t0 = performance.now();
buildSegment('rebuild', memory.slice(0, articles + 1).map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language })));
const rebuildMs = performance.now() - t0;

const add = median(times);
console.log(`remember one more article: median ${add.toFixed(1)} ms over ${SAMPLES} (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); target < ${TARGET_MS} ms: ${add < TARGET_MS ? 'met' : 'MISSED'}`);
console.log(`  of which the database write ${median(parts.map((p) => p.write)).toFixed(1)} ms and the index in memory ${median(parts.map((p) => p.memory)).toFixed(1)} ms (medians)`);
console.log(`full rebuild of both indexes, as every write did before: ${(rebuildMs / 1000).toFixed(1)} s (${(rebuildMs / add).toFixed(0)}x)`);
console.log(`the article just remembered is matched on a page copying it: ${matched}`);
console.log(`bench-memory: articles=${articles} add_ms=${add.toFixed(1)} rebuild_ms=${rebuildMs.toFixed(0)} ratio=${(rebuildMs / add).toFixed(0)}`);
db.close();
