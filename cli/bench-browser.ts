import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, launchWithExtension, type ExtensionBrowser } from '../scripts/lib/browser';
import { startStaticServer, type StaticServer } from '../scripts/lib/static-server';
import { pageCopying, realText, writeCorpusFile, type CorpusFile } from './bench-browser/corpus-file';
import { importFile } from './bench-browser/import-file';
import { loadUntilDrawn, median, storageUsage, waitForMerges, type Drawn } from './bench-browser/measure';
import { anyWorker, corpusTrace, isFresh, runSteps, stopWorker, tabIdOf } from './bench-browser/worker';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const realPagesDir = resolve(root, '../shared/real-pages');
const defaultExtDir = join(root, '.output/chrome-mv3');
const SEED = 2026;

const usage = `Usage: npm run bench:browser -- [--dispatches N] [--runs N]

Imports N synthetic dispatches (default 100000, about 3.4 KB each) through the options page of
the built extension (.output/chrome-mv3) in Chromium, then times the first highlight on a page
copying one of them with the service worker stopped (cold) and running (warm), and reads the
storage the corpus takes.

  --dispatches N   dispatches in the imported file (default 100000)
  --runs N         page loads timed, cold and warm each (default 5)
  --extension DIR  the built extension to load (default .output/chrome-mv3): a copy set aside
                   keeps a run measuring the same build while the tree is rebuilt`;

const TARGETS = { importS: 300, coldMs: 800, warmMs: 150, storageRatio: 2.5 };

interface Options {
  dispatches: number;
  runs: number;
  extDir: string;
}

function parse(argv: readonly string[]): Options | string {
  const out = { dispatches: 100_000, runs: 5, extDir: defaultExtDir };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[++i];
    if (name === '--extension') {
      if (!value) return '--extension needs a directory';
      out.extDir = resolve(value);
      continue;
    }
    const n = Number(value);
    if (name !== '--dispatches' && name !== '--runs') return `unknown option ${argv[i]}`;
    if (!Number.isInteger(n) || n < 1) return `${name} needs a positive whole number`;
    if (name === '--dispatches') out.dispatches = n;
    else out.runs = n;
  }
  return out;
}

const log = (s = '') => console.log(s);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
const int = (n: number) => n.toLocaleString('en-US');
const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');

async function run(options: Options): Promise<void> {
  const started = Date.now();
  const { extDir } = options;
  if (!existsSync(join(extDir, 'manifest.json'))) throw new Error(`no built extension in ${extDir}: run npm run build first`);
  log(`Extension: ${extDir}`);
  if (!existsSync(realPagesDir)) throw new Error(`no saved real pages in ${realPagesDir}`);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  log(`Recoupe browser benchmark · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · load average ${loadavg()[0].toFixed(2)} · ${executablePath}`);

  const tmp = mkdtempSync(join(tmpdir(), 'recoupe-bench-browser-'));
  let ext: ExtensionBrowser | undefined;
  let server: StaticServer | undefined;
  try {
    let t = Date.now();
    const real = realText(realPagesDir);
    const file = await writeCorpusFile(join(tmp, 'corpus.ndjson'), real, options.dispatches, SEED, options.runs * 2 + 1);
    log();
    log(`Corpus file: ${int(file.dispatches)} dispatches, ${mb(file.fileBytes)} of NDJSON, ${mb(file.textBytes)} of text, written in ${secs(Date.now() - t)}`);
    log(`  dispatches of 300–700 words of real sentences from ${realPagesDir} (${int(real.sentences.length)} sentences), about 1 word in 8 swapped, as npm run bench makes them`);

    ext = await launchWithExtension(extDir, executablePath);
    server = await startStaticServer({});
    await anyWorker(ext.context, ext.extensionId, 20_000);

    log();
    log('Import through the options page (extend mode)');
    const imported = await importFile(ext, file);
    log(`  ${int(file.dispatches)} dispatches imported in ${imported.seconds.toFixed(1)} s; progress with dispatches stored shown while reading: ${imported.progressSeen ? 'yes' : 'NO'}`);
    log(
      `  read and stored in ${imported.readingS.toFixed(1)} s (${imported.batches} batches seen stored, median ${imported.batchS.toFixed(2)} s apart), ` +
        `commit ${(imported.seconds - imported.readingS).toFixed(1)} s`,
    );
    t = Date.now();
    const settled = await waitForMerges(ext.context, ext.extensionId, 30 * 60_000);
    log(
      `  after the commit: ${settled.firstSegments} segments when the manifest was first read (${secs(settled.firstReadMs)}); ` +
        `${secs(settled.waitedMs)} until no merge is due: ${settled.segments} segments of ${int(settled.docs)} dispatches (${int(settled.removed)} tombstones)`,
    );

    const storage = await storageUsage(ext.context, ext.extensionId);
    const ratio = storage.usage / file.textBytes;
    log();
    log(`Storage: navigator.storage.estimate() in an extension page: ${mb(storage.usage)}${storage.idb !== undefined ? ` (IndexedDB ${mb(storage.idb)})` : ''}`);
    log(`  / corpus text ${mb(file.textBytes)} = ${ratio.toFixed(2)}; / NDJSON file ${mb(file.fileBytes)} = ${(storage.usage / file.fileBytes).toFixed(2)}`);

    // One tab for every load; its id, read once, outlives worker restarts.
    const tab = await ext.context.newPage();
    const markUrl = server.put('/bench/mark.html', '<!doctype html><html><head><meta charset="utf-8"><title>mark</title></head><body><p>.</p></body></html>');
    const tabId = await tabIdOf(ext.context, ext.extensionId, tab, markUrl);
    const pages = file.kept.map((d, i) => server!.put(`/bench/copy-${i}.html`, pageCopying(d)));
    const at = (i: number) => `${pages[i % pages.length]}?run=${i}`;

    // Not counted: the worker's first match after the import reads the labels and warms its code.
    const first = await loadUntilDrawn(ext.context, ext.extensionId, tab, tabId, at(pages.length - 1));
    log();
    log(`First page after the import (not counted): ${first.ms.toFixed(0)} ms, ${first.passages} passage(s)`);

    const warm: Drawn[] = [];
    const warmSteps: string[] = [];
    for (let i = 0; i < options.runs; i++) {
      const since = Date.now();
      const drawn = await loadUntilDrawn(ext.context, ext.extensionId, tab, tabId, at(i));
      warm.push(drawn);
      const steps = await runSteps(await anyWorker(ext.context, ext.extensionId), tabId, drawn.origin, since);
      warmSteps.push(steps.map((s) => `${s.what} ${s.ms.toFixed(0)}`).join(' → ') + ` → drawn ${drawn.ms.toFixed(0)}`);
    }
    const cold: Drawn[] = [];
    const traces: string[] = [];
    const coldSteps: string[] = [];
    for (let i = 0; i < options.runs; i++) {
      await stopWorker(ext.context, ext.extensionId);
      const since = Date.now();
      const drawn = await loadUntilDrawn(ext.context, ext.extensionId, tab, tabId, at(options.runs + i));
      cold.push(drawn);
      const sw = await anyWorker(ext.context, ext.extensionId);
      if (!(await isFresh(sw))) throw new Error('the worker that answered a cold load is the one that was stopped');
      traces.push((await corpusTrace(sw)).map((m) => `${m.what} ${m.ms}`).join(' → '));
      const steps = await runSteps(sw, tabId, drawn.origin, since);
      coldSteps.push(steps.map((s) => `${s.what} ${s.ms.toFixed(0)}`).join(' → ') + ` → drawn ${drawn.ms.toFixed(0)}`);
    }
    const list = (xs: Drawn[]) => xs.map((x) => x.ms.toFixed(0)).join(', ');
    const missing = [...warm, ...cold].filter((x) => x.passages === 0).length;
    log(`Warm worker, navigation start → drawn result recorded: median ${median(warm.map((x) => x.ms)).toFixed(0)} ms (${list(warm)})`);
    log('  warm worker, ms since navigation start: ' + (warmSteps.length ? '' : '(no steps)'));
    for (const t of warmSteps) log(`    ${t}`);
    log(`Cold worker (stopped through ServiceWorker.stopWorker before the load): median ${median(cold.map((x) => x.ms)).toFixed(0)} ms (${list(cold)})`);
    log('  cold worker, ms since it started: ' + (traces.length ? '' : '(no trace)'));
    for (const t of traces) log(`    ${t}`);
    log('  cold worker, ms since navigation start:');
    for (const t of coldSteps) log(`    ${t}`);
    log(`  passages drawn per load: ${[...warm, ...cold].map((x) => x.passages).join(', ')}${missing ? ` (${missing} loads drew nothing)` : ''}`);
    await tab.close();

    const importS = imported.seconds;
    const coldMs = median(cold.map((x) => x.ms));
    const warmMs = median(warm.map((x) => x.ms));
    const k = `${Math.round(options.dispatches / 1000)}k`;
    log();
    log(`Targets (${int(options.dispatches)} dispatches; run took ${secs(Date.now() - started)}; load average now ${loadavg()[0].toFixed(2)})`);
    log(`  ${verdict(importS < TARGETS.importS && imported.progressSeen)}  import with progress      ${importS.toFixed(1).padStart(8)} s    target < ${TARGETS.importS / 60} min, progress shown`);
    log(`  ${verdict(coldMs < TARGETS.coldMs)}  cold worker, first highlight ${coldMs.toFixed(0).padStart(7)} ms   target < ${TARGETS.coldMs} ms`);
    log(`  ${verdict(warmMs < TARGETS.warmMs)}  warm page, first highlight   ${warmMs.toFixed(0).padStart(7)} ms   target < ${TARGETS.warmMs} ms`);
    log(`  ${verdict(ratio < TARGETS.storageRatio)}  storage / corpus text        ${ratio.toFixed(2).padStart(7)}      target < ${TARGETS.storageRatio}`);
    log();
    log(`bench-browser: import_s_${k}=${importS.toFixed(1)} cold_ms_${k}=${coldMs.toFixed(0)} warm_ms_${k}=${warmMs.toFixed(0)} storage_ratio=${ratio.toFixed(2)}`);
  } finally {
    await ext?.context.close().catch(() => undefined);
    if (ext) rmSync(ext.profileDir, { recursive: true, force: true });
    await server?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

const parsed = parse(process.argv.slice(2));
if (typeof parsed === 'string') {
  console.error(`bench:browser: ${parsed}\n\n${usage}`);
  process.exitCode = 2;
} else {
  try {
    await run(parsed);
  } catch (error) {
    console.error(`bench:browser: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
