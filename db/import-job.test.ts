import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { buildIndex, dispatchText, match } from '../engine/index';
import { beginImport, cancelImport, commitImport, stageImport } from './import-job';
import { ensureSeeded, listDispatchInfo } from './index';
import { loadSegmentSet } from './segment-store';
import { toStored } from './stored-dispatch';
import { dispatch, dump, liveIds, testDb } from './test-support';

const mine = (n: number, from = 1) =>
  Array.from({ length: n }, (_, i) =>
    toStored(
      dispatch(`mine-${String(from + i).padStart(3, '0')}`, [
        `Le conseil municipal de la commune numéro ${from + i} a voté mardi soir un budget de ${(from + i) * 1000} euros pour rénover son école primaire et sa salle des fêtes.`,
      ]),
      'imported',
    ),
  );

/**
 * The database's content, the manifest's next segment number aside: a cancelled batch used a
 * number, which is never given again (a worker may hold a segment by its number).
 */
async function contents(db: Awaited<ReturnType<typeof seeded>>['db']) {
  const all = await dump(db);
  return { ...all, meta: all.meta.map((m) => (m.key === 'segments' ? { ...m, value: { ...m.value, next: 0 } } : m)) };
}

async function seeded() {
  const t = testDb();
  await ensureSeeded(t.db, bundledCorpus, corpusVersion);
  return t;
}

/** The stored segments match as one index of the stored dispatches would. */
async function expectMatchesAsRebuild(db: Awaited<ReturnType<typeof seeded>>['db']) {
  const rows = await db.dispatches.toArray();
  const set = await loadSegmentSet(db);
  expect(set.ids()).toEqual(rows.map((r) => r.id));
  const whole = buildIndex(rows.map((r) => ({ id: r.id, text: dispatchText(r) })));
  const getText = (id: string) => {
    const row = rows.find((r) => r.id === id);
    return row && dispatchText(row);
  };
  for (const row of rows.slice(0, 8)) {
    const page = `${dispatchText(row)} Une phrase de la rédaction, ajoutée à la fin.`;
    expect(match(page, set.textView(), getText)).toEqual(match(page, whole, getText));
  }
}

describe('an import read in batches', () => {
  it('counts nothing before the commit, then adds and updates every batch’s dispatches at once', { timeout: 60_000 }, async () => {
    const { db } = await seeded();
    const job = await beginImport(db, 'extend');
    expect(await stageImport(db, job, mine(4))).toBe(4);
    const update = toStored({ ...bundledCorpus[2], paragraphs: ['Texte revu par le lecteur, bien plus court que la dépêche.'] }, 'imported');
    expect(await stageImport(db, job, [...mine(3, 5), update])).toBe(8);
    // Before the commit: the index, the list and the updated dispatch are as they were.
    expect(await liveIds(db)).toEqual(bundledCorpus.map((d) => d.id).sort());
    expect(await db.dispatches.get(update.id)).toMatchObject({ source: 'bundled' });
    expect((await listDispatchInfo(db)).length).toBeGreaterThan(bundledCorpus.length);

    expect(await commitImport(db, job)).toEqual({ added: 7, updated: 1, total: bundledCorpus.length + 7 });
    expect(await db.dispatches.get(update.id)).toMatchObject({ source: 'imported', paragraphs: update.paragraphs });
    expect(await db.staged.count()).toBe(0);
    expect(await db.meta.get('importJob')).toBeUndefined();
    await expectMatchesAsRebuild(db);
  });

  it('a cancelled import, or one interrupted and cleaned up at the next start, leaves the database as it was', { timeout: 60_000 }, async () => {
    const { db } = await seeded();
    const before = await contents(db);
    const job = await beginImport(db, 'extend');
    await stageImport(db, job, mine(5));
    await stageImport(db, job, [toStored({ ...bundledCorpus[0], title: 'Autre titre' }, 'imported')]);
    await cancelImport(db, job);
    expect(await contents(db)).toEqual(before);
    await expect(stageImport(db, job, mine(1, 50))).rejects.toThrow('cancelled');

    await stageImport(db, await beginImport(db, 'replace'), mine(3));
    db.close();
    const { db: restarted } = testDb(db.name);
    await cancelImport(restarted);
    expect(await contents(restarted)).toEqual(before);
  });

  it('a new import cancels the one left running, and a failed batch write keeps the database as it was', { timeout: 60_000 }, async () => {
    const { db, failWritesTo } = await seeded();
    const before = await contents(db);
    const first = await beginImport(db, 'extend');
    await stageImport(db, first, mine(2));
    const second = await beginImport(db, 'extend');
    await expect(stageImport(db, first, mine(1, 9))).rejects.toThrow('cancelled');
    failWritesTo('segments');
    await expect(stageImport(db, second, mine(2, 20))).rejects.toThrow();
    failWritesTo(null);
    await cancelImport(db);
    expect(await contents(db)).toEqual(before);
  });

  it('replace makes the corpus exactly the file’s dispatches, a line repeated across batches counted once', { timeout: 60_000 }, async () => {
    const { db } = await seeded();
    const job = await beginImport(db, 'replace');
    await stageImport(db, job, mine(3));
    await stageImport(db, job, [...mine(2, 4), mine(1)[0]]);
    expect(await commitImport(db, job)).toMatchObject({ total: 5 });
    expect(await liveIds(db)).toEqual(mine(5).map((r) => r.id));
    expect(await db.meta.get('bundledExcluded')).toEqual({ key: 'bundledExcluded', value: true });
    await expectMatchesAsRebuild(db);
  });

  it('an import with no dispatch is refused at the commit, changing nothing', async () => {
    const { db } = await seeded();
    const before = await contents(db);
    const job = await beginImport(db, 'replace');
    await expect(commitImport(db, job)).rejects.toThrow('no dispatch');
    await cancelImport(db, job);
    expect(await contents(db)).toEqual(before);
  });
});
