import { ImportError, isQuotaError } from './import';
import type { RecoupeDB } from './recoupe-db';
import { indexRemoved } from './segment-store';

function failure(e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  if (isQuotaError(e)) return new ImportError('quota', 'Nothing was removed: the browser has no storage space left to update the index.');
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new ImportError('failed', `Nothing was removed: the database refused the write (${detail}).`);
}

/**
 * Removes dispatches the reader added (imported or added from a page) and tombstones them in the index, in
 * one transaction. Bundled dispatches are refused: they come back with every update, so the way
 * to leave them out is a replacing import. Unknown ids are skipped.
 */
export async function removeImported(db: RecoupeDB, ids: string[]): Promise<{ removed: number; total: number }> {
  try {
    return await db.transaction('rw', [db.dispatches, db.meta, db.segments, db.located], async () => {
      const rows = (await db.dispatches.bulkGet(ids)).filter((r) => r !== undefined);
      const bundled = rows.filter((r) => r.source === 'bundled').map((r) => r.id);
      if (bundled.length > 0) {
        throw new ImportError('invalid', `Nothing was removed: bundled dispatches cannot be removed one by one (${bundled.join(', ')}).`);
      }
      if (rows.length > 0) {
        await db.dispatches.bulkDelete(rows.map((r) => r.id));
        await indexRemoved(db, rows.map((r) => r.id));
      }
      return { removed: rows.length, total: await db.dispatches.count() };
    });
  } catch (e) {
    throw failure(e);
  }
}
