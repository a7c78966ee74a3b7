import { browser, type Browser } from 'wxt/browser';
import type { PageArticle } from '../corpus/page-dispatch';
import type { Settings } from '../settings/settings';
import { fromExtension } from './permissions';

/**
 * Messages between the background and the content script of one tab, outside the Protocol map
 * (which is for requests to the background): the background tells tabs and extension pages that
 * the settings changed. A tab's article is read by a script the background runs there
 * (entrypoints/content-article.ts), which gives back an ArticleReply.
 */

/**
 * The article reader's answer: the article with its metadata, or why there is none (`noArticle`:
 * the background words it in the reader's language, so the page's script carries no dictionary).
 */
export type ArticleReply = { ok: true; article: PageArticle } | { ok: false; noArticle?: true; error?: string };

/** To extension pages: the whole settings. */
export interface SettingsChanged {
  type: 'recoupe:settings-changed';
  settings: Settings;
}

/**
 * To a tab's content script: the settings changed, ask `page-settings` again. It carries nothing,
 * so no page hears more than what the settings mean for its own address, even one that navigated
 * meanwhile.
 */
export interface PageSettingsChanged {
  type: 'recoupe:page-settings-changed';
}

/**
 * To a tab's content script: the corpus its passages came from changed (dispatches were removed
 * or replaced), or its match found more passages after the copies it drew (same facts and
 * translations, on a large corpus): match the page again. It carries nothing: the page learns
 * nothing of the corpus.
 */
export interface CorpusChanged {
  type: 'recoupe:corpus-changed';
}

export function isSettingsChanged(message: unknown): message is SettingsChanged {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as SettingsChanged).type === 'recoupe:settings-changed' &&
    typeof (message as SettingsChanged).settings === 'object' &&
    (message as SettingsChanged).settings !== null
  );
}

export function isPageSettingsChanged(message: unknown): message is PageSettingsChanged {
  return typeof message === 'object' && message !== null && (message as PageSettingsChanged).type === 'recoupe:page-settings-changed';
}

/**
 * Extension pages: calls `listener` with the new settings whenever they change; returns the
 * unsubscribe function. Content scripts reach extension pages with runtime messages too, so only
 * the extension's own word counts.
 */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (message: unknown, sender: Browser.runtime.MessageSender): undefined => {
    // Never answer: requests to the background reach extension pages too.
    if (isSettingsChanged(message) && fromExtension(sender)) listener(message.settings);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

export function isCorpusChanged(message: unknown): message is CorpusChanged {
  return typeof message === 'object' && message !== null && (message as CorpusChanged).type === 'recoupe:corpus-changed';
}

/** Content script: calls `listener` when the corpus behind the page's passages changed. */
export function onCorpusChanged(listener: () => void): () => void {
  const handler = (message: unknown): undefined => {
    if (isCorpusChanged(message)) listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** Content script: calls `listener` whenever the settings change (only the extension can message a content script). */
export function onPageSettingsChanged(listener: () => void): () => void {
  const handler = (message: unknown): undefined => {
    if (isPageSettingsChanged(message)) listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

