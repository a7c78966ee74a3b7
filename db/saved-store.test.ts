import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { sampleSaved } from '../saved/test-support';
import {
  deleteSaved,
  ensureSeeded,
  ImportError,
  importDispatches,
  importSaved,
  listSaved,
  recordAnchors,
  restoreBundled,
  restoreSaved,
  saveComparison,
  savedForUrl,
  updateSaved,
} from './index';
import { removeImported } from './corpus-remove';
import { dispatch, dump, testDb } from './test-support';

const now = new Date('2026-02-01T12:00:00.000Z');

async function failure(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('saved comparisons', () => {
  it('saves, finds by page (ignoring the fragment) and lists newest first', async () => {
    const { db } = testDb();
    const a = sampleSaved({ savedAt: '2026-01-01T00:00:00.000Z' });
    const b = sampleSaved({ savedAt: '2026-01-03T00:00:00.000Z' });
    const c = sampleSaved({ savedAt: '2026-01-02T00:00:00.000Z', page: { ...a.page }, passage: { ...a.passage, position: { start: 500, end: 574 } } });
    for (const r of [a, b, c]) expect((await saveComparison(db, r)).created).toBe(true);
    expect((await listSaved(db)).map((r) => r.id)).toEqual([b.id, c.id, a.id]);
    expect((await savedForUrl(db, `${a.page.url}#comments`)).map((r) => r.id).sort()).toEqual([a.id, c.id].sort());
    expect(await savedForUrl(db, 'https://news.example/other')).toEqual([]);
  });

  it('saving the same comparison again keeps one record and adds the new note and tags', async () => {
    const { db } = testDb();
    const first = sampleSaved({ note: 'Copie AFP', tags: ['afp'] });
    await saveComparison(db, first);
    const again = { ...first, id: 'another-id', savedAt: now.toISOString(), note: 'Titre changé', tags: ['afp', 'titre'] };
    const { record, created } = await saveComparison(db, again);
    expect(created).toBe(false);
    expect(record).toMatchObject({ id: first.id, savedAt: first.savedAt, note: 'Copie AFP\n\nTitre changé', tags: ['afp', 'titre'] });
    expect(await db.saved.count()).toBe(1);
  });

  it('updates the note and tags, and says when the record is gone', async () => {
    const { db } = testDb();
    const r = sampleSaved();
    await saveComparison(db, r);
    const updated = await updateSaved(db, r.id, { note: 'À citer en cours', tags: ['cours'] }, now);
    expect(updated).toEqual({ ...r, note: 'À citer en cours', tags: ['cours'], updatedAt: now.toISOString() });
    expect(await db.saved.get(r.id)).toEqual(updated);
    expect((await failure(updateSaved(db, 'nope', { note: 'x' }, now))).message).toMatch(/no longer saved/);
  });

  it('deletes several records and puts the very same records back on undo', async () => {
    const { db } = testDb();
    const rs = [sampleSaved({ tags: ['a'] }), sampleSaved({ note: 'n' }), sampleSaved()];
    for (const r of rs) await saveComparison(db, r);
    const deleted = await deleteSaved(db, [rs[0].id, rs[2].id, 'unknown']);
    expect(deleted).toEqual([rs[0], rs[2]]);
    expect(await db.saved.count()).toBe(1);
    expect(await restoreSaved(db, deleted)).toBe(2);
    expect(await db.saved.orderBy('id').toArray()).toEqual([...rs].sort((x, y) => (x.id < y.id ? -1 : 1)));
  });

  it('imports without duplicates, by id and by identical content', async () => {
    const { db } = testDb();
    const kept = sampleSaved();
    await saveComparison(db, kept);
    const sameId = { ...sampleSaved(), id: kept.id };
    const sameContent = { ...kept, id: 'copy-with-new-id', note: 'annotée ailleurs' };
    const fresh = sampleSaved();
    const result = await importSaved(db, [sameId, sameContent, fresh, { ...fresh }]);
    expect(result).toEqual({ added: 1, skipped: 3 });
    expect(await db.saved.get(fresh.id)).toEqual(fresh);
    expect(await db.saved.get(kept.id)).toEqual(kept);
  });

  it('records how each passage was found on the last visit', async () => {
    const { db } = testDb();
    const [a, b] = [sampleSaved(), sampleSaved()];
    await saveComparison(db, a);
    await saveComparison(db, b);
    expect(await recordAnchors(db, [{ id: a.id, status: 'fuzzy' }, { id: b.id, status: 'orphaned' }, { id: 'x', status: 'exact' }], now)).toBe(2);
    expect((await db.saved.get(a.id))!.lastAnchor).toEqual({ status: 'fuzzy', at: now.toISOString() });
    expect((await db.saved.get(b.id))!.lastAnchor).toEqual({ status: 'orphaned', at: now.toISOString() });
  });

  it('a full disk or a refused write gives a clear message and leaves the saved records as they were', async () => {
    const { db, failWritesTo } = testDb();
    const r = sampleSaved();
    await saveComparison(db, r);
    const before = await dump(db);
    failWritesTo('saved');
    const full = await failure(saveComparison(db, sampleSaved()));
    expect(full.reason).toBe('quota');
    expect(full.message).toBe('Nothing was saved: the browser has no storage space left.');
    expect((await failure(importSaved(db, [sampleSaved(), sampleSaved()]))).message).toMatch(/^Nothing was imported: the browser has no storage space/);
    expect((await failure(deleteSaved(db, [r.id]))).reason).toBe('quota');
    expect((await failure(updateSaved(db, r.id, { note: 'x' }, now))).reason).toBe('quota');
    failWritesTo('saved', 'UnknownError');
    const refused = await failure(restoreSaved(db, [sampleSaved()]));
    expect(refused.reason).toBe('failed');
    expect(refused.message).toContain('UnknownError');
    failWritesTo(null);
    expect(await dump(db)).toEqual(before);
  });

  it('corpus seeding, updates, imports, removals and restores never touch the saved table', async () => {
    const { db, writes } = testDb();
    const r = sampleSaved({ note: 'à garder', tags: ['preuve'] });
    await saveComparison(db, r);
    writes.length = 0;
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await importDispatches(db, [dispatch('mine', ['Mon texte.']), dispatch('other', ['Autre texte.'])], 'extend');
    await removeImported(db, ['other']);
    await importDispatches(db, [dispatch('only', ['Seul texte.'])], 'replace');
    await ensureSeeded(db, [...bundledCorpus, dispatch('new', ['Nouveau.'])], 'next');
    await restoreBundled(db, bundledCorpus, corpusVersion);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((w) => w.table === 'saved')).toEqual([]);
    expect(await db.saved.toArray()).toEqual([r]);
  });
});
