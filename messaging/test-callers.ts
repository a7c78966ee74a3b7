import type { ContentCaller, PageCaller } from './permissions';

/** Callers as the server hands them to handlers, for unit tests of the handlers alone. */
export function contentCaller(tabId: number, url = 'https://news.example/a'): ContentCaller {
  return { kind: 'content-script', tab: { id: tabId, index: 0, windowId: 1 }, url };
}

export function pageCaller(page = 'popup.html', tabId?: number): PageCaller {
  return { kind: 'extension-page', url: `chrome-extension://ext/${page}`, tab: tabId === undefined ? undefined : { id: tabId } };
}
