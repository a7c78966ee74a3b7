import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { buildFactsIndex, buildIndex, buildSegment, dispatchText, type Dispatch } from '../engine/index';
import { encodeLegacySegment, encodeSegmentHalves } from '../engine/segments/segment-codec';
import { compareIds } from '../engine/segments/text-view';
import { ensureSeeded } from './index';
import type { RecoupeDB } from './recoupe-db';
import type { SegmentManifest } from './rows';
import { mergeStep } from './segment-merge';
import { encodeSegmentBlobs } from './segment-samples';
import { docOf, ensureSegments, factsKey, loadSegmentSet, readManifest, sampleKey } from './segment-store';
import { dispatch, testDb, write } from './test-support';

const POLICY = { perTier: 3, floorDocs: 2, maxDeletedShare: 0.3, maxMergeDocs: 4096 };

function mine(from: number, n: number): Dispatch[] {
  return Array.from({ length: n }, (_, j) => {
    const i = from + j;
    const base = bundledCorpus[i % bundledCorpus.length];
    // Ids spread over the bundled ones, so the merged segments interleave them.
    return dispatch(`${base.id}-${i}`, [`Note ${i} du lecteur.`, ...base.paragraphs.slice(i % 2)], { date: base.date, language: base.language });
  });
}

/** Small segments with removals and an update, ready for the merges the policy asks for. */
async function smallSegments(): Promise<RecoupeDB> {
  const { db } = testDb();
  await ensureSeeded(db, bundledCorpus, corpusVersion);
  await ensureSegments(db);
  const extra = mine(0, 9);
  for (let i = 0; i < extra.length; i += 3) await write(db, extra.slice(i, i + 3), i === 3 ? [extra[1].id, bundledCorpus[2].id] : []);
  await write(db, [{ ...extra[4], paragraphs: ['Un tout autre texte, écrit par le lecteur.'] }]);
  return db;
}

/** The stored rows of the segment a merge made equal those of the segment built from its live dispatches. */
async function expectBuiltRows(db: RecoupeDB, segId: string): Promise<void> {
  const ids = (await db.located.where('seg').equals(segId).primaryKeys()) as string[];
  const rows = (await db.dispatches.bulkGet(ids)).map((r) => docOf(r!));
  // A merge encodes its segment before the switch names it: its blobs' headers say 'merged'.
  const built = encodeSegmentBlobs(buildSegment('merged', rows));
  const stored = await db.segments.bulkGet([segId, factsKey(segId), sampleKey(segId)]);
  expect(stored.map((r) => new Uint8Array(r!.blob))).toEqual([built.text, built.facts, built.sample].map((b) => new Uint8Array(b)));
}

describe('merges of stored segments', () => {
  it('store the segment a build of their live dispatches makes, from the segments alone', { timeout: 120_000 }, async () => {
    const db = await smallSegments();
    // The merge reads no dispatch: its segment comes from the segments' own indexes.
    const bulkGet = db.dispatches.bulkGet.bind(db.dispatches);
    let read = 0;
    db.dispatches.bulkGet = ((keys: string[]) => ((read += keys.length), bulkGet(keys))) as typeof db.dispatches.bulkGet;
    const done = await mergeStep(db, POLICY);
    db.dispatches.bulkGet = bulkGet;
    expect(done).not.toBeNull();
    expect(read).toBe(0);
    const manifest = (await readManifest(db)) as SegmentManifest;
    await expectBuiltRows(db, manifest.live.at(-1)!.id);
  });

  it('analyse the texts again when a segment was stored under earlier word lists or in the first layout', { timeout: 120_000 }, async () => {
    const db = await smallSegments();
    const held = (await loadSegmentSet(db)).list().map((l) => l.segment);
    const byId = new Map((await db.dispatches.toArray()).map((r) => [r.id, docOf(r)]));
    // One segment's facts half as an engine of other word lists stored it, another in the first layout.
    const [older, first] = held.slice(-2);
    const halves = encodeSegmentHalves({ ...older, facts: { ...older.facts, rules: 'older' } });
    await db.segments.bulkPut([
      { id: older.id, blob: halves.text },
      { id: factsKey(older.id), blob: halves.facts },
    ]);
    const docs = first.text.ids.map((id) => byId.get(id) ?? { id, text: dispatchText(bundledCorpus.find((d) => d.id === id)!) }).sort((a, b) => compareIds(a.id, b.id));
    await db.segments.bulkDelete([factsKey(first.id), sampleKey(first.id)]);
    await db.segments.put({ id: first.id, blob: encodeLegacySegment(first.id, buildIndex(docs), buildFactsIndex(docs, { keepAllPostings: true })) });
    let merged = 0;
    for (let done = await mergeStep(db, POLICY); done; done = await mergeStep(db, POLICY)) {
      await expectBuiltRows(db, done.segment.id);
      merged += done.merged.filter((id) => id === older.id || id === first.id).length;
    }
    expect(merged).toBe(2);
  });
});
