import type { Dispatch, MatchResult } from '../engine/types';

/** What the views need to label a dispatch without loading its text. */
export interface DispatchInfo {
  id: string;
  outlet: string;
  origin: string;
  chain: string[];
  language: string;
  date: string;
  title: string;
  url?: string;
  words: number;
  /** 'bundled' ships with the extension; 'imported' came from an NDJSON file. */
  source: 'bundled' | 'imported';
}

/** The analysis of one page, as cached by the background per tab. */
export interface PageResult extends MatchResult {
  url: string;
  title: string;
  /** The article text the offsets of `passages[].page` point into. */
  text: string;
  dispatchInfo: Record<string, DispatchInfo>;
}

export interface ImportSummary {
  added: number;
  updated: number;
  total: number;
}

/**
 * What the background knows about a tab. 'unknown' covers a page never analysed and a worker
 * restarted since (its cache is gone): the views then ask the reader to reload the page.
 */
export type TabState =
  | { status: 'unknown' }
  | { status: 'matching' }
  | { status: 'no-article' }
  | { status: 'error'; error: string }
  | { status: 'done'; result: PageResult };

export interface CorpusStatus {
  ready: boolean;
  dispatches: number;
}

/**
 * Every request and its reply, by message type. Content script, background and extension pages
 * all speak through this one map.
 */
export interface Protocol {
  /** Content script → background: match this page's article text. */
  'match-page': { req: { url: string; title: string; text: string }; res: PageResult };
  /** Content script → background: the page has no article text; clear badge and cache. */
  'clear-page': { req: Record<string, never>; res: null };
  /** Popup / side panel → background: the cached result for a tab. */
  'get-tab-result': { req: { tabId: number }; res: PageResult | null };
  /** Popup / side panel → background: the tab's analysis state, including in progress and no article. */
  'get-tab-state': { req: { tabId: number }; res: TabState };
  /** Content script → background: open the comparison for a passage in the side panel. */
  'open-comparison': { req: { passage: number }; res: { opened: 'sidepanel' | 'tab' } };
  /** Side panel → background: which passage the reader asked for last in this tab. */
  'get-focus': { req: { tabId: number }; res: { passage: number } | null };
  'get-dispatch': { req: { id: string }; res: Dispatch | null };
  'list-dispatches': { req: Record<string, never>; res: DispatchInfo[] };
  'corpus-status': { req: Record<string, never>; res: CorpusStatus };
  /** Add or replace dispatches from NDJSON text; nothing is imported if any line is malformed. */
  'import-ndjson': { req: { text: string; mode: 'extend' | 'replace' }; res: ImportSummary };
}

export type MessageType = keyof Protocol;
export type Req<K extends MessageType> = Protocol[K]['req'];
export type Res<K extends MessageType> = Protocol[K]['res'];
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  req: Req<K>;
}
