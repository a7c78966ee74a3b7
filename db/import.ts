import type { Dispatch } from '../engine/index';
import type { ImportSummary } from '../messaging/protocol';
import { validateCorpus } from '../corpus/validate';
import type { RecoupeDB } from './recoupe-db';
import { rebuildSegments, indexWritten } from './segment-store';
import { toStored } from './stored-dispatch';

export type ImportFailure = 'invalid' | 'quota' | 'failed' | 'cancelled';

/** Why an import was refused; in every case the database is unchanged. */
export class ImportError extends Error {
  constructor(
    readonly reason: ImportFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** True when the browser refused a write for lack of space (Dexie wraps the DOMException in `inner`). */
export function isQuotaError(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { inner?: unknown }).inner) {
    if ((x as { name?: unknown }).name === 'QuotaExceededError') return true;
  }
  return false;
}

/**
 * Adds dispatches read from a file, all or nothing, and indexes them in the same transaction.
 * - 'extend': the file's dispatches are added; one with the id of a stored dispatch (bundled or
 *   imported) replaces it.
 * - 'replace': the corpus becomes the file's dispatches. Bundled and previously imported dispatches
 *   are removed, and later extension updates do not bring bundled ones back (see restoreBundled).
 * `added` counts ids new to the database, `updated` ids that were already there, `total` the
 * dispatches stored afterwards. Rejects with an ImportError, changing nothing, when a record is
 * invalid or the write fails (e.g. QuotaExceededError).
 */
export async function importDispatches(db: RecoupeDB, dispatches: Dispatch[], mode: 'extend' | 'replace'): Promise<ImportSummary> {
  if (dispatches.length === 0) throw new ImportError('invalid', 'Nothing was imported: there is no dispatch to import.');
  const errors = validateCorpus(
    dispatches.map((d, i) => ({ label: typeof d?.id === 'string' ? d.id : `#${i + 1}`, value: d })),
    'import',
  );
  if (errors.length > 0) {
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
    throw new ImportError('invalid', `Nothing was imported: ${errors.slice(0, 5).join('; ')}${more}.`);
  }

  const rows = dispatches.map((d) => toStored(d, 'imported'));
  try {
    return await db.transaction('rw', [db.dispatches, db.meta, db.segments, db.located], async () => {
      const before = await db.dispatches.bulkGet(rows.map((r) => r.id));
      const updated = before.filter((r) => r !== undefined).length;
      if (mode === 'replace') {
        // The corpus is replaced; the reader's reading memory stays.
        await db.dispatches.where('source').anyOf('bundled', 'imported').delete();
        await db.meta.put({ key: 'bundledExcluded', value: true });
      }
      await db.dispatches.bulkPut(rows);
      // A replacing import is a corpus of its own: one segment of it, the old ones dropped.
      if (mode === 'replace') await rebuildSegments(db);
      else await indexWritten(db, rows);
      return { added: rows.length - updated, updated, total: await db.dispatches.count() };
    });
  } catch (e) {
    if (isQuotaError(e)) {
      throw new ImportError('quota', 'Nothing was imported: the browser has no storage space left for this corpus.');
    }
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new ImportError('failed', `Nothing was imported: the database refused the write (${detail}).`);
  }
}
