import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { alignFacts, buildSegment, dispatchText } from '../engine/index';
import { removeImported } from './corpus-remove';
import { ensureSeeded, importDispatches, restoreBundled } from './index';
import { loadSegmentSet, SEGMENTS_VERSION } from './segment-store';
import { dispatch, dump, liveIds, testDb } from './test-support';

const sortedIds = bundledCorpus.map((d) => d.id).sort();

/** The facts index of the live segment holding `id`, and the dispatch's position in it. */
async function factsOf(db: Parameters<typeof loadSegmentSet>[0], id: string) {
  for (const { segment, removed } of (await loadSegmentSet(db)).list()) {
    const at = segment.facts.ids.indexOf(id);
    if (at >= 0 && !removed.includes(at)) return { facts: segment.facts, at };
  }
  return null;
}

describe('the facts index in the segments', () => {
  it('seeding stores the facts index of the corpus, built with each dispatch’s date and language', async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const set = await loadSegmentSet(db);
    const [only] = set.list();
    expect(only.segment.facts.ids).toEqual(sortedIds);
    expect(only.segment.facts.postings).toBeInstanceOf(Uint8Array);
    expect(only.segment.facts.sentDoc.length).toBeGreaterThan(50);
    // Built from the stored records with their dates: the same index as the engine gives.
    const expected = buildSegment(only.segment.id, bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language })));
    expect(only.segment.facts).toEqual(expected.facts);
    expect([...only.segment.facts.docDay].every((day) => day > 0)).toBe(true);

    // The stored index is usable as it comes back from IndexedDB: a dispatch's own text aligns
    // with the others once it is excluded, and never with itself.
    const own = bundledCorpus.find((x) => x.language === 'fr')!;
    const pairs = alignFacts(dispatchText(own), set.factsView(), { exclude: [own.id] });
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((p) => p.dispatch !== own.id)).toBe(true);
  });

  it('rebuilds the segments when they were built under other word lists, the corpus unchanged, then writes nothing', async () => {
    const { db, writes } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const current = (await loadSegmentSet(db)).list()[0].segment;
    const manifest = (await db.meta.get('segments'))!.value as { version: string };
    await db.meta.put({ key: 'segments', value: { ...manifest, version: 'older-rules' } as never });
    writes.length = 0;
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    expect(writes.some((w) => w.table === 'segments')).toBe(true);
    expect(((await db.meta.get('segments'))!.value as { version: string }).version).toBe(SEGMENTS_VERSION);
    expect((await loadSegmentSet(db)).list()[0].segment.facts).toEqual(current.facts);
    expect(await db.dispatches.count()).toBe(bundledCorpus.length);

    writes.length = 0;
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    expect(writes).toEqual([]);
  });

  it('imports, removals and restoring the bundled corpus update it with the text index', async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const mine = dispatch('mine', ['Le Kremlin a exigé mardi des garanties juridiques contre l’élargissement de l’Otan vers l’est.'], {
      date: '2021-12-07',
    });
    await importDispatches(db, [mine], 'extend');
    expect(await liveIds(db)).toEqual([...sortedIds, 'mine'].sort());
    const found = (await factsOf(db, 'mine'))!;
    expect(found.facts.docDay[found.at]).toBe(Date.UTC(2021, 11, 7) / 86_400_000);

    await removeImported(db, ['mine']);
    expect(await liveIds(db)).toEqual(sortedIds);
    expect(await factsOf(db, 'mine')).toBeNull();

    await importDispatches(db, [mine], 'replace');
    expect(await liveIds(db)).toEqual(['mine']);
    // One segment, stored as its text and facts halves and its text sample.
    expect(await db.segments.count()).toBe(3);

    await restoreBundled(db, bundledCorpus, corpusVersion);
    expect(await liveIds(db)).toEqual(sortedIds);
  });

  it('a failed segment write keeps the former corpus and index', async () => {
    const { db, failWritesTo } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const before = await dump(db);
    failWritesTo('segments');
    await expect(importDispatches(db, [dispatch('mine', ['Un texte du lecteur sur un autre sujet.'])], 'extend')).rejects.toThrow();
    failWritesTo(null);
    expect(await dump(db)).toEqual(before);
  });
});
