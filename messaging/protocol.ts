import type { DispatchSource } from '../db/rows';
import type { Dispatch, MatchResult, StoryVerdict } from '../engine/types';
import type { Story, StoryQuery } from '../engine/stories';
import type { Anchor } from '../anchoring/anchor';
import type { SavedComparison, SavedQuery } from '../saved/types';
import type { PageSettings, Settings, SettingsChange } from '../settings/settings';

/** What the views need to label a dispatch without loading its text. */
export interface DispatchInfo extends Omit<Dispatch, 'paragraphs'> {
  words: number;
  /** 'bundled' ships with the extension; 'imported' came from an NDJSON file; 'read' the reader's reading memory. */
  source: DispatchSource;
  /** When the reader read it (ISO date-time): dispatches of the reading memory only. */
  readAt?: string;
  /** The agencies the page credited, as read there (reading memory). */
  credits?: string[];
}

/**
 * The analysis of one page, as cached by the background per tab. `passages` holds the reused text
 * (verbatim, edited), the sentences that translate a dispatch in the other language (translated,
 * no hints, no diff) and the same facts told in other words (same-fact), sorted by page start,
 * each with its framing hints when the dispatch's text was read; `dispatches` the text verdicts
 * first (unchanged by same-fact alignment), then the translated ones, then the same-story ones.
 */
export interface PageResult extends Omit<MatchResult, 'dispatches'> {
  dispatches: StoryVerdict[];
  url: string;
  title: string;
  /** The article text the offsets of `passages[].page` point into. */
  text: string;
  dispatchInfo: Record<string, DispatchInfo>;
}

/**
 * The match as the content script that sent the text gets it: everything but the text, which it
 * already holds (a long article would otherwise cross the message channel a second time, and be
 * parsed again in the page's renderer); its length tells the reply belongs to that text.
 */
export interface MatchReply extends Omit<PageResult, 'text'> {
  textLength: number;
  /** The reader's comparisons saved on this page, found again in the same text (see 'match-page'). */
  saved: SavedAnchor[];
  /** What the settings mean for this page: the bootstrap never asks before its first run. */
  settings: PageSettings;
}

/**
 * A comparison the reader saved on a page, found again in its article text (exact, fuzzy or
 * orphaned), as the page's content script gets it: without the reader's note and tags (empty),
 * which the page's code has no use for.
 */
export interface SavedAnchor {
  record: SavedComparison;
  anchor: Anchor;
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

/** What the content script drew on its page: highlighted passages and saved marks by how they were found. */
export interface PageDrawn {
  passages: number;
  saved: number;
  savedFuzzy: number;
  savedOrphaned: number;
}

/**
 * A tab's run as the content script ended it, for tools and browser tests reading the
 * background: 'done' only once the match is drawn; `at` is when the state last changed (ms).
 */
export interface PageReport {
  state: 'unknown' | 'matching' | 'no-article' | 'paused' | 'error' | 'done';
  at: number;
  drawn?: PageDrawn;
}

/** The stories of the reading memory, as the Stories page shows them. */
export interface StoriesReply {
  /** Stories answering the query, newest first. */
  stories: Story[];
  /** Stories of the articles considered, before the query. */
  total: number;
  /** Articles in the reading memory. */
  remembered: number;
  /** Articles read against each other: the newest `limit` of them. */
  considered: number;
  limit: number;
  /** How long reading the articles against each other took for this answer, in ms (most of it cached after a first time). */
  ms: number;
}

export interface CorpusStatus {
  ready: boolean;
  dispatches: number;
}

/**
 * Every request and its reply, by message type. Content script, background and extension pages
 * all speak through this one map; messaging/permissions.ts says which of them may send each one.
 * A content script's tab and page address are the browser's word about the sender, so its
 * requests never carry them.
 */
export interface Protocol {
  /**
   * Content script → background: match this page's article text. `date` (the publication date the
   * page states, ISO) and `language` (the language it declares) help same-fact alignment tell one
   * event from another. The page's address is the sending frame's. The reply also brings the
   * comparisons saved on that address, found again in the same text (anchoring runs in the
   * background so the content script stays small, and the text crosses the channel once); each
   * outcome is stored with its record. A reply with no passage and no saved comparison is already
   * recorded as drawn (nothing to draw): the content script sends no 'page-drawn' for it.
   */
  'match-page': { req: { title: string; text: string; date?: string; language?: string }; res: MatchReply };
  /**
   * Content script → background, for its own tab: nothing to show on this page (no article text,
   * `why: 'paused'` the reader paused Recoupe here, `why: 'error'` the page could not be read);
   * clears badge and cache. The reply says what the settings mean for this page, as 'match-page''s does.
   */
  'clear-page': { req: { why?: 'paused' | 'error' }; res: PageSettings };
  /**
   * Content script → background, for its own tab: what the page shows now that its match is drawn
   * (sent again when the reader saves from the card). The page itself carries no such state.
   */
  'page-drawn': { req: PageDrawn; res: null };
  /**
   * Content script → background: this page has something to show; run the drawing half
   * (content-ui.js) in the sender's own tab and frame, then reply.
   */
  'load-ui': { req: Record<string, never>; res: null };
  /** Popup / side panel → background: the cached result for a tab. */
  'get-tab-result': { req: { tabId: number }; res: PageResult | null };
  /** Popup / side panel → background: the tab's analysis state, including in progress and no article. */
  'get-tab-state': { req: { tabId: number }; res: TabState };
  /**
   * Content script → background: open the comparison for a passage in the side panel. 'ignored':
   * this tab opened a view less than a second ago (one view per reader action).
   */
  'open-comparison': { req: { passage: number }; res: { opened: 'sidepanel' | 'tab' | 'ignored' } };
  /** Popup → background: the passage the comparison of a tab should show (a source picked in the summary). */
  'set-focus': { req: { tabId: number; passage: number }; res: null };
  /** Side panel → background: which passage the reader asked for last in this tab. */
  'get-focus': { req: { tabId: number }; res: { passage: number } | null };
  /**
   * Side panel → background: the reader selected this passage of the tab's result; the page scrolls
   * to it and flashes it. `shown` false when the tab's page could not (another page, nothing drawn).
   */
  'show-passage': { req: { tabId: number; passage: number }; res: { shown: boolean } };
  /**
   * Content script → background, for its own tab: the reader hovered or keyboard-focused the
   * highlight of this passage; an open side panel for the tab selects it. Nothing is stored.
   */
  'focus-passage': { req: { passage: number }; res: null };
  /**
   * Side panel → background, once it shows a tab's passages (opened, reloaded, or following another
   * tab): the tab's page forgets which passage it last reported and reports the one under the
   * pointer or the keyboard now, if any, so the panel reflects it without the reader moving.
   */
  'panel-ready': { req: { tabId: number }; res: null };
  'get-dispatch': { req: { id: string }; res: Dispatch | null };
  /**
   * Reading view → background: a corpus dispatch read against the rest of the corpus, as if it were
   * a page (itself left out): its text passages and same facts elsewhere. `result.text` is the
   * dispatch's text as the engine joins it; null for an unknown id.
   */
  'dispatch-alignment': { req: { id: string }; res: { dispatch: Dispatch; result: PageResult } | null };
  'list-dispatches': { req: Record<string, never>; res: DispatchInfo[] };
  /**
   * Stories page → background: the remembered articles grouped into stories (articles sharing text
   * or several facts), newest first, those answering the query only (words, site, date range).
   */
  'list-stories': { req: StoryQuery; res: StoriesReply };
  'corpus-status': { req: Record<string, never>; res: CorpusStatus };
  /** Add or replace dispatches from NDJSON text; nothing is imported if any line is malformed. */
  'import-ndjson': { req: { text: string; mode: 'extend' | 'replace' }; res: ImportSummary };
  /**
   * Options page → background: an NDJSON file imported in batches, all or nothing. `import-begin`
   * opens the import (cancelling one left running), each `import-batch` stores dispatches the page
   * read and checked, `import-commit` makes them the corpus or part of it, `import-cancel` drops them.
   */
  'import-begin': { req: { mode: 'extend' | 'replace' }; res: { job: string } };
  'import-batch': { req: { job: string; dispatches: Dispatch[] }; res: { staged: number } };
  'import-commit': { req: { job: string }; res: ImportSummary };
  'import-cancel': { req: { job: string }; res: null };
  /** Popup, settings → background: how many articles the reading memory holds; with a tab, whether its page is one of them and its site. */
  'memory-status': { req: { tabId?: number }; res: { count: number; page: string | null; site?: string | null } };
  /** Forget the page of a tab, a site, or everything remembered. */
  'memory-forget': { req: { scope: 'page'; tabId: number } | { scope: 'site'; site: string } | { scope: 'all' }; res: { forgotten: number } };
  /** The memory as NDJSON lines in the corpus import format, a piece at a time after the id `after`. */
  'memory-export': { req: { after: string | null }; res: { lines: string[]; next: string | null } };
  /** Options page → background: remove dispatches the reader added; bundled ones are refused. */
  'remove-dispatches': { req: { ids: string[] }; res: { removed: number; total: number } };
  /** Options page → background: the corpus becomes the bundled one again; dispatches the reader added are removed. */
  'restore-bundled': { req: Record<string, never>; res: { total: number } };
  /** Popup → background: store the article shown in this tab as a dispatch; other pages are then matched against it. */
  'add-page-to-corpus': { req: { tabId: number }; res: { dispatch: DispatchInfo; added: boolean } };
  /** Extension pages → background: the reader's settings (defaults filled in). */
  'get-settings': { req: Record<string, never>; res: Settings };
  /** Content script → background: what the settings mean for its page, and nothing about other sites. */
  'page-settings': { req: Record<string, never>; res: PageSettings };
  /** Options page / popup → background: change settings; every tab and page hears of it. */
  'set-settings': { req: SettingsChange; res: Settings };
  /**
   * Side panel (tabId) or hover card (always its own tab) → background: keep a passage of the tab's
   * result. A content script gets the record back without the reader's note and tags (empty).
   */
  'save-comparison': { req: { tabId?: number; passage: number; note?: string; tags?: string[] | string }; res: { record: SavedComparison; created: boolean } };
  /** Saved view → background: saved comparisons matching the query, newest first unless sort says otherwise. */
  'list-saved': { req: SavedQuery; res: SavedComparison[] };
  'update-saved': { req: { id: string; note?: string; tags?: string[] | string }; res: SavedComparison };
  /** Replies with the deleted records, for undo. */
  'delete-saved': { req: { ids: string[] }; res: { deleted: SavedComparison[] } };
  /** Undo of a delete: puts the very records back. */
  'restore-saved': { req: { items: SavedComparison[] }; res: { restored: number } };
  /** The export file's text: JSON (versioned, re-importable) or a Markdown report; all records unless `ids`. */
  'export-saved': { req: { format: 'json' | 'markdown'; ids?: string[] }; res: string };
  /**
   * A JSON export merged in without duplicates; a malformed or foreign file changes nothing.
   * `textOnly`: items of the file whose page address is not http(s), kept and shown as text.
   */
  'import-saved': { req: { text: string }; res: { added: number; skipped: number; textOnly: number } };
  /** Side panel → background: the comparisons saved on a page. */
  'saved-for-url': { req: { url: string }; res: SavedComparison[] };
  /**
   * Hover card → background: open the Saved view in a tab (a page cannot link to extension pages),
   * at the comparison `id` when given; at most one per page tab and second.
   */
  'open-saved': { req: { id?: string }; res: null };
}

export type MessageType = keyof Protocol;
export type Req<K extends MessageType> = Protocol[K]['req'];
export type Res<K extends MessageType> = Protocol[K]['res'];
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  req: Req<K>;
}
