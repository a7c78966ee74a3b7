import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { loadSegmentSet } from './segment-store';
import { removeImported } from './corpus-remove';
import { importDispatches } from './import';
import { ensureSeeded } from './seed';
import { dispatch, dump, testDb } from './test-support';

async function withImported() {
  const t = testDb();
  await ensureSeeded(t.db, bundledCorpus, corpusVersion);
  await importDispatches(t.db, [dispatch('mine-1', ['Mon premier texte.']), dispatch('mine-2', ['Mon second texte.'])], 'extend');
  return t;
}

describe('removeImported', () => {
  it('removes the reader’s dispatches and takes them out of the index', async () => {
    const { db } = await withImported();
    expect(await removeImported(db, ['mine-1', 'nope'])).toEqual({ removed: 1, total: bundledCorpus.length + 1 });
    expect(await db.dispatches.get('mine-1')).toBeUndefined();
    const ids = (await loadSegmentSet(db)).ids();
    expect(ids).toContain('mine-2');
    expect(ids).not.toContain('mine-1');
  });

  it('refuses bundled dispatches and then removes nothing', async () => {
    const { db, writes } = await withImported();
    const before = await dump(db);
    writes.length = 0;
    await expect(removeImported(db, ['mine-1', bundledCorpus[0].id])).rejects.toThrow('bundled dispatches cannot be removed');
    expect(writes).toEqual([]);
    expect(await dump(db)).toEqual(before);
  });

  it('a failed index write leaves the database as it was, with a clear message', async () => {
    const { db, failWritesTo } = await withImported();
    const before = await dump(db);
    failWritesTo('meta');
    await expect(removeImported(db, ['mine-2'])).rejects.toThrow('Nothing was removed: the browser has no storage space left');
    failWritesTo(null);
    expect(await dump(db)).toEqual(before);
  });
});
