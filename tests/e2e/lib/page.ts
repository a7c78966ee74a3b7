import type { Page, Worker } from 'playwright-core';
import { mergedHighlightTexts, pageCoverage, recoupeHighlightSizes as highlightSizesInPage, type Coverage } from './coverage';
import type { PageReport } from '../../../messaging/protocol';
import type { TestContext } from './types';

/** The few extension APIs these helpers call inside the service worker. */
declare const chrome: {
  tabs: { query(q: { url?: string }): Promise<{ id?: number; url?: string; title?: string }[]> };
  action: { getBadgeText(d: { tabId?: number }): Promise<string> };
};

export const FINAL_STATES = ['done', 'no-article', 'error'] as const;
export type FinalState = (typeof FINAL_STATES)[number];
export type RunState = PageReport['state'];

/** The extension's service worker in the page's browser, started again if it was stopped. */
async function workerOf(page: Page): Promise<Worker> {
  const context = page.context();
  const ours = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
  for (const w of ours.reverse()) {
    const alive = await Promise.race([w.evaluate(() => true).catch(() => false), new Promise<boolean>((r) => setTimeout(() => r(false), 1_500))]);
    if (alive) return w;
  }
  // A worker busy seeding its corpus on a loaded machine answers late; a stopped one is replaced.
  const late = ours.map((w) => w.evaluate(() => true).then(() => w));
  return Promise.any([context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 30_000 }), ...late]);
}

/**
 * The tab id of `page`, asked from the worker by URL; when several tabs show that URL, the page's
 * title is made unique for a moment to tell them apart.
 */
async function tabOfPage(sw: Worker, page: Page): Promise<number> {
  const url = page.url();
  const byUrl = await sw.evaluate(async (u) => (await chrome.tabs.query({})).filter((tab) => tab.url === u).map((tab) => tab.id ?? -1), url);
  if (byUrl.length === 1) return byUrl[0];
  if (byUrl.length === 0) throw new Error(`no tab with url ${url}`);
  const token = `recoupe-tab-${Math.random().toString(36).slice(2)}`;
  const title = await page.evaluate((tk) => {
    const before = document.title;
    document.title = tk;
    return before;
  }, token);
  try {
    for (let i = 0; i < 50; i++) {
      const id = await sw.evaluate(async (tk) => (await chrome.tabs.query({})).find((tab) => tab.title === tk)?.id ?? null, token);
      if (id != null) return id;
      await page.waitForTimeout(50);
    }
    throw new Error(`could not tell apart the tabs showing ${url}`);
  } finally {
    await page.evaluate((tt) => {
      document.title = tt;
    }, title);
  }
}

/**
 * How Recoupe's run on `page` ended, as the background heard it from the page's content script
 * (the page's DOM carries nothing). A report older than the page's own navigation (a reload not
 * yet seen by the background) reads as 'unknown'.
 */
export async function pageReport(page: Page): Promise<PageReport> {
  const sw = await workerOf(page);
  const tabId = await tabOfPage(sw, page);
  const report = await sw.evaluate((id) => (globalThis as unknown as { recoupeDebug: { page(id: number): PageReport } }).recoupeDebug.page(id), tabId);
  const origin = await page.evaluate(() => performance.timeOrigin);
  return report.at + 1 < origin ? { state: 'unknown', at: report.at } : report;
}

/** The page addresses of this tab the background injected the content script's drawing half into. */
export async function uiLoadsOf(page: Page): Promise<string[]> {
  const sw = await workerOf(page);
  const tabId = await tabOfPage(sw, page);
  return sw.evaluate((id) => (globalThis as unknown as { recoupeDebug: { uiLoadedFor(id: number): string[] } }).recoupeDebug.uiLoadedFor(id), tabId);
}

/** Optional: builds older than these hooks lack them (E2E_EXTENSION_DIR can point at one). */
interface DebugHandle {
  runsFor?(id: number): number;
  urlOf?(id: number): string | undefined;
}

/**
 * What the background knows of the page's tab besides its report: how many runs of the content
 * script reached it since the tab opened, and the page address its current result is about.
 */
export async function tabRuns(page: Page): Promise<{ runs: number | undefined; url: string | undefined }> {
  const sw = await workerOf(page);
  const tabId = await tabOfPage(sw, page);
  return sw.evaluate((id) => {
    const debug = (globalThis as unknown as { recoupeDebug: DebugHandle }).recoupeDebug;
    return { runs: debug.runsFor?.(id), url: debug.urlOf?.(id) };
  }, tabId);
}

/** Waits until the background holds `wanted(state)` for the page; returns the report. */
export async function waitForReport(page: Page, wanted: (state: RunState) => boolean, timeoutMs = 15_000): Promise<PageReport> {
  const until = Date.now() + timeoutMs;
  let last: PageReport | string = '(never read)';
  for (;;) {
    try {
      last = await pageReport(page);
      if (wanted(last.state)) return last;
    } catch (e) {
      last = `(${(e as Error).message.split('\n')[0]})`;
    }
    if (Date.now() > until) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const state = typeof last === 'string' ? last : last.state;
  throw new Error(`content script did not finish within ${timeoutMs} ms on ${page.url()} (state=${state})`);
}

/** Waits until the content script has settled on the page and returns its final state. */
export async function waitForRecoupe(page: Page, timeoutMs = 15_000): Promise<FinalState> {
  const report = await waitForReport(page, (s) => (FINAL_STATES as readonly string[]).includes(s), timeoutMs);
  return report.state as FinalState;
}

export async function waitForState(page: Page, state: RunState, timeoutMs = 15_000): Promise<void> {
  await waitForReport(page, (s) => s === state, timeoutMs);
}

export async function expectDone(page: Page, timeoutMs?: number): Promise<void> {
  const state = await waitForRecoupe(page, timeoutMs);
  if (state !== 'done') throw new Error(`Recoupe's state is "${state}", expected "done" on ${page.url()}`);
}

/** The text of each range of a highlight, read back through CSS.highlights as any page script could. */
export function highlightTexts(page: Page, name: 'recoupe-verbatim' | 'recoupe-edited' | 'recoupe-translated'): Promise<string[]> {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), name);
}

/** Passages highlighted on the page (NaN unless the run is done). */
export async function passageCount(page: Page): Promise<number> {
  return (await pageReport(page)).drawn?.passages ?? NaN;
}

/** Saved marks on the page: found as saved, found on a changed page, not found. */
export async function savedCounts(page: Page): Promise<{ saved: number; savedFuzzy: number; savedOrphaned: number } | null> {
  const drawn = (await pageReport(page)).drawn;
  return drawn ? { saved: drawn.saved, savedFuzzy: drawn.savedFuzzy, savedOrphaned: drawn.savedOrphaned } : null;
}

export type { Coverage };

/** Which characters of the page text the two highlights cover, from the Range objects themselves. */
export function readCoverage(page: Page): Promise<Coverage> {
  return page.evaluate(pageCoverage);
}

async function findTab(sw: Worker, url: string): Promise<number> {
  const id = await sw.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === u)?.id ?? null;
  }, url);
  if (id == null) throw new Error(`no tab with url ${url}`);
  return id;
}

export async function tabIdOf(t: TestContext, page: Page): Promise<number> {
  return findTab(await t.serviceWorker(), page.url());
}

/** The toolbar badge text for the tab showing `page`. */
export async function badgeOf(t: TestContext, page: Page): Promise<string> {
  const sw = await t.serviceWorker();
  const url = page.url();
  const viaQuery = await sw
    .evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : null;
    }, url)
    .catch(() => null);
  if (viaQuery !== null) return viaQuery;
  const tabId = await findTab(sw, url);
  return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Opens the Corpus & settings page in a new tab, once its corpus list has drawn. */
export async function optionsPage(t: TestContext): Promise<Page> {
  const page = await t.newPage();
  await page.goto(`chrome-extension://${t.extensionId}/options.html`);
  await page.waitForSelector('[data-testid=corpus-row], [data-testid=corpus-empty]', { timeout: 15_000 });
  return page;
}

/** Opens an extension view as a page, for the tab showing `page`. */
export async function openView(t: TestContext, view: 'popup' | 'sidepanel', page: Page): Promise<Page> {
  const tabId = await tabIdOf(t, page);
  const viewPage = await t.newPage();
  await viewPage.goto(`chrome-extension://${t.extensionId}/${view}.html?tab=${tabId}`);
  return viewPage;
}

/**
 * Time from the page's load event to the background hearing the run's end (idle wait, extraction,
 * match, drawing), measured from outside: the content script leaves no performance entry a page
 * could read. Null when the page has not loaded or the run has not ended.
 */
export async function contentScriptMs(page: Page): Promise<number | null> {
  const report = await pageReport(page);
  if (!(FINAL_STATES as readonly string[]).includes(report.state)) return null;
  const loaded = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav && nav.loadEventEnd > 0 ? performance.timeOrigin + nav.loadEventEnd : null;
  });
  return loaded === null ? null : Math.max(0, report.at - loaded);
}

export async function settle(page: Page, ms = 150): Promise<void> {
  await page.waitForTimeout(ms);
}

/**
 * The text of the highlighted stretches of the page, in document order: the ranges of both
 * highlights, with overlapping ones (a passage shared by two dispatches) merged into one.
 */
export function allHighlightTexts(page: Page): Promise<string[]> {
  return page.evaluate(mergedHighlightTexts);
}

/** Ranges in every highlight Recoupe registers (names starting "recoupe-"), by name; empty ones left out. */
export function recoupeHighlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(highlightSizesInPage);
}
