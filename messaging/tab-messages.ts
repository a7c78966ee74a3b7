import { browser } from 'wxt/browser';
import type { PageArticle } from '../corpus/page-dispatch';
import type { Settings } from '../settings/settings';

/**
 * Messages between the background and the content script of one tab, outside the Protocol map
 * (which is for requests to the background): the background asks a tab for its article, and
 * tells tabs and extension pages that the settings changed.
 */
export interface GetArticle {
  type: 'recoupe:get-article';
}

/**
 * The content script's answer: the article with its metadata, or why there is none (`noArticle`:
 * the background words it in the reader's language, so the content script carries no dictionary).
 */
export type ArticleReply = { ok: true; article: PageArticle } | { ok: false; noArticle?: true; error?: string };

export interface SettingsChanged {
  type: 'recoupe:settings-changed';
  settings: Settings;
}

export function isGetArticle(message: unknown): message is GetArticle {
  return typeof message === 'object' && message !== null && (message as GetArticle).type === 'recoupe:get-article';
}

export function isSettingsChanged(message: unknown): message is SettingsChanged {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as SettingsChanged).type === 'recoupe:settings-changed' &&
    typeof (message as SettingsChanged).settings === 'object'
  );
}

/** Calls `listener` with the new settings whenever they change; returns the unsubscribe function. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (message: unknown): undefined => {
    // Never answer: requests to the background reach extension pages too.
    if (isSettingsChanged(message)) listener(message.settings);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
