import type { RecoupeDB } from '../db/recoupe-db';
import {
  deleteSaved,
  importSaved,
  listSaved,
  recordAnchors,
  restoreSaved,
  saveComparison,
  savedForUrl,
  updateSaved,
} from '../db/saved-store';
import { anchorPassage } from '../anchoring/anchor';
import { StorageFailure } from '../db/storage-failure';
import { t } from '../i18n/t';
import type { Caller, Handlers } from '../messaging/server';
import { parseJsonExport, toJsonExport } from '../saved/export-json';
import { toMarkdown } from '../saved/markdown';
import { buildSaved, cleanNote, cleanTags } from '../saved/record';
import { searchSaved } from '../saved/search';
import type { SavedComparison } from '../saved/types';
import type { SavedAnchor } from '../messaging/protocol';
import { toSavedRecord, validateSaved } from '../saved/validate';
import type { OpenLimit } from './open-limit';
import type { TabResults } from './tab-results';

export type SavedMessage =
  | 'save-comparison'
  | 'list-saved'
  | 'update-saved'
  | 'delete-saved'
  | 'restore-saved'
  | 'export-saved'
  | 'import-saved'
  | 'saved-for-url'
  | 'open-saved';

export interface SavedDeps {
  db: RecoupeDB;
  tabs: Pick<TabResults, 'shown'>;
  now(): Date;
  newId(): string;
  /** Opens the Saved view in a tab, at the comparison `id` when given. */
  openSaved(id?: string): Promise<void>;
  /** Views a page tab may open (shared with the comparison's opening); extension pages are not limited. */
  openLimit?: Pick<OpenLimit, 'allow'>;
  /** Where a failure that must not stop the page's marks is reported. */
  warn?(message: string, err: unknown): void;
}

/** Checks records coming back from a page (undo) the way an imported file is checked. */
function validRecords(items: unknown): SavedComparison[] {
  if (!Array.isArray(items)) throw new Error('Nothing was restored: no list of comparisons.');
  const errors = items.flatMap((item, i) => validateSaved(item, t('savedItemLabel', { n: i + 1 })));
  if (errors.length > 0) throw new Error(`Nothing was restored: ${errors.slice(0, 5).join('; ')}.`);
  return (items as SavedComparison[]).map(toSavedRecord);
}

/** A refused write in the reader's language; the store has already rolled it back. */
function worded(err: unknown): never {
  if (err instanceof StorageFailure) throw new Error(err.reason === 'quota' ? t('savedErrorQuota') : t('savedErrorFailed', { detail: err.detail }));
  throw err;
}

/**
 * The tab whose passage is saved: a content script's own, whatever tab it names; the one an
 * extension page names (the side panel shows another tab than its own).
 */
function tabOf(req: { tabId?: unknown }, caller: Caller): number {
  const id = caller.kind === 'content-script' ? caller.tab.id : req.tabId;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw new Error('save-comparison needs a tab: from a page, or with tabId.');
  return id;
}

/**
 * A record as a page's content script gets it: without the reader's note and tags, which are the
 * reader's own words about the page and which the page's code has no use for (it marks passages).
 */
function forPage(record: SavedComparison): SavedComparison {
  return { ...record, note: '', tags: [] };
}

/**
 * The comparisons saved on a page (`url`: the address the browser gives for the sending frame,
 * never the request's), each found again in its article text; the outcome is stored with each
 * record. Never fails: the page's highlights matter more than its saved marks, so a failure is
 * reported through `warn` and the page gets none.
 */
export async function savedMarks(deps: Pick<SavedDeps, 'db' | 'now' | 'warn'>, url: string, text: string): Promise<SavedAnchor[]> {
  try {
    const records = await savedForUrl(deps.db, url);
    if (records.length === 0) return [];
    const at = deps.now();
    const found = records.map((record) => {
      const anchor = anchorPassage(text, record.passage.quote, record.passage.position);
      return { record: { ...forPage(record), lastAnchor: { status: anchor.status, at: at.toISOString() } }, anchor };
    });
    // The marks matter more than the bookkeeping: a full disk must not keep them off the page.
    await recordAnchors(deps.db, found.map((f) => ({ id: f.record.id, status: f.anchor.status })), at).catch((err: unknown) =>
      deps.warn?.('Recoupe: could not record how saved passages were found', err),
    );
    return found;
  } catch (err) {
    deps.warn?.('Recoupe: could not read the comparisons saved on a page', err);
    return [];
  }
}

/**
 * Saved comparisons: the record is built here from the tab's cached result, so what is stored is
 * what the engine found, whichever view asked.
 */
export function savedHandlers(deps: SavedDeps): Pick<Handlers, SavedMessage> {
  const { db } = deps;
  const handlers: Pick<Handlers, SavedMessage> = {
    async 'save-comparison'(req, caller) {
      const result = deps.tabs.shown(tabOf(req, caller));
      if (!result) throw new Error(t('savedErrorGone'));
      const saved = await saveComparison(db, buildSaved(result, req.passage, { note: req.note, tags: req.tags }, deps.newId(), deps.now()));
      return caller.kind === 'content-script' ? { ...saved, record: forPage(saved.record) } : saved;
    },
    'list-saved': async (req) => searchSaved(await listSaved(db), req),
    'update-saved': (req) =>
      updateSaved(db, req.id, { note: req.note === undefined ? undefined : cleanNote(req.note), tags: req.tags === undefined ? undefined : cleanTags(req.tags) }, deps.now()),
    'delete-saved': async (req) => ({ deleted: await deleteSaved(db, req.ids) }),
    'restore-saved': async (req) => ({ restored: await restoreSaved(db, validRecords(req.items)) }),
    async 'export-saved'(req) {
      const all = await listSaved(db);
      const wanted = req.ids ? new Set(req.ids) : null;
      const records = wanted ? all.filter((r) => wanted.has(r.id)) : all;
      return req.format === 'markdown' ? toMarkdown(records, deps.now()) : toJsonExport(records, deps.now());
    },
    async 'import-saved'(req) {
      const parsed = parseJsonExport(req.text);
      if (!parsed.ok) throw new Error(parsed.error);
      const summary = await importSaved(db, parsed.items);
      return { ...summary, textOnly: parsed.textOnly };
    },
    'saved-for-url': (req) => savedForUrl(db, req.url),
    async 'open-saved'(req, { tab }) {
      if (deps.openLimit && !deps.openLimit.allow(tab.id)) return null;
      // An id is only ever a record's (a UUID); anything else opens the view at its top.
      const id = typeof req?.id === 'string' && /^[\w-]{1,64}$/.test(req.id) ? req.id : undefined;
      await deps.openSaved(id);
      return null;
    },
  };
  // Every handler's storage failures are worded for the reader.
  for (const key of Object.keys(handlers) as SavedMessage[]) {
    const handle = handlers[key] as (req: unknown, caller: Caller) => unknown;
    (handlers as Record<SavedMessage, unknown>)[key] = (req: unknown, caller: Caller) => Promise.resolve(handle(req, caller)).catch(worded);
  }
  return handlers;
}
