import { browser, type Browser } from 'wxt/browser';
import type { MessageType } from './protocol';

export type Sender = Browser.runtime.MessageSender;

/**
 * Who may ask the background. A content script lives in a web page's process: a compromised
 * renderer can send anything the content script can, so it gets only what a page needs, about
 * its own tab. Extension pages (popup, side panel, options, Saved view, reading view) get the rest.
 */
export type SenderKind = 'content-script' | 'extension-page';

const CONTENT = ['content-script'] as const;
const PAGES = ['extension-page'] as const;
const BOTH = ['content-script', 'extension-page'] as const;

/**
 * Which sender may send which message. Every message of the Protocol has its entry: a message
 * added without one fails the typecheck, and anything not listed is refused.
 */
export const MAY_SEND = {
  'match-page': CONTENT,
  'clear-page': CONTENT,
  // How the page's run ended, and the drawing half injected into the sender's own frame.
  'page-drawn': CONTENT,
  'load-ui': CONTENT,
  'open-comparison': CONTENT,
  'page-settings': CONTENT,
  'open-saved': CONTENT,
  // The reader's hover or keyboard focus on a highlight of the sender's own page.
  'focus-passage': CONTENT,
  // The hover card saves a passage of its own tab; the side panel names the tab it shows.
  'save-comparison': BOTH,
  'get-tab-result': PAGES,
  'get-tab-state': PAGES,
  'get-focus': PAGES,
  'set-focus': PAGES,
  // Scrolls a tab's page: only the extension's own views may ask.
  'show-passage': PAGES,
  // Asks a tab's page to report what the reader points at now: a view of the extension only.
  'panel-ready': PAGES,
  'get-dispatch': PAGES,
  'dispatch-alignment': PAGES,
  'list-dispatches': PAGES,
  // The stories name what the reader read: a browsing trace no page may read.
  'list-stories': PAGES,
  'corpus-status': PAGES,
  'import-ndjson': PAGES,
  'import-begin': PAGES,
  'import-batch': PAGES,
  'import-commit': PAGES,
  'import-cancel': PAGES,
  'memory-status': PAGES,
  'memory-forget': PAGES,
  'memory-export': PAGES,
  'remove-dispatches': PAGES,
  'restore-bundled': PAGES,
  'add-page-to-corpus': PAGES,
  // The whole settings name every paused site: a browsing trace no page may read.
  'get-settings': PAGES,
  'set-settings': PAGES,
  'list-saved': PAGES,
  'update-saved': PAGES,
  'delete-saved': PAGES,
  'restore-saved': PAGES,
  'export-saved': PAGES,
  'import-saved': PAGES,
  'saved-for-url': PAGES,
} as const satisfies { readonly [K in MessageType]: readonly SenderKind[] };

/** The senders allowed to send message K. */
export type AllowedKind<K extends MessageType> = (typeof MAY_SEND)[K][number];

/** A content script in the top frame of a tab showing a web page; tab and address come from the browser, never from the request. */
export interface ContentCaller {
  kind: 'content-script';
  /** `incognito`: the tab is in a private window, where nothing is remembered. */
  tab: { id: number; index?: number; windowId?: number; incognito?: boolean };
  /** The address of the page, as the browser reports the sending frame. */
  url: string;
}

/** One of the extension's own pages; `tab` is set when it is open in a tab. */
export interface PageCaller {
  kind: 'extension-page';
  url: string;
  tab?: { id: number; index?: number; windowId?: number };
}

export type Caller = ContentCaller | PageCaller;
export type CallerOf<K extends MessageType> = Extract<Caller, { kind: AllowedKind<K> }>;

/** What the extension knows of itself: its id and its base URL (`runtime.getURL('/')`). */
export interface Self {
  id: string;
  base: string;
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The top frame's address now. Chromium keeps `sender.url` at the address the document was loaded
 * with, while history.pushState and replaceState (same origin only) move the tab's; a tab address
 * on another origin is a navigation still under way, and the frame's own address stands.
 */
function currentUrl(sender: Sender & { url: string }): string {
  const tabUrl = sender.tab?.url;
  const page = (u: string) => u.split('#')[0];
  if (!tabUrl || page(tabUrl) === page(sender.url) || !isHttpUrl(tabUrl)) return sender.url;
  return new URL(tabUrl).origin === new URL(sender.url).origin ? tabUrl : sender.url;
}

function tabOf(sender: Sender): ContentCaller['tab'] | undefined {
  const tab = sender.tab;
  if (typeof tab?.id !== 'number' || tab.id < 0) return undefined;
  return { id: tab.id, index: tab.index, windowId: tab.windowId, incognito: tab.incognito === true };
}

/**
 * Who sent a message, from what the browser says of the sender (never from the message): one of
 * the extension's pages when the sending frame's address is on the extension's own origin (an
 * extension page open in a tab has `sender.tab` too, so the tab proves nothing), a content script
 * when the sending frame is the top frame of a tab showing an http(s) page. Anything else
 * (another extension, a subframe, a page of another scheme) is null and refused. Chromium also
 * gives `sender.origin`, which must then agree.
 */
export function callerOf(sender: Sender, self: Self): Caller | null {
  if (sender.id !== self.id || typeof sender.url !== 'string') return null;
  const ownOrigin = self.base.replace(/\/+$/, '');
  const origin = (sender as { origin?: string }).origin;
  if (sender.url.startsWith(self.base)) {
    if (origin !== undefined && origin !== ownOrigin) return null;
    return { kind: 'extension-page', url: sender.url, tab: tabOf(sender) };
  }
  const tab = tabOf(sender);
  if (!tab || sender.frameId !== 0 || !isHttpUrl(sender.url)) return null;
  // A web page's origin, or "null" for a sandboxed one; never the extension's own.
  if (origin !== undefined && origin !== 'null' && !isHttpUrl(origin)) return null;
  return { kind: 'content-script', tab, url: currentUrl(sender as Sender & { url: string }) };
}

/** Whether a sender of this kind may send this message. */
export function mayAsk(type: MessageType, kind: SenderKind): boolean {
  return (MAY_SEND[type] as readonly SenderKind[]).includes(kind);
}

/**
 * Whether a message heard by an extension page comes from the extension itself (the background
 * or another of its pages) rather than from a content script, which can message them too.
 */
export function fromExtension(sender: Sender): boolean {
  return callerOf(sender, { id: browser.runtime.id, base: browser.runtime.getURL('/') })?.kind === 'extension-page';
}
