import { buildIndex, dispatchText, INDEX_VERSION, type CorpusIndex } from '../engine/index';
import type { RecoupeDB } from './recoupe-db';

/**
 * Rebuilds the matching index from every dispatch in the database and stores it. Call inside a
 * rw transaction over `dispatches` and `meta`, so the index always describes the stored corpus.
 */
export async function rebuildIndex(db: RecoupeDB): Promise<void> {
  const rows = await db.dispatches.toArray();
  // Primary-key order, so the same corpus always gives the same index.
  const index = buildIndex(rows.map((d) => ({ id: d.id, text: dispatchText(d) })));
  await db.meta.put({ key: 'index', value: index });
  await db.meta.put({ key: 'indexVersion', value: INDEX_VERSION });
}

/** True when a stored index exists and was built by this engine's index layout. */
export async function hasCurrentIndex(db: RecoupeDB): Promise<boolean> {
  const [row, count] = await Promise.all([db.meta.get('indexVersion'), db.meta.where('key').equals('index').count()]);
  return count > 0 && row?.value === INDEX_VERSION;
}

/** The stored index, ready for the engine. */
export async function loadIndex(db: RecoupeDB): Promise<CorpusIndex> {
  const row = await db.meta.get('index');
  if (!row || row.key !== 'index') throw new Error('The corpus index is missing: the corpus has not been seeded yet.');
  return row.value;
}
