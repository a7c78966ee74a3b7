import { siteSlug } from '../corpus/page-dispatch';
import type { Dispatch } from '../engine/index';
import type { RecoupeDB } from './recoupe-db';
import type { StoredDispatch } from './rows';
import { indexRemoved, indexWritten } from './segment-store';
import { toDispatch, toStored } from './stored-dispatch';

/**
 * The reader's reading memory: the articles they read, stored as corpus dispatches with the source
 * 'read', each write indexed in the transaction that makes it (one small segment, or tombstones).
 */

const TABLES = (db: RecoupeDB) => [db.dispatches, db.meta, db.segments, db.located];

/** Stores a page the reader read; reading it again updates its record (same id) instead of adding one. */
export async function rememberRead(db: RecoupeDB, dispatch: Dispatch, credits: readonly string[], readAt: Date, byline?: string): Promise<{ added: boolean }> {
  const read: NonNullable<Dispatch['read']> = { at: readAt.toISOString() };
  if (credits.length > 0) read.credits = [...credits];
  if (byline) read.byline = byline.slice(0, 200);
  const row = toStored({ ...dispatch, read }, 'read');
  return db.transaction('rw', TABLES(db), async () => {
    const before = await db.dispatches.get(row.id);
    // An id the reader imported or added by hand is theirs: memory never overwrites it.
    if (before && before.source !== 'read') return { added: false };
    await db.dispatches.put(row);
    await indexWritten(db, [row]);
    return { added: !before };
  });
}

/** Which remembered articles to forget: some by id, those of one site, those read before a date, or all. */
export type ForgetScope = { ids: string[] } | { site: string } | { before: Date } | { all: true };

/** The id prefix of the records of one site (see readDispatchId: "read-<site slug>-<hash>"). */
function sitePrefix(site: string): string {
  return `read-${siteSlug(site)}-`;
}

/** Forgets remembered articles (never an imported or bundled dispatch); returns how many. */
export async function forgetRead(db: RecoupeDB, scope: ForgetScope): Promise<number> {
  return db.transaction('rw', TABLES(db), async () => {
    let ids: string[];
    if ('ids' in scope) {
      const rows = await db.dispatches.bulkGet(scope.ids);
      ids = rows.filter((r) => r?.source === 'read').map((r) => r!.id);
    } else if ('site' in scope) {
      const prefix = sitePrefix(scope.site);
      ids = ((await db.dispatches.where('source').equals('read').primaryKeys()) as string[]).filter((id) => id.startsWith(prefix));
    } else if ('before' in scope) {
      ids = (await db.dispatches.where('readAt').below(scope.before.toISOString()).primaryKeys()) as string[];
    } else {
      ids = (await db.dispatches.where('source').equals('read').primaryKeys()) as string[];
    }
    if (ids.length === 0) return 0;
    await db.dispatches.bulkDelete(ids);
    await indexRemoved(db, ids);
    return ids.length;
  });
}

/** How many articles the memory holds. */
export function countRead(db: RecoupeDB): Promise<number> {
  return db.dispatches.where('source').equals('read').count();
}

/**
 * Keeps the memory within its limits: articles read more than `months` ago go, then the oldest
 * beyond `max`. Reads keys only (the readAt index), so it costs little at any size.
 */
export async function applyRetention(db: RecoupeDB, limits: { months: number; max: number }, now: Date): Promise<number> {
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - limits.months);
  let forgotten = await forgetRead(db, { before: cutoff });
  const over = (await countRead(db)) - limits.max;
  if (over > 0) {
    const oldest = (await db.dispatches.orderBy('readAt').limit(over).primaryKeys()) as string[];
    forgotten += await forgetRead(db, { ids: oldest });
  }
  return forgotten;
}

/**
 * The memory as NDJSON lines in the corpus import format, `limit` records at a time after the id
 * `after`, so that a large memory is exported in pieces.
 */
export async function exportReadPage(db: RecoupeDB, after: string | null, limit: number): Promise<{ lines: string[]; next: string | null }> {
  const keys = (await db.dispatches.where('source').equals('read').primaryKeys()) as string[];
  keys.sort();
  const start = after === null ? 0 : keys.findIndex((k) => k > after);
  const slice = start < 0 ? [] : keys.slice(start, start + limit);
  const rows = (await db.dispatches.bulkGet(slice)).filter((r): r is StoredDispatch => r !== undefined);
  const lines = rows.map((r) => JSON.stringify(toDispatch(r)));
  return { lines, next: start >= 0 && start + limit < keys.length ? slice[slice.length - 1] : null };
}
