import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { PageReport, SegmentManifest } from './types';

/** The extension API called inside the service worker. */
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

/** The extension's service worker that answers now, if any (a stopped one can linger in the list). */
export async function liveWorker(context: BrowserContext, extensionId: string, waitMs = 1_500): Promise<Worker | undefined> {
  const ours = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
  for (const w of ours.reverse()) {
    const alive = await Promise.race([w.evaluate(() => true).catch(() => false), sleep(waitMs).then(() => false)]);
    if (alive) return w;
  }
  return undefined;
}

/**
 * The worker, started again by opening one of the extension's pages when none answers. A worker
 * busy building a merged segment answers only between two steps: it is given `waitMs`.
 */
export async function anyWorker(context: BrowserContext, extensionId: string, waitMs = 1_500): Promise<Worker> {
  const live = await liveWorker(context, extensionId, waitMs);
  if (live) return live;
  // A stopped worker starts again when one of the extension's pages loads.
  const wake = await context.newPage();
  try {
    await wake.goto(`chrome-extension://${extensionId}/popup.html`).catch(() => undefined);
    for (let i = 0; i < 10; i++) {
      const worker = await liveWorker(context, extensionId, 5_000);
      if (worker) return worker;
      await sleep(500);
    }
  } finally {
    await wake.close();
  }
  throw new Error('the extension’s service worker does not answer');
}

/**
 * Stops the extension's service worker through the DevTools protocol, as Chromium does to an idle
 * worker after 30 s, and waits until it is listed as stopped. The worker is marked first, so that
 * the caller can check that the one answering afterwards is a new one.
 */
export async function stopWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const sw = await anyWorker(context, extensionId);
  await sw.evaluate(() => {
    (globalThis as unknown as { __benchWarm?: boolean }).__benchWarm = true;
  });
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    const cdp = await context.newCDPSession(page);
    const versions: Version[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...(e.versions as Version[])));
    await cdp.send('ServiceWorker.enable');
    await sleep(300);
    const ours = (v: Version) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`);
    const running = versions.filter((v) => ours(v) && v.runningStatus === 'running');
    if (!running.length) throw new Error('the extension worker is not listed as running');
    for (const v of running) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
    for (let i = 0; !versions.some((v) => ours(v) && v.runningStatus === 'stopped'); i++) {
      if (i > 100) throw new Error('the service worker did not stop');
      await sleep(100);
    }
    await cdp.detach().catch(() => undefined);
  } finally {
    await page.close();
  }
}

/** True when the worker answering was started after the last stopWorker (it lacks the mark). */
export async function isFresh(sw: Worker): Promise<boolean> {
  return sw.evaluate(() => !(globalThis as unknown as { __benchWarm?: boolean }).__benchWarm);
}

/** What the background recorded of the tab's run (see recoupeDebug in entrypoints/background.ts). */
export async function tabReport(context: BrowserContext, extensionId: string, tabId: number): Promise<PageReport | undefined> {
  const sw = await liveWorker(context, extensionId);
  if (!sw) return undefined;
  return sw
    .evaluate((id) => (globalThis as unknown as { recoupeDebug: { page(id: number): PageReport } }).recoupeDebug.page(id), tabId)
    .catch(() => undefined);
}

/** The manifest of live segments, read from the extension's IndexedDB in the worker. */
export async function readManifest(sw: Worker): Promise<SegmentManifest | null> {
  return sw.evaluate(
    () =>
      new Promise<SegmentManifest | null>((resolve, reject) => {
        const open = indexedDB.open('recoupe');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('meta').objectStore('meta').get('segments');
          get.onsuccess = () => {
            db.close();
            resolve((get.result?.value as SegmentManifest | undefined) ?? null);
          };
          get.onerror = () => {
            db.close();
            reject(get.error);
          };
        };
      }),
  );
}

let marks = 0;

/**
 * The extension's id for a tab, found by showing it a unique http address (`markUrl`, a page with
 * no article; the extension sees the address of http pages only) and asking the worker which tab
 * shows it. Tab ids outlive worker restarts.
 */
export async function tabIdOf(context: BrowserContext, extensionId: string, page: Page, markUrl: string): Promise<number> {
  const mark = `${markUrl}?mark=${process.pid}-${++marks}`;
  await page.goto(mark);
  for (let i = 0; i < 50; i++) {
    const sw = await anyWorker(context, extensionId, 20_000);
    const id = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, mark).catch(() => null);
    if (id !== null) return id;
    await sleep(200);
  }
  throw new Error('could not learn the measuring tab’s id from the worker');
}

/** When the worker seeded, read its segments and aligned pages, in ms since it started (see CorpusService.trace). */
export async function corpusTrace(sw: Worker): Promise<{ what: string; ms: number }[]> {
  return sw
    .evaluate(() => (globalThis as unknown as { recoupeDebug: { corpusTrace(): { what: string; ms: number }[] } }).recoupeDebug.corpusTrace())
    .catch(() => []);
}

/**
 * The worker's side of the tab's latest run, in ms since the page's navigation start (`origin`):
 * when its messages arrived and were answered (run timeline), and the corpus marks since `since`
 * (wall clock), e.g. texts read, copies aligned, labelled.
 */
export async function runSteps(sw: Worker, tabId: number, origin: number, since: number): Promise<{ what: string; ms: number }[]> {
  const read = await sw
    .evaluate((id) => {
      const debug = (globalThis as unknown as { recoupeDebug: { runTimeline(id: number): { steps: { what: string; at: number }[] }; corpusTrace(): { what: string; at: number }[] } })
        .recoupeDebug;
      return { steps: debug.runTimeline(id).steps, corpus: debug.corpusTrace() };
    }, tabId)
    .catch(() => ({ steps: [], corpus: [] }));
  const steps = read.steps.map((s) => ({ what: s.what, ms: s.at - origin }));
  const corpus = read.corpus.filter((m) => m.at >= since).map((m) => ({ what: m.what, ms: m.at - origin }));
  return [...steps, ...corpus].sort((a, b) => a.ms - b.ms);
}
