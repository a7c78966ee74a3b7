import { browser } from 'wxt/browser';

interface PanelApis {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the comparison for a tab: Chrome's side panel, Firefox's sidebar, or, when the browser
 * refuses (both need a fresh user gesture), the same view in a new tab next to the page.
 */
export async function openComparison(
  tab: { id: number; index?: number; windowId?: number },
  passage?: number,
): Promise<'sidepanel' | 'tab'> {
  const apis = browser as unknown as PanelApis;
  try {
    if (apis.sidePanel?.open) {
      await apis.sidePanel.open({ tabId: tab.id });
      return 'sidepanel';
    }
    if (apis.sidebarAction?.open) {
      await apis.sidebarAction.open();
      return 'sidepanel';
    }
  } catch {
    // No user gesture left to open a panel with: fall back to a tab.
  }
  // One comparison tab per page: bring it back rather than stacking copies (it follows the focus by itself).
  const prefix = `${sidePanelUrl(tab.id)}&`;
  const exact = sidePanelUrl(tab.id);
  const existing = (await browser.tabs.query({})).find((t) => t.url === exact || t.url?.startsWith(prefix));
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true }).catch(() => undefined);
    return 'tab';
  }
  await browser.tabs.create({
    url: sidePanelUrl(tab.id, passage),
    windowId: tab.windowId,
    index: tab.index === undefined ? undefined : tab.index + 1,
    openerTabId: tab.id,
  });
  return 'tab';
}

export function sidePanelUrl(tabId: number, passage?: number): string {
  const query = passage === undefined ? `tab=${tabId}` : `tab=${tabId}&passage=${passage}`;
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(`/sidepanel.html?${query}`);
}
