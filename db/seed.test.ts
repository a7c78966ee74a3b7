import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { corpusHash } from '../corpus/content-hash';
import { ensureSeeded, getDispatch, importDispatches, listDispatchInfo, restoreBundled } from './index';
import { loadSegmentSet, SEGMENTS_VERSION } from './segment-store';
import { dispatch, dump, liveIds, testDb } from './test-support';

const sortedIds = (ids: string[]) => [...ids].sort();

describe('ensureSeeded', () => {
  it('stores the bundled corpus, its version and its index, and leaves the reader’s settings alone', async () => {
    const { db } = testDb();
    await db.settings.put({ key: 'ui', value: { theme: 'dark' } });
    await ensureSeeded(db, bundledCorpus, corpusVersion);

    const rows = await db.dispatches.toArray();
    expect(sortedIds(rows.map((r) => r.id))).toEqual(sortedIds(bundledCorpus.map((d) => d.id)));
    expect(rows.every((r) => r.source === 'bundled' && r.words > 100)).toBe(true);
    expect(await db.meta.get('corpusVersion')).toEqual({ key: 'corpusVersion', value: corpusVersion });
    expect(await db.settings.toArray()).toEqual([{ key: 'ui', value: { theme: 'dark' } }]);

    const set = await loadSegmentSet(db);
    expect(set.ids()).toEqual(sortedIds(bundledCorpus.map((d) => d.id)));
    const [only] = set.list();
    expect(only.segment.text.data).toBeInstanceOf(Uint8Array);
    expect(only.segment.text.keyCount).toBeGreaterThan(800);
    expect(only.segment.facts.ids).toEqual(set.ids());

    const first = bundledCorpus[0];
    expect(await getDispatch(db, first.id)).toEqual(first);
  });

  it('rebuilds an index built by another engine even when the corpus is unchanged', async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const current = (await loadSegmentSet(db)).list()[0].segment;
    const manifest = (await db.meta.get('segments'))!.value as { version: string };
    await db.meta.put({ key: 'segments', value: { ...manifest, version: 'an older engine' } as never });
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const rebuilt = (await loadSegmentSet(db)).list()[0].segment;
    expect(rebuilt.text.data).toEqual(current.text.data);
    expect(((await db.meta.get('segments'))!.value as { version: string }).version).toBe(SEGMENTS_VERSION);
  });

  it('writes nothing on a second run, in the same session or after a restart', async () => {
    const { db, writes } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    expect(writes.length).toBeGreaterThan(0);
    const before = await dump(db);

    writes.length = 0;
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    expect(writes).toEqual([]);

    db.close();
    const { db: reopened, writes: afterRestart } = testDb(db.name);
    await ensureSeeded(reopened, bundledCorpus, corpusVersion);
    expect(afterRestart).toEqual([]);
    expect(await dump(reopened)).toEqual(before);
  });

  it('never duplicates records when install and first request seed at once', async () => {
    const { db } = testDb();
    await Promise.all([ensureSeeded(db, bundledCorpus, corpusVersion), ensureSeeded(db, bundledCorpus, corpusVersion)]);
    expect(await db.dispatches.count()).toBe(bundledCorpus.length);
    expect((await liveIds(db))).toHaveLength(bundledCorpus.length);
  });

  it('on a new version updates changed bundled records, drops unshipped ones, adds new ones and keeps imported ones', async () => {
    const { db, writes } = testDb();
    await db.settings.put({ key: 'ui', value: 1 });
    const v1 = [dispatch('a', ['Texte A.']), dispatch('b', ['Texte B.']), dispatch('c', ['Texte C.'])];
    await ensureSeeded(db, v1, corpusHash(v1));
    await importDispatches(db, [dispatch('mine', ['Mon texte importé.'])], 'extend');

    const v2 = [dispatch('a', ['Texte A.']), dispatch('b', ['Texte B corrigé.']), dispatch('d', ['Texte D.'])];
    writes.length = 0;
    await ensureSeeded(db, v2, corpusHash(v2));

    const rows = await db.dispatches.toArray();
    expect(rows.map((r) => [r.id, r.source, r.paragraphs[0]])).toEqual([
      ['a', 'bundled', 'Texte A.'],
      ['b', 'bundled', 'Texte B corrigé.'],
      ['d', 'bundled', 'Texte D.'],
      ['mine', 'imported', 'Mon texte importé.'],
    ]);
    // The unchanged record is not rewritten.
    const dispatchWrites = writes.filter((w) => w.table === 'dispatches');
    expect(dispatchWrites).toEqual([
      { table: 'dispatches', type: 'delete', keys: ['c'] },
      { table: 'dispatches', type: 'put', keys: ['b', 'd'] },
    ]);
    expect((await liveIds(db))).toEqual(['a', 'b', 'd', 'mine']);
    expect(await db.meta.get('corpusVersion')).toEqual({ key: 'corpusVersion', value: corpusHash(v2) });
    expect(await db.settings.toArray()).toEqual([{ key: 'ui', value: 1 }]);
    expect(writes.some((w) => w.table === 'settings')).toBe(false);
  });

  it('keeps an imported record over a bundled one with the same id', async () => {
    const { db } = testDb();
    const v1 = [dispatch('a', ['Texte A.'])];
    await ensureSeeded(db, v1, 'v1');
    await importDispatches(db, [dispatch('a', ['Version du lecteur.'])], 'extend');
    await ensureSeeded(db, [dispatch('a', ['Texte A, édition 2.'])], 'v2');
    expect(await db.dispatches.get('a')).toMatchObject({ source: 'imported', paragraphs: ['Version du lecteur.'] });
  });

  it('rebuilds a missing index even when the version is current', async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await db.meta.delete('segments');
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    expect((await liveIds(db))).toHaveLength(5);
  });

  it('leaves the database as it was when a write fails midway', async () => {
    const { db, failWritesTo } = testDb();
    await db.settings.put({ key: 'ui', value: 1 });
    const v1 = [dispatch('a', ['Texte A.']), dispatch('b', ['Texte B.'])];
    await ensureSeeded(db, v1, 'v1');
    const before = await dump(db);

    // Dispatch rows are written first, then the index: failing the index write must undo them.
    failWritesTo('meta');
    await expect(ensureSeeded(db, [dispatch('a', ['Autre.']), dispatch('c', ['Texte C.'])], 'v2')).rejects.toThrow(/QuotaExceeded/);
    failWritesTo(null);
    expect(await dump(db)).toEqual(before);
  });

  it('rejects a bundled corpus listing an id twice before writing anything', async () => {
    const { db, writes } = testDb();
    await expect(ensureSeeded(db, [dispatch('a', ['x']), dispatch('a', ['y'])], 'v')).rejects.toThrow('"a" twice');
    expect(writes).toEqual([]);
  });
});

describe('replace, then updates and restoring the bundled corpus', () => {
  it('keeps the reader’s replacement corpus across updates until restoreBundled', async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await importDispatches(db, [dispatch('x', ['Un texte.'])], 'replace');
    await ensureSeeded(db, [...bundledCorpus, dispatch('new', ['Nouveau.'])], 'next');
    expect((await listDispatchInfo(db)).map((d) => d.id)).toEqual(['x']);
    expect((await liveIds(db))).toEqual(['x']);

    await restoreBundled(db, bundledCorpus, corpusVersion);
    expect(sortedIds((await listDispatchInfo(db)).map((d) => d.id))).toEqual(sortedIds(bundledCorpus.map((d) => d.id)));
    expect((await liveIds(db))).toHaveLength(5);
  });
});
