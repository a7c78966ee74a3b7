import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { alignFacts, buildFactsIndex, buildIndex, dispatchText, match, type Dispatch } from '../engine/index';
import { encodeLegacySegment, encodeSegment, isLegacySegment, isSegmentHalf } from '../engine/segments/segment-codec';
import { compareIds } from '../engine/segments/text-view';
import { ensureSeeded } from './index';
import type { RecoupeDB } from './recoupe-db';
import { mergeAll, mergeStep } from './segment-merge';
import { ensureSegments, factsKey, loadSegmentSet, readLiveText, sampleKey } from './segment-store';
import { dispatch, testDb, write } from './test-support';

const POLICY = { perTier: 3, floorDocs: 2, maxDeletedShare: 0.3, maxMergeDocs: 4096 };

/** Dispatches of the reader's own, each a bundled dispatch's paragraphs with a sentence of its own. */
function mine(n: number): Dispatch[] {
  return Array.from({ length: n }, (_, i) => {
    const base = bundledCorpus[i % bundledCorpus.length];
    return dispatch(`mine-${String(i).padStart(2, '0')}`, [`Note ${i} du lecteur sur la journée.`, ...base.paragraphs.slice(i % 3)], {
      date: base.date,
      language: base.language,
    });
  });
}

/** match and alignFacts of a few pages on the stored segments equal those on a rebuild of the stored dispatches. */
async function expectRebuildResults(db: RecoupeDB): Promise<number> {
  const rows = await db.dispatches.toArray();
  const docs = rows.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
  const set = await loadSegmentSet(db);
  expect(set.size).toBe(rows.length);
  const text = buildIndex(docs);
  const facts = buildFactsIndex(docs);
  const getText = (id: string) => docs.find((d) => d.id === id)?.text;
  let found = 0;
  for (const d of [docs[0], docs[docs.length - 1], docs[3]]) {
    const own = (id: string) => (id === d.id ? undefined : getText(id));
    const whole = match(d.text, text, own);
    expect(match(d.text, set.textView(), own)).toEqual(whole);
    const options = { exclude: [d.id], getText, pageDate: d.date };
    const pairs = alignFacts(d.text, facts, options);
    expect(alignFacts(d.text, set.factsView(), options)).toEqual(pairs);
    found += whole.passages.length + pairs.length;
  }
  return found;
}

describe('segmented index in IndexedDB', () => {
  it('adds, updates and removals write one segment or tombstones; merges keep the results of a rebuild', { timeout: 120_000 }, async () => {
    const { db, writes } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await ensureSegments(db);
    const extra = mine(14);
    for (let i = 0; i < extra.length; i += 2) {
      writes.length = 0;
      await write(db, extra.slice(i, i + 2), i === 6 ? ['mine-01', 'mine-02'] : []);
      // One small segment per write (its text and facts halves and its sample), never the others.
      const keys = writes.filter((w) => w.table === 'segments').flatMap((w) => w.keys);
      expect(keys).toHaveLength(3);
      expect(keys[1]).toBe(factsKey(keys[0] as string));
      expect(keys[2]).toBe(sampleKey(keys[0] as string));
    }
    // An update: the same id with other text.
    await write(db, [{ ...extra[4], paragraphs: ['Un tout autre texte, écrit par le lecteur.'] }]);
    expect((await db.meta.get('segments'))?.value).toMatchObject({ live: expect.any(Array) });
    expect(await expectRebuildResults(db)).toBeGreaterThan(0);

    const merges = await mergeAll(db, POLICY);
    expect(merges).toBeGreaterThan(1);
    const manifest = (await db.meta.get('segments'))!.value as { live: unknown[] };
    expect(manifest.live.length).toBeLessThanOrEqual(4);
    expect(await db.segments.count()).toBe(3 * manifest.live.length);
    await expectRebuildResults(db);
  });

  it('a worker stopped mid-merge, or a merge whose switch fails, leaves the index as it was', { timeout: 120_000 }, async () => {
    const { db, failWritesTo } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await ensureSegments(db);
    for (const d of mine(6)) await write(db, [d]);
    const before = { manifest: await db.meta.get('segments'), segments: await db.segments.toCollection().primaryKeys(), located: await db.located.toArray() };
    failWritesTo('segments');
    await expect(mergeStep(db, POLICY)).rejects.toThrow();
    failWritesTo(null);
    expect(await db.meta.get('segments')).toEqual(before.manifest);
    expect(await db.segments.toCollection().primaryKeys()).toEqual(before.segments);
    expect(await db.located.toArray()).toEqual(before.located);
    await expectRebuildResults(db);

    // Removals and updates between the merge's build and its switch become tombstones of the merged segment.
    const merging = mergeStep(db, POLICY);
    await write(db, [{ ...mine(6)[2], paragraphs: ['Version corrigée par le lecteur.'] }], ['mine-03']);
    expect(await merging).not.toBeNull();
    const merged = (await db.meta.get('segments'))!.value as { live: { removed: number[] }[] };
    expect(merged.live.at(-1)!.removed.length).toBeGreaterThan(0);
    await mergeAll(db, POLICY);
    await expectRebuildResults(db);
  });

  it('reads segments stored in the first layout, with the results of a rebuild, and stores them again as halves, once', { timeout: 120_000 }, async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await write(db, mine(4), [bundledCorpus[1].id]);
    // Every stored segment rewritten as the first layout wrote it (plain text arrays).
    const rows = await db.dispatches.toArray();
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, text: dispatchText(r), date: r.date, language: r.language }]));
    const held = (await loadSegmentSet(db)).list();
    await db.segments.clear();
    for (const row of held.map((l) => l.segment)) {
      const ids = held.find((l) => l.segment.id === row.id)!.segment.text.ids;
      const docs = ids.map((id) => byId.get(id) ?? { id, text: dispatchText(bundledCorpus.find((d) => d.id === id)!) }).sort((a, b) => compareIds(a.id, b.id));
      await db.segments.put({ id: row.id, blob: encodeLegacySegment(row.id, buildIndex(docs), buildFactsIndex(docs, { keepAllPostings: true })) });
    }
    expect((await db.segments.toArray()).every((r) => isLegacySegment(r.blob))).toBe(true);
    expect(await expectRebuildResults(db)).toBeGreaterThan(0);
    const after = await db.segments.toArray();
    expect(after.some((r) => isLegacySegment(r.blob))).toBe(false);
    expect(after.map((r) => r.id).sort()).toEqual(held.flatMap((l) => [l.segment.id, factsKey(l.segment.id), sampleKey(l.segment.id)]).sort());
    expect(await expectRebuildResults(db)).toBeGreaterThan(0);
  });

  it('reads segments stored whole (one blob for both indexes), and stores them again as halves, once', { timeout: 120_000 }, async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await write(db, mine(4), [bundledCorpus[1].id]);
    const held = (await loadSegmentSet(db)).list();
    await db.segments.clear();
    for (const { segment } of held) await db.segments.put({ id: segment.id, blob: encodeSegment(segment) });
    expect((await db.segments.toArray()).some((r) => isSegmentHalf(r.blob))).toBe(false);
    // The text indexes alone read from whole blobs too.
    expect((await readLiveText(db)).texts.map((t) => t.text)).toEqual(held.map((l) => l.segment.text));
    expect(await expectRebuildResults(db)).toBeGreaterThan(0);
    const after = await db.segments.toArray();
    const samples = new Set(held.map((l) => sampleKey(l.segment.id)));
    expect(after.filter((r) => !samples.has(r.id)).every((r) => isSegmentHalf(r.blob))).toBe(true);
    expect(after.length).toBe(3 * held.length);
    expect(await expectRebuildResults(db)).toBeGreaterThan(0);
  });

  it('a cold reader gets the live text indexes alone, with the manifest, as the whole read has them', { timeout: 60_000 }, async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await write(db, mine(4), [bundledCorpus[1].id]);
    const whole = (await loadSegmentSet(db)).list();
    const { manifest, texts } = await readLiveText(db);
    expect(texts.map((t) => t.id)).toEqual(manifest.live.map((l) => l.id));
    expect(texts.map((t) => t.text)).toEqual(whole.map((l) => l.segment.text));
    expect(manifest.live.map((l) => l.removed)).toEqual(whole.map((l) => l.removed));
  });

  it('builds again when the engine changed, and refuses writes before it exists', { timeout: 60_000 }, async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await db.meta.delete('segments');
    await expect(write(db, mine(1))).rejects.toThrow('ensureSegments');
    await ensureSegments(db);
    await db.meta.put({ key: 'segments', value: { version: 'old', live: [], next: 1 } });
    await ensureSegments(db);
    expect((await loadSegmentSet(db)).size).toBe(bundledCorpus.length);
  });
});
