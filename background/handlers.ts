import { parseNdjson } from '../corpus/ndjson';
import { ImportError } from '../db/import';
import type { TabChanged } from '../messaging/notify';
import type { PageDrawn, PageResult, SavedAnchor } from '../messaging/protocol';
import type { ContentCaller, Handlers } from '../messaging/server';
import { t } from '../i18n/t';
import { defaultPageSettings, type PageSettings } from '../settings/page-settings';
import type { MatchOptions } from '../engine/index';
import type { CorpusAdminMessage } from './corpus-admin';
import type { ImportJobMessage } from './import-handlers';
import type { LinkMessage } from './link-handlers';
import type { MemoryMessage } from './memory-handlers';
import type { Aligned, CorpusService } from './corpus-service';
import { withoutSelf } from './self-match';
import type { SettingsMessage } from './settings-handlers';
import { reusedPassages, toPageResult } from './page-result';
import type { SavedMessage } from './saved-handlers';
import type { StoriesMessage } from './stories-handlers';
import type { OpenLimit } from './open-limit';
import type { TabResults } from './tab-results';

/** Messages answered by background modules of their own, merged in by entrypoints/background.ts. */
export type DelegatedMessage = SettingsMessage | CorpusAdminMessage | SavedMessage | ImportJobMessage | MemoryMessage | StoriesMessage | LinkMessage;

export interface BackgroundDeps {
  corpus: Pick<CorpusService, 'match' | 'alignDispatch' | 'getDispatch' | 'list' | 'count' | 'import'>;
  /** Engine options from the reader's sensitivity setting; engine defaults when absent. */
  matchOptions?(): Promise<MatchOptions>;
  tabs: TabResults;
  setBadge(tabId: number, passages: number): Promise<void>;
  openComparison(tab: { id: number; index?: number; windowId?: number }, passage: number): Promise<'sidepanel' | 'tab'>;
  notify(tabId: number, what: TabChanged['what']): void;
  /**
   * Tells a tab's page to match again: its match's passages grew (same facts and translations
   * found after the copies were drawn), and its next match gets them at once. `url` is the page
   * the match was for: a tab showing another page by now is not told.
   */
  redraw?(tabId: number, url: string): void;
  /** Runs the content script's drawing half in one frame of a tab. */
  injectUi?(tabId: number, frameId: number): Promise<void>;
  /** A page was matched in a tab (reading memory may remember it once read). */
  pageMatched?(tab: ContentCaller['tab'], url: string, text: string): void;
  /** Views a page tab may open; shared with the Saved view's opening. */
  openLimit?: Pick<OpenLimit, 'allow'>;
  /** The comparisons saved on a page, found again in its text (saved-handlers.ts `savedMarks`); never rejects. None when absent. */
  savedMarks?(url: string, text: string): Promise<SavedAnchor[]>;
  /** What the reader's settings mean for a page (nothing paused, every kind shown when absent). */
  pageSettings?(url: string | undefined): Promise<PageSettings>;
}

/** How long the rest of a match waits for the page to draw its copies before it runs anyway. */
const DRAW_WAIT_MS = 10_000;
/**
 * Time left to the reader after the copies are drawn, before the rest of the match runs: the rest
 * takes the worker for a while, and is not started for a page the reader leaves at once.
 */
const REST_DELAY_MS = 400;
/** A tab is told to draw a match's rest at most once in this time, whatever its page's text does. */
const REDRAW_EVERY_MS = 5_000;

/** Whether two results of one page show the same passages and verdicts (the rest added nothing). */
function sameShown(a: PageResult, b: PageResult): boolean {
  return JSON.stringify([a.passages, a.dispatches]) === JSON.stringify([b.passages, b.dispatches]);
}

/** What a run with nothing to draw drew. */
const NOTHING_DRAWN: PageDrawn = { passages: 0, saved: 0, savedFuzzy: 0, savedOrphaned: 0 };

/** A metadata field as the content script sent it, when it is usable text. */
function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : undefined;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** How many malformed lines are spelled out; the rest are counted. */
const LISTED_ERRORS = 20;

export function ndjsonErrorMessage(errors: { line: number; message: string }[]): string {
  const listed = errors.slice(0, LISTED_ERRORS).map((e) => t('importLineError', { line: e.line, message: e.message }));
  const more = errors.length - listed.length;
  if (more > 0) listed.push(t('importMoreErrors', { count: more }));
  return `${t('importRejected', { count: errors.length })}\n${listed.join('\n')}`;
}

/** One handler per Protocol message; browser specifics come in through `deps`. */
export function createHandlers(deps: BackgroundDeps): Omit<Handlers, DelegatedMessage> {
  const { corpus, tabs } = deps;
  const redrawnAt = new Map<number, number>();

  /**
   * The rest of a match whose copies were answered first: once the page drew them, the whole
   * alignment replaces the tab's result (popup, side panel, badge) and the page is told to draw it,
   * unless it adds nothing or the tab moved on meanwhile.
   */
  async function completeLater(tabId: number, url: string, generation: number, first: PageResult, rest: (wanted?: () => boolean) => Promise<Aligned>): Promise<void> {
    await tabs.whenDrawn(tabId, DRAW_WAIT_MS);
    await new Promise((resolve) => setTimeout(resolve, REST_DELAY_MS));
    const current = () => tabs.generation(tabId) === generation;
    if (!current()) return;
    // A newer run of the tab stops what is left of this one's alignment.
    const whole = await rest(current).catch((err: unknown) => {
      if (current()) throw err;
      return null;
    });
    if (!whole) return;
    const { result, infoOf } = whole;
    const page = toPageResult(withoutSelf(result, infoOf, url), { url, title: first.title, text: first.text }, infoOf);
    if (sameShown(first, page) || tabs.result(tabId) !== first) return;
    if (!tabs.set(tabId, { status: 'done', result: page }, url, generation)) return;
    await deps.setBadge(tabId, reusedPassages(page));
    deps.notify(tabId, 'state');
    const last = redrawnAt.get(tabId);
    if (last !== undefined && Date.now() - last < REDRAW_EVERY_MS) return;
    redrawnAt.set(tabId, Date.now());
    deps.redraw?.(tabId, url);
  }

  /** Injections of the drawing half under way, by tab (see uiFor); each resolves to whether it went in. */
  const injecting = new Map<number, Promise<boolean>>();

  /**
   * Puts the drawing half into a tab's page unless it has it or is getting it, beside the reply:
   * the page finds it there, or sees it arrive, instead of asking for it after the reply. A failure
   * is left to the page, which then asks for it (load-ui) and reports what went wrong.
   */
  function uiFor(tabId: number, url: string | undefined): void {
    if (!deps.injectUi || tabs.hasUi(tabId) || injecting.has(tabId)) return;
    const generation = tabs.generation(tabId);
    const done: Promise<boolean> = deps
      .injectUi(tabId, 0)
      .then(
        () => (tabs.noteUiLoaded(tabId, url, generation), true),
        () => false,
      )
      .finally(() => {
        if (injecting.get(tabId) === done) injecting.delete(tabId);
      });
    injecting.set(tabId, done);
  }

  const settingsFor = (url: string | undefined) => deps.pageSettings?.(url) ?? Promise.resolve(defaultPageSettings());
  async function paused(tabId: number, url: string | undefined): Promise<void> {
    tabs.setPaused(tabId, url);
    await deps.setBadge(tabId, 0);
    deps.notify(tabId, 'state');
  }

  return {
    // The tab and the page's address are the browser's word about the sender, whatever the request says.
    async 'match-page'(req, { tab, url }) {
      if (typeof req.text !== 'string') throw new Error('match-page needs the article text');
      const tabId = tab.id;
      tabs.noteRun(tabId);
      const title = typeof req.title === 'string' ? req.title : '';
      // The page never asked: a site paused since its script was injected (or one no match pattern
      // can name) is matched against nothing and recorded as paused.
      const settings = await settingsFor(url);
      if (settings.paused) {
        await paused(tabId, url);
        return { passages: [], dispatches: [], pageWords: 0, url: url ?? '', title, dispatchInfo: {}, textLength: req.text.length, saved: [], settings };
      }
      const generation = tabs.generation(tabId);
      tabs.set(tabId, { status: 'matching' }, url, generation);
      deps.notify(tabId, 'state');
      // The page's saved comparisons are found again in the same text meanwhile: the page sends its text once.
      const marks = deps.savedMarks?.(url, req.text) ?? Promise.resolve([]);
      try {
        const about = { url, date: optionalText(req.date), language: optionalText(req.language) };
        const { result, infoOf, rest } = await corpus.match(req.text, (await deps.matchOptions?.()) ?? {}, about);
        const page = toPageResult(withoutSelf(result, infoOf, url), { url, title, text: req.text }, infoOf);
        // A page that will draw (passages of a kind shown, or saved marks not orphaned: as
        // analyse-page.ts decides) gets its drawing half beside the reply; not once the tab moved on.
        const current = () => tabs.generation(tabId) === generation;
        const kinds = settings.highlightKinds;
        if (current() && page.passages.some((p) => kinds.includes(p.kind))) uiFor(tabId, url);
        const saved = await marks;
        if (current() && saved.some((s) => s.anchor.status !== 'orphaned')) uiFor(tabId, url);
        if (tabs.set(tabId, { status: 'done', result: page }, url, generation)) {
          if (rest) completeLater(tabId, url, generation, page, rest).catch((err) => console.warn('Recoupe: same facts of a page', err));
          // Nothing to draw whatever the kinds shown: the run ends here, and the page need not say so.
          if (page.passages.length === 0 && saved.length === 0) tabs.setDrawn(tabId, NOTHING_DRAWN);
          // The reply does not wait for the toolbar: the page draws meanwhile.
          deps.setBadge(tabId, reusedPassages(page)).catch(() => undefined);
          deps.notify(tabId, 'state');
          deps.pageMatched?.(tab, url, req.text);
        }
        const { text, ...reply } = page;
        return { ...reply, textLength: text.length, saved, settings };
      } catch (err) {
        if (tabs.set(tabId, { status: 'error', error: errorText(err) }, url, generation)) {
          await deps.setBadge(tabId, 0);
          deps.notify(tabId, 'state');
        }
        throw err;
      }
    },

    async 'clear-page'(req, { tab, url }) {
      tabs.noteRun(tab.id);
      const settings = await settingsFor(url);
      if (req?.why === 'paused' || settings.paused) return paused(tab.id, url).then(() => settings);
      tabs.drop(tab.id);
      if (req?.why === 'error') tabs.set(tab.id, { status: 'error', error: t('errPageUnreadable') }, url);
      else tabs.set(tab.id, { status: 'no-article' }, url);
      await deps.setBadge(tab.id, 0);
      deps.notify(tab.id, 'state');
      return settings;
    },

    async 'page-drawn'(req, { tab }) {
      const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0);
      tabs.setDrawn(tab.id, { passages: count(req?.passages), saved: count(req?.saved), savedFuzzy: count(req?.savedFuzzy), savedOrphaned: count(req?.savedOrphaned) });
      return null;
    },

    async 'load-ui'(_req, { tab, url }) {
      if (!deps.injectUi) throw new Error('load-ui: no way to inject the drawing half here');
      // The drawing half going in beside the match's reply: the page asked before it arrived.
      const pending = injecting.get(tab.id);
      if (pending && (await pending)) return null;
      // A content script's caller is always its tab's top frame (frame 0). It asks when its page
      // lacks the drawing half, whatever this worker believes (see hasUi).
      const generation = tabs.generation(tab.id);
      await deps.injectUi(tab.id, 0);
      tabs.noteUiLoaded(tab.id, url, generation);
      return null;
    },

    'get-tab-result': (req) => tabs.result(req.tabId),
    'get-tab-state': (req) => tabs.state(req.tabId),

    async 'open-comparison'(req, { tab }) {
      if (!Number.isInteger(req.passage) || req.passage < 0) throw new Error('open-comparison needs a passage index');
      if (deps.openLimit && !deps.openLimit.allow(tab.id)) return { opened: 'ignored' as const };
      tabs.setFocus(tab.id, req.passage);
      // Opening first: Chrome lets the side panel open only while the click that asked is still current.
      const opened = deps.openComparison(tab, req.passage);
      deps.notify(tab.id, 'focus');
      return { opened: await opened };
    },

    'get-focus': (req) => tabs.getFocus(req.tabId),

    async 'set-focus'(req) {
      if (!Number.isInteger(req.tabId) || !Number.isInteger(req.passage) || req.passage < 0) throw new Error('set-focus needs a tab and a passage index');
      tabs.setFocus(req.tabId, req.passage);
      deps.notify(req.tabId, 'focus');
      return null;
    },
    'get-dispatch': (req) => corpus.getDispatch(req.id),

    async 'dispatch-alignment'(req) {
      if (typeof req.id !== 'string') throw new Error('id must be a dispatch id');
      const found = await corpus.alignDispatch(req.id, (await deps.matchOptions?.()) ?? {});
      if (!found) return null;
      const { dispatch, text, result, infoOf } = found;
      return { dispatch, result: toPageResult(result, { url: dispatch.url ?? '', title: dispatch.title, text }, infoOf) };
    },
    'list-dispatches': () => corpus.list(),
    'corpus-status': async () => ({ ready: true, dispatches: await corpus.count() }),

    async 'import-ndjson'(req) {
      const parsed = parseNdjson(req.text);
      if (!parsed.ok) throw new Error(ndjsonErrorMessage(parsed.errors));
      if (parsed.dispatches.length === 0) throw new Error(t('importEmpty'));
      try {
        return await corpus.import(parsed.dispatches, req.mode);
      } catch (err) {
        // The database's own reason is English and technical: the reader gets what happened and what to do.
        if (err instanceof ImportError && err.reason === 'quota') throw new Error(t('optImportQuota'));
        if (err instanceof ImportError && err.reason === 'invalid') throw err;
        throw new Error(t('optImportStoreFailed'));
      }
    },
  };
}
