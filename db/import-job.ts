import { buildSegment, dispatchText } from '../engine/index';
import type { ImportSummary } from '../messaging/protocol';
import { ImportError } from './import';
import type { RecoupeDB } from './recoupe-db';
import type { ImportJob, SegmentManifest, StoredDispatch } from './rows';
import { deleteSegments, encodeSegmentBlobs, readSegmentDocIds, requireManifest, segmentRows, tombstone, writeManifest } from './segment-store';

/**
 * An import read in batches, all or nothing. Each batch is one short transaction: its dispatches
 * new to the corpus go straight to `dispatches`, new versions of stored ones wait in `staged`,
 * and one segment of the batch is stored but not made live. Nothing of it is matched, listed or
 * counted before the commit, which makes the batch segments live in one transaction; a cancel,
 * or the next start after an interruption, deletes what the batches wrote. Readers keep working
 * between batches, and a file of any size never has to be in memory at once.
 */

const TABLES = (db: RecoupeDB) => [db.dispatches, db.staged, db.meta, db.segments, db.located];

async function currentJob(db: RecoupeDB): Promise<ImportJob | null> {
  const row = await db.meta.get('importJob');
  return row?.key === 'importJob' ? row.value : null;
}

async function requireJob(db: RecoupeDB, job: string): Promise<ImportJob> {
  const found = await currentJob(db);
  if (!found || found.job !== job) throw new ImportError('cancelled', 'This import was cancelled or interrupted; nothing of it was kept.');
  return found;
}

/** Starts an import; one that was running (a closed page, an interrupted worker) is cancelled first. */
export async function beginImport(db: RecoupeDB, mode: 'extend' | 'replace'): Promise<string> {
  const job = `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  await db.transaction('rw', TABLES(db), async () => {
    await dropJob(db);
    await requireManifest(db);
    await db.meta.put({ key: 'importJob', value: { job, mode, segments: [], count: 0 } });
  });
  return job;
}

/** Stores one batch of an import (already validated) and its segment; returns the dispatches staged so far. */
export async function stageImport(db: RecoupeDB, job: string, rows: readonly StoredDispatch[]): Promise<number> {
  if (rows.length === 0) return (await requireJob(db, job)).count;
  // Built before the transaction opens: the transaction stays short, readers are not kept waiting.
  const segment = buildSegment('batch', rows.map((r) => ({ id: r.id, text: dispatchText(r), date: r.date, language: r.language })));
  const halves = encodeSegmentBlobs(segment);
  return db.transaction('rw', TABLES(db), async () => {
    const state = await requireJob(db, job);
    const live = await db.located.bulkGet(rows.map((r) => r.id));
    const updates = rows.filter((_, i) => live[i] !== undefined);
    const fresh = rows.filter((_, i) => live[i] === undefined);
    if (updates.length > 0) await db.staged.bulkPut(updates.map((row) => ({ id: row.id, row })));
    if (fresh.length > 0) await db.dispatches.bulkPut(fresh);
    const manifest = await requireManifest(db);
    const id = `seg-${manifest.next++}`;
    await writeManifest(db, manifest);
    await db.segments.bulkPut(segmentRows(id, halves));
    state.segments.push(id);
    state.count += rows.length;
    await db.meta.put({ key: 'importJob', value: state });
    return state.count;
  });
}

/** Makes an import's batches the corpus ('replace') or part of it ('extend'), in one transaction. */
export async function commitImport(db: RecoupeDB, job: string): Promise<ImportSummary> {
  return db.transaction('rw', TABLES(db), async () => {
    const state = await requireJob(db, job);
    if (state.count === 0) throw new ImportError('invalid', 'Nothing was imported: there is no dispatch to import.');
    const manifest = await requireManifest(db);
    // The batches' ids only: their indexes stay on disk.
    const docIds = await readSegmentDocIds(db, state.segments);
    if (docIds.length !== state.segments.length) throw new Error('The corpus index is damaged: a segment of this import is missing.');
    const segments = state.segments.map((id, i) => ({ id, text: { ids: docIds[i] } }));
    const ids = docIds.flat();
    const staged = await db.staged.toArray();
    const updated = staged.length;
    // A replacing import replaces the corpus, not the reader's reading memory.
    const old = state.mode === 'replace' ? ((await db.dispatches.where('source').anyOf('bundled', 'imported').primaryKeys()) as string[]) : [];
    await tombstone(db, manifest, [...ids, ...old]);
    if (state.mode === 'replace') {
      const keep = new Set(ids);
      await db.dispatches.bulkDelete(old.filter((id) => !keep.has(id)));
      await db.meta.put({ key: 'bundledExcluded', value: true });
    }
    if (staged.length > 0) await db.dispatches.bulkPut(staged.map((s) => s.row));
    await db.staged.clear();
    await makeLive(db, manifest, segments);
    await writeManifest(db, manifest);
    await db.meta.delete('importJob');
    const total = manifest.live.reduce((n, l) => n + l.docs - l.removed.length, 0);
    return { added: ids.length - updated, updated, total };
  });
}

/** Cancels an import (or whichever runs, without `job`): what its batches wrote is deleted. */
export async function cancelImport(db: RecoupeDB, job?: string): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    const state = await currentJob(db);
    if (state && (job === undefined || state.job === job)) await dropJob(db);
  });
}

/** Adds the batch segments to the manifest; a dispatch in two batches stays live in the later one only. */
async function makeLive(db: RecoupeDB, manifest: SegmentManifest, segments: readonly { id: string; text: { ids: string[] } }[]): Promise<void> {
  const where = new Map<string, { entry: SegmentManifest['live'][number]; at: number }>();
  for (const segment of segments) {
    const entry = { id: segment.id, docs: segment.text.ids.length, removed: [] as number[] };
    manifest.live.push(entry);
    segment.text.ids.forEach((id, at) => {
      const earlier = where.get(id);
      if (earlier) earlier.entry.removed.push(earlier.at);
      where.set(id, { entry, at });
    });
  }
  await db.located.bulkPut([...where].map(([id, { entry, at }]) => ({ id, seg: entry.id, at })));
}

/** Deletes what the running import wrote: its segments, its staged rows and its dispatches not live. */
async function dropJob(db: RecoupeDB): Promise<void> {
  const state = await currentJob(db);
  if (!state) return;
  const ids = [...new Set((await readSegmentDocIds(db, state.segments)).flat())];
  const live = await db.located.bulkGet(ids);
  await db.dispatches.bulkDelete(ids.filter((_, i) => live[i] === undefined));
  await deleteSegments(db, state.segments);
  await db.staged.clear();
  await db.meta.delete('importJob');
}
