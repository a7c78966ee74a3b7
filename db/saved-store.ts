import { comparisonKey, pageKey } from '../saved/record';
import type { AnchorStatus, SavedComparison } from '../saved/types';
import { ImportError } from './import';
import type { RecoupeDB } from './recoupe-db';
import { storageFailure } from './storage-failure';

/**
 * The reader's saved comparisons. Every write is one transaction over `saved` alone: a failure
 * (full disk, refused write) rejects with an ImportError and leaves the table as it was.
 */

async function write<T>(db: RecoupeDB, nothing: string, body: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', db.saved, body);
  } catch (e) {
    throw storageFailure(e, nothing);
  }
}

/**
 * Stores a new comparison; when the same comparison is already saved, keeps that one (its id and
 * date) and only adds the new note and tags, so saving twice never makes two records.
 */
export function saveComparison(db: RecoupeDB, record: SavedComparison): Promise<{ record: SavedComparison; created: boolean }> {
  return write(db, 'Nothing was saved', async () => {
    const key = comparisonKey(record);
    const same = (await db.saved.where('page.url').equals(record.page.url).toArray()).find((r) => comparisonKey(r) === key);
    if (!same) {
      await db.saved.add(record);
      return { record, created: true };
    }
    const tags = [...same.tags, ...record.tags.filter((t) => !same.tags.includes(t))];
    const note = record.note && record.note !== same.note ? (same.note ? `${same.note}\n\n${record.note}` : record.note) : same.note;
    if (note === same.note && tags.length === same.tags.length) return { record: same, created: false };
    const updated = { ...same, note, tags, updatedAt: record.savedAt };
    await db.saved.put(updated);
    return { record: updated, created: false };
  });
}

/** Every saved comparison, newest first. */
export async function listSaved(db: RecoupeDB): Promise<SavedComparison[]> {
  return db.saved.orderBy('savedAt').reverse().toArray();
}

/** The comparisons saved on this page (the fragment of the address does not matter). */
export async function savedForUrl(db: RecoupeDB, url: string): Promise<SavedComparison[]> {
  return db.saved.where('page.url').equals(pageKey(url)).toArray();
}

export function updateSaved(db: RecoupeDB, id: string, change: { note?: string; tags?: string[] }, now: Date): Promise<SavedComparison> {
  return write(db, 'Nothing was changed', async () => {
    const current = await db.saved.get(id);
    if (!current) throw new ImportError('invalid', 'Nothing was changed: this comparison is no longer saved.');
    const next: SavedComparison = { ...current, updatedAt: now.toISOString() };
    if (change.note !== undefined) next.note = change.note;
    if (change.tags !== undefined) next.tags = change.tags;
    await db.saved.put(next);
    return next;
  });
}

/** Deletes and returns the deleted records exactly, so that an undo can put them back. */
export function deleteSaved(db: RecoupeDB, ids: string[]): Promise<SavedComparison[]> {
  return write(db, 'Nothing was deleted', async () => {
    const rows = (await db.saved.bulkGet(ids)).filter((r): r is SavedComparison => r !== undefined);
    await db.saved.bulkDelete(rows.map((r) => r.id));
    return rows;
  });
}

/** Puts records back as they were (the undo of a delete). */
export function restoreSaved(db: RecoupeDB, records: SavedComparison[]): Promise<number> {
  return write(db, 'Nothing was restored', async () => {
    await db.saved.bulkPut(records);
    return records.length;
  });
}

/**
 * Adds records from an export, all or nothing. A record is skipped when its id is already saved or
 * when the same comparison is (see comparisonKey), including twice in the file.
 */
export function importSaved(db: RecoupeDB, records: SavedComparison[]): Promise<{ added: number; skipped: number }> {
  return write(db, 'Nothing was imported', async () => {
    const existing = await db.saved.toArray();
    const ids = new Set(existing.map((r) => r.id));
    const keys = new Set(existing.map(comparisonKey));
    const fresh: SavedComparison[] = [];
    for (const r of records) {
      const key = comparisonKey(r);
      if (ids.has(r.id) || keys.has(key)) continue;
      ids.add(r.id);
      keys.add(key);
      fresh.push(r);
    }
    if (fresh.length > 0) await db.saved.bulkAdd(fresh);
    return { added: fresh.length, skipped: records.length - fresh.length };
  });
}

/** Records how each passage was found on the latest visit; unknown ids are ignored. */
export function recordAnchors(db: RecoupeDB, results: { id: string; status: AnchorStatus }[], now: Date): Promise<number> {
  return write(db, 'Nothing was recorded', async () => {
    const rows = await db.saved.bulkGet(results.map((r) => r.id));
    const at = now.toISOString();
    const changed = rows.flatMap((row, i) => (row ? [{ ...row, lastAnchor: { status: results[i].status, at } }] : []));
    if (changed.length > 0) await db.saved.bulkPut(changed);
    return changed.length;
  });
}
