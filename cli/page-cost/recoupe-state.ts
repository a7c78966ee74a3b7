import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';

/** The extension APIs called inside the service worker. */
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

/** How far the content script's run on a tab got: '' when the build tells nothing. */
export type RunState = string;

let marks = 0;

/** The extension's service worker, if one answers. */
async function workerOf(context: BrowserContext): Promise<Worker | undefined> {
  for (const w of context.serviceWorkers().filter((x) => x.url().startsWith('chrome-extension://')).reverse()) {
    const alive = await Promise.race([w.evaluate(() => true).catch(() => false), new Promise<boolean>((r) => setTimeout(() => r(false), 1_500))]);
    if (alive) return w;
  }
  return undefined;
}

/**
 * The extension's id for this tab, found by showing it a unique about:blank address (where no
 * content script runs) and asking the service worker which tab shows it.
 */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number | undefined> {
  const mark = `about:blank#recoupe-bench-${process.pid}-${++marks}`;
  await page.goto(mark);
  const sw = await workerOf(context);
  if (!sw) return undefined;
  const id = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null, mark).catch(() => null);
  return id ?? undefined;
}

const DOM_STATE = `document.documentElement ? document.documentElement.getAttribute('data-recoupe-state') || '' : ''`;

/**
 * The run's state, wherever the build publishes it: older builds on the page's <html>
 * (data-recoupe-state), newer ones only to their own background (read through its debugging
 * hook, never from the page). '' when neither says anything.
 */
export async function runState(context: BrowserContext, session: CDPSession, tabId: number | undefined): Promise<RunState> {
  const r = await session.send('Runtime.evaluate', { expression: DOM_STATE, returnByValue: true }).catch(() => undefined);
  const fromDom = r?.result?.value as string | undefined;
  if (fromDom) return fromDom;
  if (tabId === undefined) return '';
  const sw = await workerOf(context);
  if (!sw) return '';
  return sw
    .evaluate((id) => {
      const hook = (globalThis as unknown as { recoupeDebug?: { page(id: number): { state: string } } }).recoupeDebug;
      return hook ? hook.page(id).state : '';
    }, tabId)
    .catch(() => '');
}

/** Still working: matching, or (for a build that reports to its background) not reported yet. */
export const isBusy = (state: RunState) => state === 'matching' || state === 'unknown';
