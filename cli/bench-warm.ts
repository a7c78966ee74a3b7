import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Worker } from 'playwright-core';
import { findChromium, launchWithExtension } from '../scripts/lib/browser';
import { startStaticServer } from '../scripts/lib/static-server';
import { pageCopying, realText, writeCorpusFile, type KeptDispatch } from './bench-browser/corpus-file';
import { importFile } from './bench-browser/import-file';
import { loadUntilDrawn, median, waitForMerges } from './bench-browser/measure';
import { tracePageRun, type PageStep } from './bench-browser/page-trace';
import { anyWorker, corpusTrace, tabIdOf } from './bench-browser/worker';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const realPagesDir = resolve(root, '../shared/real-pages');
const SEED = 2026;

const usage = `Usage: npm run bench:warm -- --profile DIR [--dispatches N] [--runs N] [--rounds N] BUILD...

Breaks a warm page's time to its first highlight down, step by step, for one or more built
extensions (directories), taken in turn round after round on one imported corpus. The corpus is
imported once into the profile DIR (kept: a later run with the same DIR and N reuses it); each
build is copied to DIR-ext before it is loaded, so every build sees the same extension id and
database. Page steps come from the browser's trace, worker steps from the worker's run timeline.

  --profile DIR    browser profile holding the imported corpus (created when missing)
  --dispatches N   dispatches imported (default 20000)
  --runs N         warm loads timed per build and round (default 3)
  --rounds N       rounds over the builds (default 2)`;

interface Options {
  profile: string;
  dispatches: number;
  runs: number;
  rounds: number;
  builds: string[];
}

function parse(argv: readonly string[]): Options | string {
  const out: Options = { profile: '', dispatches: 20_000, runs: 3, rounds: 2, builds: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.builds.push(resolve(a));
      continue;
    }
    const value = argv[++i];
    if (a === '--profile') out.profile = resolve(value ?? '');
    else if (a === '--dispatches' || a === '--runs' || a === '--rounds') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) return `${a} needs a positive whole number`;
      out[a.slice(2) as 'dispatches' | 'runs' | 'rounds'] = n;
    } else return `unknown option ${a}`;
  }
  if (!out.profile) return '--profile is needed';
  if (out.builds.length === 0) return 'name at least one built extension';
  return out;
}

const log = (s = '') => console.log(s);

interface Prepared {
  dispatches: number;
  kept: KeptDispatch[];
}

/** Imports the corpus into the profile unless it holds it already (a marker beside it says so). */
async function prepare(options: Options, extDir: string, executablePath: string): Promise<Prepared> {
  const marker = `${options.profile}.corpus.json`;
  if (existsSync(marker)) {
    const kept = JSON.parse(readFileSync(marker, 'utf8')) as Prepared;
    if (kept.dispatches === options.dispatches) return kept;
  }
  rmSync(options.profile, { recursive: true, force: true });
  mkdirSync(options.profile, { recursive: true });
  const tmp = join(tmpdir(), `recoupe-bench-warm-${process.pid}.ndjson`);
  const file = await writeCorpusFile(tmp, realText(realPagesDir), options.dispatches, SEED, 40);
  const ext = await launchWithExtension(extDir, executablePath, options.profile);
  try {
    await anyWorker(ext.context, ext.extensionId, 20_000);
    const imported = await importFile(ext, file);
    log(`Imported ${file.dispatches} dispatches in ${imported.seconds.toFixed(1)} s`);
    await waitForMerges(ext.context, ext.extensionId, 30 * 60_000);
  } finally {
    await ext.context.close().catch(() => undefined);
    rmSync(tmp, { force: true });
  }
  const prepared = { dispatches: options.dispatches, kept: file.kept };
  writeFileSync(marker, JSON.stringify(prepared));
  return prepared;
}

interface WorkerStep {
  what: string;
  ms: number;
}

/** The worker's side of the tab's latest run: its message marks and corpus trace, in ms since the page's navigation start. */
async function workerSteps(sw: Worker, tabId: number, origin: number, since: number): Promise<WorkerStep[]> {
  const read = await sw
    .evaluate((id) => {
    const debug = (globalThis as unknown as { recoupeDebug: { runTimeline(id: number): { steps: { what: string; at: number }[]; origin: number }; corpusTrace(): { what: string; ms: number; at: number }[] } }).recoupeDebug;
    return { ...debug.runTimeline(id), corpus: debug.corpusTrace() };
  }, tabId)
    // A build without the run timeline: its page steps alone.
    .catch(() => ({ steps: [], origin: 0, corpus: [] }));
  const steps = read.steps.map((s) => ({ what: s.what, ms: s.at - origin }));
  const corpus = read.corpus.map((m) => ({ what: `corpus: ${m.what}`, ms: m.at - origin })).filter((m) => m.ms >= since - origin);
  return [...steps, ...corpus].sort((a, b) => a.ms - b.ms);
}

/** Waits until the worker's trace says it read its whole index (the segments, after the samples) since it last seeded. */
async function wholeIndexRead(context: BrowserContext, extensionId: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const trace = await corpusTrace(await anyWorker(context, extensionId));
    // An installed build seeds twice (start-up, then the install event): the latest seeding counts.
    const seeded = trace.map((m) => m.what).lastIndexOf('seeded');
    if (seeded >= 0 && trace.slice(seeded).some((m) => m.what.startsWith('segments read'))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the worker did not read its whole index within ${timeoutMs / 1000} s`);
}

async function oneBuild(context: BrowserContext, extensionId: string, pages: string[], runs: number, round: number): Promise<{ ms: number; steps: (PageStep | WorkerStep)[] }[]> {
  const tab = await context.newPage();
  const server = await startStaticServer({});
  try {
    const markUrl = server.put('/bench/mark.html', '<!doctype html><html><head><meta charset="utf-8"><title>mark</title></head><body><p>.</p></body></html>');
    const tabId = await tabIdOf(context, extensionId, tab, markUrl);
    const urls = pages.map((html, i) => server.put(`/bench/copy-${i}.html`, html));
    // Not counted: the first match after a start reads the labels and warms the worker's code. A
    // started worker answers from its text samples until it read the whole index: the loads timed
    // wait for that, as a warm worker's pages do.
    // A build just installed registers its content script as its worker starts: a page loaded
    // before that has none, and is loaded again.
    await loadUntilDrawn(context, extensionId, tab, tabId, `${urls[urls.length - 1]}?run=first`, 20_000).catch(() =>
      loadUntilDrawn(context, extensionId, tab, tabId, `${urls[urls.length - 1]}?run=first-again`),
    );
    await wholeIndexRead(context, extensionId);
    await loadUntilDrawn(context, extensionId, tab, tabId, `${urls[urls.length - 1]}?run=second`);
    const out = [];
    for (let i = 0; i < runs; i++) {
      const marker = `run=${round}-${i}`;
      const since = Date.now();
      const { result, steps } = await tracePageRun(context, tab, extensionId, marker, () => loadUntilDrawn(context, extensionId, tab, tabId, `${urls[i % (urls.length - 1)]}?${marker}`));
      const origin = await tab.evaluate(() => performance.timeOrigin);
      const sw = await anyWorker(context, extensionId);
      out.push({ ms: result.ms, steps: [...steps, ...(await workerSteps(sw, tabId, origin, since))].sort((a, b) => a.ms - b.ms) });
    }
    return out;
  } finally {
    await tab.close();
    await server.close();
  }
}

async function run(options: Options): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found');
  const extDir = `${options.profile}-ext`;
  let loads = 0;
  const load = (build: string) => {
    rmSync(extDir, { recursive: true, force: true });
    cpSync(build, extDir, { recursive: true });
    // A version of its own for every copy: the browser otherwise keeps running the service worker
    // it registered for the previous copy, whatever the files now say.
    const manifestPath = join(extDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    manifest.version = `${manifest.version.split('.').slice(0, 3).join('.')}.${(process.pid % 30_000) * 2 + ++loads}`;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    // Its registration and cached scripts too (the corpus, in IndexedDB, stays).
    for (const dir of ['Service Worker', 'Code Cache', 'Extension Scripts']) rmSync(join(options.profile, 'Default', dir), { recursive: true, force: true });
  };
  log(`Warm breakdown · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · load average ${loadavg()[0].toFixed(2)}`);
  load(options.builds[0]);
  const prepared = await prepare(options, extDir, executablePath);
  const pages = prepared.kept.map(pageCopying);
  const totals = new Map<string, number[]>();
  for (let round = 0; round < options.rounds; round++) {
    for (const build of options.builds) {
      load(build);
      const ext = await launchWithExtension(extDir, executablePath, options.profile);
      try {
        await anyWorker(ext.context, ext.extensionId, 20_000);
        const loads = await oneBuild(ext.context, ext.extensionId, pages, options.runs, round);
        log();
        log(`${build}, round ${round + 1} (load average ${loadavg()[0].toFixed(2)})`);
        for (const l of loads) {
          log(`  ${l.ms.toFixed(0)} ms to the drawn result recorded`);
          for (const s of l.steps) log(`    ${s.ms.toFixed(1).padStart(7)}  ${s.what}${'durMs' in s && s.durMs !== undefined ? ` (${s.durMs} ms)` : ''}`);
        }
        totals.set(build, [...(totals.get(build) ?? []), ...loads.map((l) => l.ms)]);
      } finally {
        await ext.context.close().catch(() => undefined);
      }
    }
  }
  log();
  for (const [build, ms] of totals) log(`${build}: median ${median(ms).toFixed(0)} ms (${ms.map((x) => x.toFixed(0)).join(', ')})`);
}

const parsed = parse(process.argv.slice(2));
if (typeof parsed === 'string') {
  console.error(`bench:warm: ${parsed}\n\n${usage}`);
  process.exitCode = 2;
} else {
  try {
    await run(parsed);
  } catch (error) {
    console.error(`bench:warm: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
}
