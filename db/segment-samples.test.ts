import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { sampleOf } from '../engine/segments/text-sample';
import { ensureSeeded } from './index';
import type { RecoupeDB } from './recoupe-db';
import { mergeAll } from './segment-merge';
import { indexAdded, loadSegmentSet, readLive, readLiveSamples, readLiveText, sampleKey } from './segment-store';
import { toStored } from './stored-dispatch';
import { dispatch, testDb } from './test-support';

async function add(db: RecoupeDB, n: number, from: number): Promise<void> {
  const rows = Array.from({ length: n }, (_, i) => {
    const base = bundledCorpus[(from + i) % bundledCorpus.length];
    return toStored(dispatch(`mine-${from + i}`, [`Note ${from + i} du lecteur.`, ...base.paragraphs], { language: base.language }), 'imported');
  });
  await db.transaction('rw', [db.dispatches, db.meta, db.segments, db.located], async () => {
    await db.dispatches.bulkPut(rows);
    await indexAdded(db, rows);
  });
}

describe('text samples of the stored segments', () => {
  it('a cold reader gets every live segment’s sample in one read, as sampled from the whole segment, through merges', { timeout: 60_000 }, async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    for (let i = 0; i < 5; i++) await add(db, 2, 2 * i);
    await mergeAll(db, { perTier: 3, floorDocs: 2, maxDeletedShare: 0.3, maxMergeDocs: 4096 });
    const whole = (await loadSegmentSet(db)).list();
    const read = await readLiveSamples(db);
    expect(read).not.toBeNull();
    expect(read!.samples.map((s) => s.id)).toEqual(read!.manifest.live.map((l) => l.id));
    expect(read!.samples.map((s) => s.sample)).toEqual(whole.map((l) => sampleOf(l.segment.text)));
    // Samples of merged-away segments went with them.
    const keys = (await db.segments.toCollection().primaryKeys()) as string[];
    expect(keys.filter((k) => k.endsWith('#s')).sort()).toEqual(whole.map((l) => sampleKey(l.segment.id)).sort());
  });

  it('a segment stored before samples gets its sample when its text index is next read', { timeout: 60_000 }, async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await add(db, 3, 0);
    const live = (await readLiveSamples(db))!.manifest.live.map((l) => l.id);
    await db.segments.bulkDelete(live.map(sampleKey));
    // Without every sample, the cold reader reads the text indexes instead.
    expect(await readLiveSamples(db)).toBeNull();
    const texts = await readLiveText(db);
    expect((await readLiveSamples(db))!.samples.map((s) => s.sample)).toEqual(texts.texts.map((t) => sampleOf(t.text)));
    // The whole read writes them too.
    await db.segments.bulkDelete(live.map(sampleKey));
    const { fresh } = await readLive(db, new Set());
    expect((await readLiveSamples(db))!.samples.map((s) => s.sample)).toEqual(fresh.map((s) => sampleOf(s.text)));
  });
});
