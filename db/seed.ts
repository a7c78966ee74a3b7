import type { Dispatch } from '../engine/index';
import type { RecoupeDB } from './recoupe-db';
import type { StoredDispatch } from './rows';
import { hasCurrentSegments, indexRemoved, indexWritten, rebuildSegments } from './segment-store';
import { sameStored, toStored } from './stored-dispatch';

/** Meta rows of the whole-corpus indexes that releases before the segmented index stored. */
const LEGACY_KEYS = ['index', 'indexVersion', 'factsIndex', 'factsRules'];

/**
 * Brings the bundled corpus in the database to `version`, on install and on every update.
 * Idempotent: when the stored version is `version` and the segmented index is current it writes
 * nothing (an engine update that changes the index layout or the facts word lists rebuilds it).
 * Otherwise it adds or updates the shipped records that changed, removes bundled records no longer
 * shipped, keeps imported records (an imported record wins over a bundled one with the same id),
 * indexes what changed and records the version, all in one transaction: on failure the database is
 * left as it was. Whole-corpus index rows of earlier releases are dropped: the segments replace them. Concurrent calls are serialised by IndexedDB; the later one then finds nothing to do.
 * The reader's settings are outside the transaction and never touched.
 */
export async function ensureSeeded(db: RecoupeDB, bundled: Dispatch[], version: string): Promise<void> {
  const ids = new Set<string>();
  for (const d of bundled) {
    if (ids.has(d.id)) throw new Error(`The bundled corpus lists dispatch "${d.id}" twice.`);
    ids.add(d.id);
  }

  await db.transaction('rw', [db.dispatches, db.meta, db.segments, db.located], async () => {
    const [stored, indexOk, legacy] = await Promise.all([
      db.meta.get('corpusVersion'),
      hasCurrentSegments(db),
      db.meta.where('key').anyOf(LEGACY_KEYS).primaryKeys(),
    ]);
    if (legacy.length > 0) await db.meta.bulkDelete(legacy);
    if (stored?.value === version && indexOk) return;

    // After a replacing import the reader's file is the corpus: updates leave bundled dispatches out.
    const excluded = (await db.meta.get('bundledExcluded')) !== undefined;
    const shipped = excluded ? [] : bundled;
    const shippedIds = new Set(shipped.map((d) => d.id));

    const bundledIds = (await db.dispatches.where('source').equals('bundled').primaryKeys()) as string[];
    const gone = bundledIds.filter((id) => !shippedIds.has(id));

    const current = await db.dispatches.bulkGet(shipped.map((d) => d.id));
    const changed: StoredDispatch[] = [];
    shipped.forEach((d, i) => {
      const row = toStored(d, 'bundled');
      const cur = current[i];
      if (cur && cur.source !== 'bundled') return;
      if (!cur || !sameStored(cur, row)) changed.push(row);
    });

    if (gone.length > 0) await db.dispatches.bulkDelete(gone);
    if (changed.length > 0) await db.dispatches.bulkPut(changed);
    if (!indexOk) await rebuildSegments(db);
    else {
      if (gone.length > 0) await indexRemoved(db, gone);
      if (changed.length > 0) await indexWritten(db, changed);
    }
    if (stored?.value !== version) await db.meta.put({ key: 'corpusVersion', value: version });
  });
}

/**
 * Undoes a replacing import: removes imported dispatches, brings the bundled corpus back and
 * indexes them, in one transaction.
 */
export async function restoreBundled(db: RecoupeDB, bundled: Dispatch[], version: string): Promise<void> {
  await db.transaction('rw', [db.dispatches, db.meta, db.segments, db.located], async () => {
    const imported = (await db.dispatches.where('source').equals('imported').primaryKeys()) as string[];
    await db.dispatches.bulkDelete(imported);
    await indexRemoved(db, imported);
    // Without a version, ensureSeeded brings the bundled dispatches back and indexes them.
    await db.meta.bulkDelete(['bundledExcluded', 'corpusVersion']);
    await ensureSeeded(db, bundled, version);
  });
}
