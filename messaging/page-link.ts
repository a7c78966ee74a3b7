import { browser, type Browser } from 'wxt/browser';
import { fromExtension } from './permissions';

/**
 * The side panel and the page it describes, linked through the background (never through the
 * page's DOM): the panel's selection reaches the page's content script as `ShowPassage`, the
 * reader's hover or keyboard focus on a highlight reaches the panel as `PageFocus`.
 */

/**
 * Background → a tab's content script (top frame): scroll to this passage and flash it. `start`
 * and `end` are the passage's offsets in the background's copy of the result, so a page that was
 * read again since (other passages, other indices) ignores a stale request.
 */
export interface ShowPassage {
  type: 'recoupe:show-passage';
  passage: number;
  start: number;
  end: number;
}

/**
 * Background → a tab's content script (top frame): a side panel now shows this tab; report the
 * passage the reader points at, even if it was reported before (the panel may have reloaded).
 */
export interface PanelReady {
  type: 'recoupe:panel-ready';
}

/** Background → extension pages: the reader points at this passage on the tab's page. */
export interface PageFocus {
  type: 'recoupe:page-focus';
  tabId: number;
  passage: number;
}

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function isShowPassage(message: unknown): message is ShowPassage {
  const m = message as ShowPassage;
  return typeof message === 'object' && message !== null && m.type === 'recoupe:show-passage' && isIndex(m.passage) && isIndex(m.start) && isIndex(m.end);
}

export function isPanelReady(message: unknown): message is PanelReady {
  return typeof message === 'object' && message !== null && (message as PanelReady).type === 'recoupe:panel-ready';
}

export function isPageFocus(message: unknown): message is PageFocus {
  const m = message as PageFocus;
  return typeof message === 'object' && message !== null && m.type === 'recoupe:page-focus' && isIndex(m.tabId) && isIndex(m.passage);
}

/** Background: tells the open views that the reader points at a passage of this tab's page. */
export function announcePageFocus(tabId: number, passage: number): void {
  const message: PageFocus = { type: 'recoupe:page-focus', tabId, passage };
  // Rejects when no view is open to listen; that is the usual case.
  browser.runtime.sendMessage(message).catch(() => {});
}

/** Extension pages: calls `listener` for every page focus the extension announces; returns the unsubscribe function. */
export function onPageFocus(listener: (focus: PageFocus) => void): () => void {
  const handler = (message: unknown, sender: Browser.runtime.MessageSender): undefined => {
    // Never answer (requests to the background reach extension pages too), nor believe a content script.
    if (isPageFocus(message) && fromExtension(sender)) listener(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
