import { browser, type Browser } from 'wxt/browser';
import { fromExtension } from './permissions';

/**
 * Background → extension pages: something about a tab changed, ask again. A broadcast rather than
 * a Protocol request because nobody answers it and no page may be open to hear it.
 */
export interface TabChanged {
  type: 'recoupe:tab-changed';
  tabId: number;
  what: 'state' | 'focus';
}

export function isTabChanged(message: unknown): message is TabChanged {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as TabChanged).type === 'recoupe:tab-changed' &&
    typeof (message as TabChanged).tabId === 'number'
  );
}

export function notifyTabChanged(tabId: number, what: TabChanged['what']): void {
  const message: TabChanged = { type: 'recoupe:tab-changed', tabId, what };
  // Rejects when no extension page is open to listen; that is the usual case.
  browser.runtime.sendMessage(message).catch(() => {});
}

/** Calls `listener` for every change notice; returns the unsubscribe function. */
export function onTabChanged(listener: (change: TabChanged) => void): () => void {
  const handler = (message: unknown, sender: Browser.runtime.MessageSender): undefined => {
    // Never answer: requests from content scripts reach extension pages too and belong to the background.
    // Nor believe a content script: only the extension's own notices count.
    if (isTabChanged(message) && fromExtension(sender)) listener(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
