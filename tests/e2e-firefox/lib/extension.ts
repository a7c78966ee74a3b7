import type { Page } from 'puppeteer-core';
import type { MessageType, Req, Res, TabState } from '../../../messaging/protocol';
import { recoupeHighlightSizes } from '../../e2e/lib/coverage';
import type { FirefoxTestContext } from './types';

/** The extension APIs these helpers call inside an extension page (Firefox's promise-based `browser`). */
type ExtensionPageGlobals = {
  browser: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  };
};

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a value other than undefined, or throws `what` after `timeoutMs`. */
export async function poll<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: () => string | Promise<string>): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(await what());
    await sleep(100);
  }
}

/**
 * Opens one of the extension's pages (popup.html?tab=…, options.html…) in a new tab. Puppeteer does
 * not follow the switch to the extension's process, so its navigation promise is left to fail on
 * its own and the page is polled until the extension document is there.
 */
export async function openExtensionPage(t: FirefoxTestContext, path: string): Promise<Page> {
  const page = await t.newPage();
  const url = `${t.extensionOrigin}/${path.replace(/^\//, '')}`;
  void page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  await poll(
    async () => ((await page.evaluate((u) => location.href === u && document.readyState === 'complete', url)) ? true : undefined),
    15_000,
    async () => `extension page ${url} did not load (tab shows ${await page.evaluate(() => location.href).catch(() => '?')})`,
  );
  return page;
}

/** A Protocol request to the background, sent from an extension page. */
export async function ask<K extends MessageType>(extensionPage: Page, type: K, req: Req<K>): Promise<Res<K>> {
  // The reply crosses as JSON text: WebDriver BiDi hands back an object met twice in a value (two
  // passages sharing one span) only the first time, and the second place reads undefined.
  const text = await extensionPage.evaluate(
    async (message) => JSON.stringify((await (globalThis as unknown as ExtensionPageGlobals).browser.runtime.sendMessage(message)) ?? null),
    { type, req },
  );
  const reply = JSON.parse(text) as { ok: true; value: Res<K> } | { ok: false; error: string } | null;
  if (!reply?.ok) throw new Error(`${type}: ${reply ? reply.error : 'no reply'}`);
  return reply.value;
}

/**
 * The browser's id for the tab showing `url`, read with tabs.query from an extension page: without
 * the `tabs` permission the address of an http(s) tab is visible through the host permissions.
 */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return poll(
    async () => {
      const tabs = await extensionPage.evaluate(() => (globalThis as unknown as ExtensionPageGlobals).browser.tabs.query({}));
      return tabs.find((tab) => tab.url === url)?.id;
    },
    5_000,
    () => `no tab with address ${url}`,
  );
}

const FINAL = ['done', 'no-article', 'error'];

/** Waits until the background has a final state for the tab (the content script's analysis ended). */
export async function waitForAnalysis(extensionPage: Page, tabId: number, timeoutMs = 20_000): Promise<TabState> {
  let last = '(none)';
  return poll(
    async () => {
      const state = await ask(extensionPage, 'get-tab-state', { tabId });
      last = state.status;
      return FINAL.includes(state.status) ? state : undefined;
    },
    timeoutMs,
    () => `analysis of tab ${tabId} did not finish within ${timeoutMs} ms (state ${last})`,
  );
}

/**
 * Loads a web page in `page`. WebDriver BiDi may fail a navigation when one of the page's frames
 * ends on an error page (a saved page's third-party frames, offline), although the page itself
 * loaded: the page's own document decides.
 */
export async function openWebPage(page: Page, url: string): Promise<void> {
  const navigation = page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 }).then(
    () => null,
    (error: unknown) => error,
  );
  await poll(
    async () => ((await page.evaluate((u) => location.href === u && document.readyState !== 'loading', url)) ? true : undefined),
    15_000,
    async () => `page ${url} did not load (${String((await Promise.race([navigation, sleep(0)])) ?? 'no navigation error')})`,
  );
}

/** Opens `url` in the test's tab and waits for Recoupe's analysis of it; returns the tab id and state. */
export async function openAnalysed(t: FirefoxTestContext, url: string): Promise<{ tabId: number; state: TabState; probe: Page }> {
  // The probe opens first and the page is then shown: Recoupe leaves a tab opened in the background
  // alone until the reader shows it, as a reader would.
  const probe = await openExtensionPage(t, 'popup.html?tab=0');
  await t.page.bringToFront();
  await openWebPage(t.page, url);
  const tabId = await tabIdOf(probe, url);
  const state = await waitForAnalysis(probe, tabId);
  // The background records the match before the page has loaded its drawing half and drawn it:
  // a page with passages to show is waited for until some highlight is there.
  if (state.status === 'done' && state.result.passages.length > 0) {
    await poll(
      async () => {
        const sizes = await t.page.evaluate(recoupeHighlightSizes);
        return Object.values(sizes).some((n) => n > 0) ? sizes : undefined;
      },
      10_000,
      async () => `the page was matched but shows no highlight: ${JSON.stringify(await t.page.evaluate(recoupeHighlightSizes))}`,
    );
  }
  return { tabId, state, probe };
}
