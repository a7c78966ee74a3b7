import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../scripts/lib/browser';
import { startStaticServer, type StaticServer } from '../scripts/lib/static-server';
import { parsePageCostArgs, selectPages, usage, type PageCostOptions } from './page-cost/args';
import { registeredContentScripts, type RegisteredScripts } from './page-cost/bootstrap-size';
import { checkTargets, floorFigures, floorLine, runFigures, summaryLine, targetLines, type ExtPageFigures, type PageFigures } from './page-cost/figures';
import { writeFloorExtension, writeMessagingFloorExtension, writeNoScriptExtension } from './page-cost/floor-build';
import { launchBench, type BenchBrowser } from './page-cost/launch';
import { firstHighlightMs, measuredLoad, openMeasuringTab, tracedLoad, type LoadFigures, type MeasuringTab, type TracedLoad } from './page-cost/load';
import { isBusy } from './page-cost/recoupe-state';
import { median, pairedMedian, sum } from './page-cost/stats';
import { profilePages } from './page-cost/profile-run';
import { pageRow, scriptLines, tableHeader } from './page-cost/table';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const realPagesDir = resolve(root, '../shared/real-pages');
const fixturesDir = join(root, 'tests/fixtures/pages');
const DEMO_PATH = '/fixtures/demo-article.html';

class SetupError extends Error {}

interface Build {
  label: string;
  dir: string;
  scripts: RegisteredScripts;
  /** Traced loads find each page's window and Recoupe's tasks; the floor builds have none to find. */
  traced: boolean;
  /** For a floor build: what it stands for, printed beside each build's figures. */
  floor?: string;
}

const FLOOR_SCRIPT = 'an empty content script (what the browser charges a page to inject any extension\'s content script)';
const FLOOR_EXTENSION = 'an extension without content script (what a browser with any extension costs a page, nothing injected)';

function builds(options: PageCostOptions): Build[] {
  const current = join(root, '.output/chrome-mv3');
  if (!existsSync(join(current, 'manifest.json'))) throw new SetupError(`no built extension in ${current}: run npm run build first`);
  const list: Omit<Build, 'scripts'>[] = [{ label: 'with', dir: current, traced: true }];
  options.compare.forEach((compare, i) => {
    const dir = resolve(compare);
    if (!existsSync(join(dir, 'manifest.json'))) throw new SetupError(`--compare ${compare}: no manifest.json there (a built extension folder, e.g. <worktree>/.output/chrome-mv3)`);
    list.push({ label: options.compare.length > 1 ? `compare${i + 1}` : 'compare', dir, traced: true });
  });
  // Traced like Recoupe: its one message and its bindings are what a page pays for any extension that talks to it.
  if (options.messagingFloor) list.push({ label: 'msgfloor', dir: writeMessagingFloorExtension(), traced: true });
  if (options.floor) {
    list.push({ label: 'floor', dir: writeFloorExtension(), traced: false, floor: FLOOR_SCRIPT });
    list.push({ label: 'noscript', dir: writeNoScriptExtension(), traced: false, floor: FLOOR_EXTENSION });
  }
  return list.map((b) => ({ ...b, scripts: registeredContentScripts(b.dir) }));
}

/** The run's loads in a rotating order, so that machine noise spreads over every browser alike. */
const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length]);

const tabs = new Map<BenchBrowser, MeasuringTab>();

/** The browser's measuring tab, opened again if a page crashed or closed it. */
async function tabOf(b: BenchBrowser): Promise<MeasuringTab> {
  const tab = tabs.get(b);
  if (tab && !tab.page.isClosed()) return tab;
  await tab?.page.close().catch(() => undefined);
  const fresh = await openMeasuringTab(b.context, b.extDir !== undefined);
  tabs.set(b, fresh);
  return fresh;
}

async function load(b: BenchBrowser, url: string, windowMs: number): Promise<LoadFigures> {
  const tab = await tabOf(b);
  try {
    return await measuredLoad(tab, url, windowMs);
  } catch (error) {
    // A load that failed may leave the tab in any state: the next load gets a new one.
    await tab.page.close().catch(() => undefined);
    throw error;
  }
}

const untraced: TracedLoad = {
  figures: { taskMs: 0, scriptMs: 0, highlights: 0, windowMs: 0, recoupeState: '' },
  finished: Promise.resolve({ cost: { longestTaskMs: 0, tasks: 0, threadMs: 0, scriptMs: 0 }, scripts: { bytes: 0, scripts: [] } }),
};

async function measurePage(url: string, page: string, bare: BenchBrowser, ext: BenchBrowser[], list: Build[], options: PageCostOptions): Promise<PageFigures> {
  // The traced load with each build finds the page's window; every counted load then uses it.
  const traced: TracedLoad[] = [];
  try {
    for (const [i, b] of ext.entries()) traced.push(list[i].traced ? await tracedLoad(b.context, url, options.settleMs) : untraced);
  } finally {
    // Never leave a trace running: its tab closes once the trace is in.
    for (const t of traced) t.finished.catch(() => undefined);
  }
  const windowMs = Math.max(...traced.map((t) => t.figures.windowMs));
  // The traced tabs close once their traces are in: until then the browser collects them and
  // their pages live on, in a renderer the counted loads of the same site may share.
  const found = await Promise.all(traced.map((t) => t.finished));
  // A first load of the page in each measuring tab, not counted: the first time a renderer meets a
  // page's scripts it compiles them, later loads find them compiled. Without it the browsers that
  // had a traced load (in another tab of the same profile) would start warmer than the others.
  for (const b of rotate([bare, ...ext], options.runs)) await load(b, url, windowMs);
  const loads = new Map<BenchBrowser, LoadFigures[]>([bare, ...ext].map((b) => [b, []]));
  for (let run = 0; run < options.runs; run++) {
    for (const b of rotate([bare, ...ext], run)) loads.get(b)!.push(await load(b, url, windowMs));
  }
  const bareMs = loads.get(bare)!.map((l) => l.taskMs);
  const withoutMs = median(bareMs);
  const figures: ExtPageFigures[] = ext.map((b, i) => {
    const mine = loads.get(b)!;
    const taskMs = median(mine.map((l) => l.taskMs));
    return {
      taskMs,
      scriptMs: median(mine.map((l) => l.scriptMs)),
      // Each run's load with the extension against the same run's load without it (next to it in time).
      addedMs: pairedMedian(mine.map((l) => l.taskMs), bareMs),
      longestTaskMs: found[i].cost.longestTaskMs,
      ownMs: found[i].cost.threadMs,
      extScriptMs: found[i].cost.scriptMs,
      extBytes: found[i].scripts.bytes,
      extScripts: found[i].scripts.scripts,
      highlights: Math.max(traced[i].figures.highlights, ...mine.map((l) => l.highlights)),
      unsettledLoads: mine.filter((l) => isBusy(l.recoupeState)).length,
    };
  });
  return { page, withoutMs, withoutScriptMs: median(loads.get(bare)!.map((l) => l.scriptMs)), ext: figures, windowMs };
}

function failedPage(page: string, count: number, error: unknown): PageFigures {
  const none: ExtPageFigures = { taskMs: NaN, scriptMs: NaN, addedMs: NaN, longestTaskMs: 0, ownMs: 0, extScriptMs: 0, extBytes: 0, extScripts: [], highlights: 0, unsettledLoads: 0 };
  return { page, withoutMs: NaN, withoutScriptMs: NaN, ext: Array.from({ length: count }, () => none), windowMs: NaN, error: (error as Error).message.split('\n')[0] };
}

/** `--profile`: where Recoupe's time goes on a few pages, with the current build and any --compare build. */
async function profile(options: PageCostOptions, glob: string): Promise<void> {
  const list = builds({ ...options, floor: false });
  const executablePath = findChromium();
  if (!executablePath) throw new SetupError('no Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  const names = readdirSync(realPagesDir).filter((f) => f.endsWith('.html'));
  const pages = [...new Set(glob.split(',').flatMap((g) => selectPages(names, { kind: 'glob', glob: g })))];
  if (!pages.length) throw new SetupError(`no saved page in ${realPagesDir} matches --profile ${glob}`);
  const opened: BenchBrowser[] = [];
  let server: StaticServer | undefined;
  try {
    server = await startStaticServer({ '/real/': realPagesDir, '/fixtures/': fixturesDir });
    for (const b of list) opened.push(await launchBench(b.label, executablePath, b.dir));
    console.log(`bench:pages --profile: ${pages.length} saved page(s) × ${options.runs} runs with ${list.map((b) => `${b.label} = ${b.dir}`).join(', ')}`);
    // Warm-up, not counted: the profile's first page and the corpus's seeding.
    for (const b of opened) await load(b, `${server.origin}/real/${pages[0]}`, 300).catch(() => undefined);
    const urls = pages.map((page) => ({ page, url: `${server!.origin}/real/${encodeURIComponent(page)}` }));
    await profilePages(list.map((b, i) => ({ label: b.label, dir: b.dir, browser: opened[i] })), urls, options.runs, options.settleMs);
  } finally {
    for (const b of opened) await b.close();
    await server?.close();
  }
}

async function run(options: PageCostOptions): Promise<void> {
  const started = Date.now();
  const list = builds(options);
  const executablePath = findChromium();
  if (!executablePath) throw new SetupError('no Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  if (!existsSync(realPagesDir)) throw new SetupError(`no saved real pages in ${realPagesDir}`);
  const pages = selectPages(readdirSync(realPagesDir).filter((f) => f.endsWith('.html')), options.pages);
  if (!pages.length) throw new SetupError(`no saved page in ${realPagesDir} matches --pages`);

  const opened: BenchBrowser[] = [];
  let server: StaticServer | undefined;
  try {
    server = await startStaticServer({ '/real/': realPagesDir, '/fixtures/': fixturesDir });
    const origin = server.origin;
    const bare = await launchBench('without', executablePath).catch((e: Error) => {
      throw new SetupError(`Chromium did not start (${executablePath}): ${e.message.split('\n')[0]}`);
    });
    opened.push(bare);
    const ext: BenchBrowser[] = [];
    for (const b of list) {
      const browser = await launchBench(b.label, executablePath, b.dir).catch((e: Error) => {
        throw new SetupError(`Chromium did not start with the extension in ${b.dir}: ${e.message.split('\n')[0]}`);
      });
      opened.push(browser);
      ext.push(browser);
    }

    console.log(`bench:pages: ${pages.length} saved pages × ${options.runs} runs, without the extension and with ${list.map((b) => `${b.label} = ${b.dir}`).join(', ')}`);
    console.log(`Chromium ${executablePath}; images off; no host but 127.0.0.1; main-thread task time as thread time`);

    // Warm-up, not counted: the first page a fresh profile opens pays for the profile, and the
    // extension's first match waits for its corpus to be seeded.
    const demoUrl = origin + DEMO_PATH;
    for (const b of opened) await load(b, `${origin}/real/${pages[0]}`, 300).catch(() => undefined);
    for (const [i, b] of ext.entries()) if (list[i].traced) await firstHighlightMs(b.context, demoUrl).catch(() => NaN);

    const firstHighlight = ext.map(() => [] as number[]);
    for (let r = 0; r < options.runs; r++) {
      for (const i of rotate(ext.map((_, k) => k), r)) if (list[i].traced) firstHighlight[i].push(await firstHighlightMs(ext[i].context, demoUrl).catch(() => NaN));
    }

    console.log('');
    console.log('Main-thread task time per page (median of the runs, ms); own = thread time of the tasks running Recoupe code');
    console.log('in the traced load (ms: its own cost, however loaded the machine; profiler on, so an upper bound); longest = the longest of them (ms);');
    console.log('ext KB = extension script the page evaluated; found = highlight ranges; window = read this long after load (ms)');
    for (const line of tableHeader(list.map((b) => b.label))) console.log(line);
    const results: PageFigures[] = [];
    for (const page of pages) {
      const url = `${origin}/real/${encodeURIComponent(page)}`;
      const figures = await measurePage(url, page, bare, ext, list, options).catch((e) => failedPage(page, ext.length, e));
      results.push(figures);
      console.log(pageRow(figures));
    }
    if (results.every((r) => r.error)) throw new SetupError(`no page could be measured: ${results[0].error}`);

    const failed = results.filter((r) => r.error).length;
    console.log('');
    const floors = list.flatMap((b, i) => (b.floor ? [i] : []));
    list.forEach((b, i) => {
      const r = runFigures(results, i, b.scripts.gzKb);
      console.log(`${b.label} (${b.dir})`);
      if (b.floor) {
        console.log(`  ${b.floor}`);
        console.log(`  total main-thread time: ${r.sumWithoutMs.toFixed(0)} ms without, ${r.sumWithMs.toFixed(0)} ms with (+${(r.sumWithMs - r.sumWithoutMs).toFixed(0)} ms, ${r.overheadPct.toFixed(1)} %)`);
        console.log(`  added ms on every page: median ${r.addedMsMedian.toFixed(1)}, p95 ${r.addedMsP95.toFixed(1)}`);
        console.log('');
        return;
      }
      console.log(
        `  total main-thread time: ${r.sumWithoutMs.toFixed(0)} ms without, ${r.sumWithMs.toFixed(0)} ms with ` +
          `(+${(r.sumWithMs - r.sumWithoutMs).toFixed(0)} ms) over ${results.length - failed} pages${failed ? ` (${failed} failed)` : ''}`,
      );
      const scriptSum = (get: (p: PageFigures) => number) => sum(results.filter((p) => !p.error).map(get)).toFixed(0);
      console.log(`  of which script (ScriptDuration): ${scriptSum((p) => p.withoutScriptMs)} ms without, ${scriptSum((p) => p.ext[i].scriptMs)} ms with`);
      console.log(`  time the profiler caught in Recoupe code (traced loads): ${scriptSum((p) => p.ext[i].extScriptMs)} ms`);
      console.log(`  added ms on the ${r.noMatchPages} pages where nothing was found: median ${r.addedMsMedian.toFixed(1)}, p95 ${r.addedMsP95.toFixed(1)}`);
      console.log(`  pages with something found: ${results.filter((p) => p.ext[i].highlights > 0).map((p) => p.page).join(', ') || 'none'}`);
      const unsettled = results.reduce((acc, p) => acc + p.ext[i].unsettledLoads, 0);
      console.log(`  loads read while Recoupe was still matching: ${unsettled} of ${results.length * options.runs}${unsettled ? ' (its work on those is undercounted; raise --settle)' : ''}`);
      console.log(`  Recoupe's own tasks, thread time in the traced loads: median ${r.ownMsMedian.toFixed(1)} ms on the no-match pages, ${r.ownMsSum.toFixed(0)} ms in all`);
      console.log(`  longest Recoupe task: ${r.longestTaskMs.toFixed(1)} ms${r.longestTaskPage ? ` on ${r.longestTaskPage}` : ''}`);
      console.log(`  registered content scripts: ${b.scripts.files.map((s) => `${s.file} ${(s.gzipBytes / 1024).toFixed(2)} KB gz (${(s.bytes / 1024).toFixed(1)} KB)`).join(', ')}`);
      console.log('  extension scripts evaluated:');
      for (const line of scriptLines(results, i)) console.log(`  ${line}`);
      console.log(`  first highlight on ${DEMO_PATH}: ${median(firstHighlight[i]).toFixed(0)} ms after navigation start (median of ${firstHighlight[i].length}: ${firstHighlight[i].map((x) => x.toFixed(0)).join(', ')})`);
      for (const floor of floors) console.log(floorLine(list[floor].label, floorFigures(results, i, floor)));
      console.log('  targets:');
      for (const line of targetLines(checkTargets(r))) console.log(line);
      console.log('');
    });
    console.log(`measured in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(summaryLine(runFigures(results, 0, list[0].scripts.gzKb)));
  } finally {
    for (const b of opened) await b.close();
    await server?.close();
  }
}

async function main(): Promise<number> {
  const parsed = parsePageCostArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    console.log(usage);
    return 0;
  }
  if (parsed.kind === 'error') {
    console.error(`bench:pages: ${parsed.message}\n\n${usage}`);
    return 2;
  }
  try {
    if (parsed.options.profile !== undefined) await profile(parsed.options, parsed.options.profile);
    else await run(parsed.options);
    return 0;
  } catch (error) {
    console.error(`bench:pages: ${error instanceof SetupError ? error.message : ((error as Error).stack ?? String(error))}`);
    return 1;
  }
}

process.exitCode = await main();
