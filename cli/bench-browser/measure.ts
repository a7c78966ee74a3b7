import type { BrowserContext, Page } from 'playwright-core';
import { planMerge } from '../../engine/segments/tiered-merge';
import { anyWorker, readManifest, tabReport } from './worker';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Drawn {
  /** From the page's navigation start to the background recording what the content script drew. */
  ms: number;
  passages: number;
  /** The page's navigation start (wall clock, ms): the worker's steps are placed against it. */
  origin: number;
}

/**
 * Loads `url` in the measuring tab and waits for the background to record the run's drawn result.
 * Both ends are wall clocks of the same machine: the page's performance.timeOrigin (navigation
 * start) and the worker's Date.now() when the content script reported what it drew. Polling only
 * finds the record, it does not time it.
 */
export async function loadUntilDrawn(context: BrowserContext, extensionId: string, page: Page, tabId: number, url: string, timeoutMs = 60_000): Promise<Drawn> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  const origin = await page.evaluate(() => performance.timeOrigin);
  const until = Date.now() + timeoutMs;
  let state = '(never read)';
  while (Date.now() < until) {
    const report = await tabReport(context, extensionId, tabId);
    if (report && report.at + 1 >= origin) {
      state = report.state;
      if (report.state === 'done' && report.drawn) return { ms: report.at - origin, passages: report.drawn.passages, origin };
      if (report.state === 'error' || report.state === 'no-article' || report.state === 'paused') break;
    }
    await sleep(25);
  }
  throw new Error(`no drawn result on ${url} within ${timeoutMs} ms (state ${state})`);
}

export interface Settled {
  segments: number;
  docs: number;
  removed: number;
  /** Wall time waited for the merges the policy asked for. */
  waitedMs: number;
  /** Wall time until the worker first answered (it is busy loading the committed segments). */
  firstReadMs: number;
  /** Segments when first read. */
  firstSegments: number;
}

/**
 * Waits until the stored segments are in the shape the merge policy wants (no merge left to run),
 * reading the manifest from the extension's IndexedDB every second.
 */
export async function waitForMerges(context: BrowserContext, extensionId: string, timeoutMs: number, onTick?: (segments: number) => void): Promise<Settled> {
  const started = Date.now();
  let first: { at: number; segments: number } | null = null;
  for (;;) {
    const sw = await anyWorker(context, extensionId, 20_000);
    const manifest = await readManifest(sw).catch(() => null);
    if (manifest) {
      const sizes = manifest.live.map((l) => ({ id: l.id, docs: l.docs, removed: l.removed.length }));
      first ??= { at: Date.now() - started, segments: sizes.length };
      if (!planMerge(sizes)) {
        return {
          segments: sizes.length,
          docs: sizes.reduce((n, s) => n + s.docs, 0),
          removed: sizes.reduce((n, s) => n + s.removed, 0),
          waitedMs: Date.now() - started,
          firstReadMs: first.at,
          firstSegments: first.segments,
        };
      }
      onTick?.(sizes.length);
    }
    if (Date.now() - started > timeoutMs) throw new Error(`merges still due after ${timeoutMs / 1000} s`);
    await sleep(1_000);
  }
}

/** What the browser says the extension's origin stores (IndexedDB mostly), read from one of its pages. */
export async function storageUsage(context: BrowserContext, extensionId: string): Promise<{ usage: number; quota: number; idb?: number }> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return await page.evaluate(async () => {
      const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
      return { usage: e.usage ?? NaN, quota: e.quota ?? NaN, idb: e.usageDetails?.indexedDB };
    });
  } finally {
    await page.close();
  }
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
