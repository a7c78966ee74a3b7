import {
  buildSegment,
  dispatchText,
  FACTS_RULES_VERSION,
  INDEX_VERSION,
  SegmentSet,
  type FactsDoc,
  type MergePolicy,
  type Segment,
} from '../engine/index';
import type { PackedText } from '../engine/segments/packed-text';
import { decodeSegment, decodeSegmentHalves, decodeTextHalf, hasEarlierTextLayout, isSegmentHalf, segmentDocIds } from '../engine/segments/segment-codec';
import { decodeTextSample } from '../engine/segments/sample-codec';
import type { TextSample } from '../engine/segments/text-sample';
import { encodeSegmentBlobs, sampleKey, writeMissingSamples, type SegmentBlobs } from './segment-samples';

export { encodeSegmentBlobs, sampleKey, type SegmentBlobs } from './segment-samples';
import type { RecoupeDB } from './recoupe-db';
import type { SegmentManifest, SegmentRow, StoredDispatch } from './rows';

/**
 * The segmented corpus index in IndexedDB. A write to the corpus adds one small segment (the
 * dispatches written) or tombstones (the positions removed), in the transaction that writes the
 * dispatches, with the manifest of live segments; merges run afterwards, building the merged
 * segment outside any transaction and switching the manifest in one: a worker stopped mid-merge
 * leaves the index as it was before the merge.
 */

export const SEGMENTS_VERSION = `${INDEX_VERSION}/${FACTS_RULES_VERSION}`;

/** What indexing a stored dispatch reads of it. */
export function docOf(row: StoredDispatch): FactsDoc {
  return { id: row.id, text: dispatchText(row), date: row.date, language: row.language };
}

/**
 * A segment is stored as two rows: its text index under its id, its facts index under factsKey(id),
 * so that a cold worker reads the text indexes first and highlights copied text before the facts
 * indexes are read. Rows of earlier layouts (one blob holding both) are still read, and stored
 * again as halves once.
 */
export function factsKey(segId: string): string {
  return `${segId}#facts`;
}

/** The rows of a segment, to put in the segments table, from the segment or its blobs already encoded. */
export function segmentRows(segId: string, segment: Segment | SegmentBlobs): SegmentRow[] {
  const { text, facts, sample } = segment.text instanceof ArrayBuffer ? (segment as SegmentBlobs) : encodeSegmentBlobs(segment as Segment);
  return [
    { id: segId, blob: text },
    { id: factsKey(segId), blob: facts },
    { id: sampleKey(segId), blob: sample },
  ];
}

/** Deletes the rows of these segments (halves and sample, or the one blob of an earlier layout). */
export async function deleteSegments(db: RecoupeDB, segIds: readonly string[]): Promise<void> {
  await db.segments.bulkDelete(segIds.flatMap((id) => [id, factsKey(id), sampleKey(id)]));
}

/** The manifest of live segments and their tombstones, or null before the segments are built. */
export async function readManifest(db: RecoupeDB): Promise<SegmentManifest | null> {
  const row = await db.meta.get('segments');
  return row?.key === 'segments' ? row.value : null;
}

export async function writeManifest(db: RecoupeDB, value: SegmentManifest): Promise<void> {
  await db.meta.put({ key: 'segments', value });
}

/** True when the segmented index exists and was built by this engine (layout and word lists). */
export async function hasCurrentSegments(db: RecoupeDB): Promise<boolean> {
  return (await readManifest(db))?.version === SEGMENTS_VERSION;
}

/**
 * Replaces the segmented index by one segment of every stored dispatch. Call inside a rw
 * transaction over dispatches, meta, segments and located.
 */
export async function rebuildSegments(db: RecoupeDB): Promise<void> {
  const rows = await db.dispatches.toArray();
  await Promise.all([db.segments.clear(), db.located.clear()]);
  const manifest: SegmentManifest = { version: SEGMENTS_VERSION, live: [], next: 1 };
  if (rows.length > 0) await putSegment(db, manifest, rows);
  await writeManifest(db, manifest);
}

/** Builds the segmented index when it is missing or was built by another engine. */
export async function ensureSegments(db: RecoupeDB): Promise<void> {
  await db.transaction('rw', [db.dispatches, db.meta, db.segments, db.located], async () => {
    if (!(await hasCurrentSegments(db))) await rebuildSegments(db);
  });
}

/**
 * Indexes dispatches just stored (new or updated) as one new segment; the earlier copy of an
 * updated one becomes a tombstone. Call inside the rw transaction that wrote the rows, over meta,
 * segments and located too.
 */
export async function indexAdded(db: RecoupeDB, rows: readonly StoredDispatch[]): Promise<void> {
  if (rows.length === 0) return;
  const manifest = await requireManifest(db);
  await tombstone(db, manifest, rows.map((r) => r.id));
  await putSegment(db, manifest, rows);
  await writeManifest(db, manifest);
}

/** Tombstones removed dispatches. Call inside the rw transaction that deleted the rows. */
export async function indexRemoved(db: RecoupeDB, ids: readonly string[]): Promise<void> {
  if (!(await hasCurrentSegments(db))) return rebuildSegments(db);
  const manifest = await requireManifest(db);
  if ((await tombstone(db, manifest, ids)) > 0) await writeManifest(db, manifest);
}

/** The live segments, decoded, ready for match and alignFacts (see SegmentSet's views). */
export async function loadSegmentSet(db: RecoupeDB, policy?: MergePolicy): Promise<SegmentSet> {
  const { manifest, fresh } = await readLive(db, new Set());
  return new SegmentSet(
    manifest.live.map((l, i) => ({ segment: fresh[i], removed: l.removed })),
    policy,
  );
}

/**
 * The manifest and, decoded, the live segments not in `have`, read in one transaction so that
 * they agree: a worker that holds segments in memory reads only those written since.
 */
export async function readLive(db: RecoupeDB, have: ReadonlySet<string>): Promise<{ manifest: SegmentManifest; fresh: Segment[] }> {
  const read = await db.transaction('r', db.meta, db.segments, async () => {
    const manifest = await requireManifest(db);
    const rows = await readRows(db, manifest.live.map((l) => l.id).filter((id) => !have.has(id)));
    return { manifest, fresh: rows.map((r) => r.segment), legacy: rows.filter((r) => r.legacy).map((r) => r.segment) };
  });
  if (read.legacy.length > 0) await repack(db, read.legacy);
  await writeMissingSamples(db, read.fresh.filter((s) => !read.legacy.includes(s)));
  return { manifest: read.manifest, fresh: read.fresh };
}

/**
 * The dispatch ids of these segments, in order, read from their text halves' headers: what an
 * import's commit needs of its batches, without reading their facts indexes. Missing ones are skipped.
 */
export async function readSegmentDocIds(db: RecoupeDB, ids: readonly string[]): Promise<string[][]> {
  const rows = await db.segments.bulkGet([...ids]);
  return rows.flatMap((row) => (row ? [segmentDocIds(row.blob)] : []));
}

/** These segments, decoded; a missing one is an error (the manifest names only stored segments). */
export async function readSegments(db: RecoupeDB, ids: readonly string[]): Promise<Segment[]> {
  return (await readRows(db, ids)).map((r) => r.segment);
}

async function readRows(db: RecoupeDB, ids: readonly string[]): Promise<{ segment: Segment; legacy: boolean }[]> {
  const rows = await db.segments.bulkGet(ids.flatMap((id) => [id, factsKey(id)]));
  return ids.map((id, i) => {
    const text = rows[2 * i];
    const facts = rows[2 * i + 1];
    if (!text) throw new Error(`The corpus index is damaged: segment "${id}" is missing.`);
    if (!isSegmentHalf(text.blob)) return { segment: { ...decodeSegment(text.blob), id }, legacy: true };
    if (!facts) throw new Error(`The corpus index is damaged: the facts of segment "${id}" are missing.`);
    // A text half in the earlier block layout is repacked as it is read: stored again once, repacked.
    return { segment: { ...decodeSegmentHalves(text.blob, facts.blob), id }, legacy: hasEarlierTextLayout(text.blob) };
  });
}

/**
 * The manifest and the text indexes of the live segments, read together: what a cold worker needs
 * to find copied text, without the facts indexes (see factsKey).
 */
export async function readLiveText(db: RecoupeDB): Promise<{ manifest: SegmentManifest; texts: { id: string; text: PackedText }[] }> {
  const read = await db.transaction('r', db.meta, db.segments, async () => {
    const manifest = await requireManifest(db);
    const ids = manifest.live.map((l) => l.id);
    const rows = await db.segments.bulkGet(ids);
    const texts = rows.map((row, i) => {
      if (!row) throw new Error(`The corpus index is damaged: segment "${ids[i]}" is missing.`);
      return { id: ids[i], text: decodeTextHalf(row.blob).text };
    });
    return { manifest, texts };
  });
  await writeMissingSamples(db, read.texts);
  return read;
}

/**
 * The manifest and the samples of the live segments (see TextSample), read together in one
 * bulkGet: what a cold worker reads first. Null when a live segment has no sample yet (stored
 * before samples existed: readLive and readLiveText write it).
 */
export async function readLiveSamples(db: RecoupeDB): Promise<{ manifest: SegmentManifest; samples: { id: string; sample: TextSample }[] } | null> {
  return db.transaction('r', db.meta, db.segments, async () => {
    const manifest = await requireManifest(db);
    const ids = manifest.live.map((l) => l.id);
    const rows = await db.segments.bulkGet(ids.map(sampleKey));
    if (rows.some((row) => !row)) return null;
    return { manifest, samples: rows.map((row, i) => ({ id: ids[i], sample: decodeTextSample(row!.blob).sample })) };
  });
}

/**
 * Stores segments read from blobs of earlier layouts (one blob for both indexes; the first one
 * with plain text arrays; text halves in the earlier block layout) again as two halves, once, so that a cold worker can read their text
 * indexes alone. Same content under the same id: a reader holding the old copy holds the same
 * index. A segment a merge replaced meanwhile is left gone.
 */
async function repack(db: RecoupeDB, segments: readonly Segment[]): Promise<void> {
  for (const segment of segments) {
    const rows = segmentRows(segment.id, segment);
    await db.transaction('rw', db.segments, async () => {
      if ((await db.segments.where(':id').equals(segment.id).count()) > 0) await db.segments.bulkPut(rows);
    });
  }
}

/**
 * Indexes dispatches just written: one new segment when the segments are current, otherwise a
 * rebuild of them all (the first write after an engine update). Same transaction rules as indexAdded.
 */
export async function indexWritten(db: RecoupeDB, rows: readonly StoredDispatch[]): Promise<void> {
  if (await hasCurrentSegments(db)) await indexAdded(db, rows);
  else await rebuildSegments(db);
}

export async function requireManifest(db: RecoupeDB): Promise<SegmentManifest> {
  const manifest = await readManifest(db);
  if (!manifest) throw new Error('The segmented corpus index is missing: build it first (ensureSegments).');
  return manifest;
}

async function putSegment(db: RecoupeDB, manifest: SegmentManifest, rows: readonly StoredDispatch[]): Promise<void> {
  const id = `seg-${manifest.next++}`;
  const segment = buildSegment(id, rows.map(docOf));
  await db.segments.bulkPut(segmentRows(id, segment));
  await db.located.bulkPut(segment.text.ids.map((doc, at) => ({ id: doc, seg: id, at })));
  manifest.live.push({ id, docs: segment.text.ids.length, removed: [] });
}

/** Marks the live copies of these dispatches removed; returns how many there were. */
export async function tombstone(db: RecoupeDB, manifest: SegmentManifest, ids: readonly string[]): Promise<number> {
  const found = (await db.located.bulkGet([...ids])).filter((l) => l !== undefined);
  if (found.length === 0) return 0;
  // Sets, not array scans: a re-import can tombstone a hundred thousand dispatches at once.
  const bySeg = new Map(manifest.live.map((s) => [s.id, { seg: s, removed: new Set(s.removed) }]));
  for (const l of found) {
    const entry = bySeg.get(l.seg);
    if (entry && !entry.removed.has(l.at)) {
      entry.removed.add(l.at);
      entry.seg.removed.push(l.at);
    }
  }
  await db.located.bulkDelete(found.map((l) => l.id));
  return found.length;
}
