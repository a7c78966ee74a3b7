import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../../scripts/lib/browser';

/**
 * Lets the extension run in private windows, as a reader does from the Extensions page ("Allow in
 * incognito"), through the page's own private API. Developer mode comes first: an unpacked extension
 * reloaded (as this toggle does) outside developer mode is disabled. Resolves once the extension's
 * pages load again.
 */
export async function allowInPrivateWindows(b: ExtensionBrowser): Promise<void> {
  const page = await b.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(async (id) => {
    const dev = (globalThis as unknown as { chrome: { developerPrivate: Record<string, (arg: unknown) => Promise<unknown>> } }).chrome.developerPrivate;
    await dev.updateProfileConfiguration({ inDeveloperMode: true });
    await dev.updateExtensionConfiguration({ extensionId: id, incognitoAccess: true });
  }, b.extensionId);
  await page.close();
}

/** An extension page of `b`, loaded; retried while the extension reloads after the toggle. */
export async function extensionPage(b: ExtensionBrowser, path = '/options.html'): Promise<Page> {
  const page = await b.context.newPage();
  for (let i = 0; ; i++) {
    try {
      await page.goto(`chrome-extension://${b.extensionId}${path}`);
      return page;
    } catch (err) {
      if (i >= 40) throw err;
      await page.waitForTimeout(250);
    }
  }
}

/** Opens `url` in a new private window from an extension page; resolves to its tab id. */
export async function openPrivateWindow(extension: Page, url: string): Promise<number> {
  return extension.evaluate(async (address) => {
    const windows = (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<{ incognito: boolean; tabs?: { id: number }[] }> } } }).chrome.windows;
    const win = await windows.create({ url: address, incognito: true });
    const tab = win.tabs?.[0]?.id;
    if (!win.incognito || tab === undefined) throw new Error('no private window was opened');
    return tab;
  }, url);
}
