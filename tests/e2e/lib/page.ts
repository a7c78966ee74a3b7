import type { Page, Worker } from 'playwright-core';
import { mergedHighlightTexts, pageCoverage, recoupeHighlightSizes as highlightSizesInPage, type Coverage } from './coverage';
import type { TestContext } from './types';

/** The few extension APIs these helpers call inside the service worker. */
declare const chrome: {
  tabs: { query(q: { url?: string }): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId?: number }): Promise<string> };
};

export const FINAL_STATES = ['done', 'no-article', 'error'] as const;
export type FinalState = (typeof FINAL_STATES)[number];

/** Waits until the content script has settled on the page and returns its final state. */
export async function waitForRecoupe(page: Page, timeoutMs = 15_000): Promise<FinalState> {
  try {
    await page.waitForFunction(
      (finals) => finals.includes(document.documentElement.dataset.recoupeState ?? ''),
      [...FINAL_STATES] as string[],
      { timeout: timeoutMs, polling: 50 },
    );
  } catch {
    const state = await page.evaluate(() => document.documentElement.dataset.recoupeState ?? '(not set)').catch(() => '(page gone)');
    throw new Error(`content script did not finish within ${timeoutMs} ms on ${page.url()} (data-recoupe-state=${state})`);
  }
  return (await page.evaluate(() => document.documentElement.dataset.recoupeState)) as FinalState;
}

export async function expectDone(page: Page, timeoutMs?: number): Promise<void> {
  const state = await waitForRecoupe(page, timeoutMs);
  if (state !== 'done') throw new Error(`data-recoupe-state is "${state}", expected "done" on ${page.url()}`);
}

/** The text of each range of a highlight, read back through CSS.highlights as any page script could. */
export function highlightTexts(page: Page, name: 'recoupe-verbatim' | 'recoupe-edited'): Promise<string[]> {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), name);
}

export async function passageCount(page: Page): Promise<number> {
  return Number(await page.evaluate(() => document.documentElement.dataset.recoupePassages ?? 'NaN'));
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

/** Opens an extension view as a page, for the tab showing `page`. */
export async function openView(t: TestContext, view: 'popup' | 'sidepanel', page: Page): Promise<Page> {
  const tabId = await tabIdOf(t, page);
  const viewPage = await t.newPage();
  await viewPage.goto(`chrome-extension://${t.extensionId}/${view}.html?tab=${tabId}`);
  return viewPage;
}

/**
 * Duration of one of the content script's measures ('recoupe:total': idle to highlights, match
 * round trip included; 'recoupe:extract': article extraction). Content scripts run in an isolated
 * world but share the page's performance timeline, so the page can read them.
 */
export function contentScriptMs(page: Page, name: 'recoupe:total' | 'recoupe:extract' = 'recoupe:total'): Promise<number | null> {
  return page.evaluate((n) => {
    const entries = performance.getEntriesByName(n);
    return entries.length ? entries[entries.length - 1].duration : null;
  }, name);
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
