import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import type { Dispatch } from '../engine/index';
import {
  ensureSeeded,
  getDispatch,
  getDispatches,
  ImportError,
  importDispatches,
  importNdjson,
  listDispatchInfo,
  NdjsonImportError,
  type RecoupeDB,
} from './index';
import { dispatch, dump, testDb, liveIds } from './test-support';
import { loadSegmentSet } from './segment-store';

const ndjson = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n');

async function seeded(): Promise<ReturnType<typeof testDb>> {
  const t = testDb();
  await t.db.settings.put({ key: 'reader', value: { lang: 'fr' } });
  await ensureSeeded(t.db, bundledCorpus, corpusVersion);
  return t;
}

async function rejection(p: Promise<unknown>): Promise<ImportError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

const bundledIds = bundledCorpus.map((d) => d.id).sort();
const ids = async (db: RecoupeDB) => (await listDispatchInfo(db)).map((d) => d.id).sort();

describe('importNdjson', () => {
  it('rejects a file with bad lines, names them, and leaves the database exactly as it was', async () => {
    const { db, writes } = await seeded();
    const before = await dump(db);
    writes.length = 0;
    const file = [
      JSON.stringify(dispatch('ok-1', ['Un texte.'])),
      '{"id": "broken"',
      '',
      JSON.stringify({ ...dispatch('no-chain', ['x']), chain: undefined }),
      JSON.stringify(dispatch('ok-1', ['Doublon.'])),
    ].join('\n');

    const e = await rejection(importNdjson(db, file, 'replace'));
    expect(e).toBeInstanceOf(NdjsonImportError);
    expect(e.reason).toBe('invalid');
    expect((e as NdjsonImportError).lines.map((l) => l.line)).toEqual([2, 4, 5]);
    expect(e.message).toContain('line 2: invalid JSON');
    expect(e.message).toContain('line 4: field "chain" is missing');
    expect(e.message).toContain('line 5: field "id": "ok-1" already appears on line 1');

    expect(writes).toEqual([]);
    expect(await dump(db)).toEqual(before);
  });

  it('extends the corpus with a text body, rebuilding the index', async () => {
    const { db } = await seeded();
    const { paragraphs: _p, ...rest } = dispatch('lecteur-1', []);
    const summary = await importNdjson(db, ndjson({ ...rest, text: 'Premier paragraphe.\n\nSecond paragraphe, plus long que le premier.' }), 'extend');
    expect(summary).toEqual({ added: 1, updated: 0, total: 6 });
    expect(await getDispatch(db, 'lecteur-1')).toMatchObject({ paragraphs: ['Premier paragraphe.', 'Second paragraphe, plus long que le premier.'] });
    expect((await liveIds(db))).toEqual([...bundledIds, 'lecteur-1'].sort());
  });
});

describe('importDispatches', () => {
  it('extend adds new dispatches and updates existing ones, marking them imported', async () => {
    const { db } = await seeded();
    const replaced = { ...bundledCorpus[1], paragraphs: ['Texte revu par le lecteur.'] };
    const summary = await importDispatches(db, [dispatch('n1', ['Nouveau.']), replaced], 'extend');
    expect(summary).toEqual({ added: 1, updated: 1, total: 6 });
    expect(await db.dispatches.get(replaced.id)).toMatchObject({ source: 'imported', paragraphs: ['Texte revu par le lecteur.'], words: 5 });
    expect(await db.dispatches.get(bundledCorpus[0].id)).toMatchObject({ source: 'bundled' });
    const set = await loadSegmentSet(db);
    expect(set.ids()).toContain('n1');
    // The updated dispatch is indexed once, with its new text: its old copy is a tombstone.
    const copies = set.list().flatMap(({ segment, removed }) => segment.text.ids.flatMap((id, at) => (id === replaced.id ? [{ words: segment.text.docWords[at], removed: removed.includes(at) }] : [])));
    expect(copies.filter((c) => !c.removed).map((c) => c.words)).toEqual([5]);
    expect(await db.settings.toArray()).toEqual([{ key: 'reader', value: { lang: 'fr' } }]);
  });

  it('replace makes the corpus exactly the given dispatches', async () => {
    const { db, writes } = await seeded();
    writes.length = 0;
    const summary = await importDispatches(db, [dispatch('r1', ['Un.']), { ...bundledCorpus[0], title: 'Autre titre' }], 'replace');
    expect(summary).toEqual({ added: 1, updated: 1, total: 2 });
    expect(await ids(db)).toEqual([bundledCorpus[0].id, 'r1'].sort());
    expect((await listDispatchInfo(db)).every((d) => d.source === 'imported')).toBe(true);
    expect((await liveIds(db))).toEqual([bundledCorpus[0].id, 'r1'].sort());
    expect(await db.settings.toArray()).toEqual([{ key: 'reader', value: { lang: 'fr' } }]);
    expect(writes.some((w) => w.table === 'settings')).toBe(false);
  });

  it('a full disk rejects with a clear message and changes nothing', async () => {
    const { db, failWritesTo } = await seeded();
    const before = await dump(db);
    failWritesTo('meta');
    for (const mode of ['extend', 'replace'] as const) {
      const e = await rejection(importDispatches(db, [dispatch('big', ['Texte.'])], mode));
      expect(e.reason).toBe('quota');
      expect(e.message).toMatch(/Nothing was imported: the browser has no storage space left/);
    }
    failWritesTo('dispatches', 'UnknownError');
    const e = await rejection(importDispatches(db, [dispatch('big', ['Texte.'])], 'extend'));
    expect(e.reason).toBe('failed');
    expect(e.message).toContain('UnknownError');
    failWritesTo(null);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses invalid records or an empty list before writing anything', async () => {
    const { db, writes } = await seeded();
    const before = await dump(db);
    writes.length = 0;
    const bad = { ...dispatch('bad', ['x']), date: 'hier' } as Dispatch;
    const e = await rejection(importDispatches(db, [dispatch('good', ['y']), bad], 'replace'));
    expect(e.message).toContain('dispatch "bad": field "date"');
    const dup = await rejection(importDispatches(db, [dispatch('d', ['y']), dispatch('d', ['z'])], 'extend'));
    expect(dup.message).toContain('field "id" duplicates "d"');
    expect((await rejection(importDispatches(db, [], 'replace'))).reason).toBe('invalid');
    expect(writes).toEqual([]);
    expect(await dump(db)).toEqual(before);
  });
});

describe('reading the corpus', () => {
  it('returns dispatches in the order asked, skipping unknown ids, and labels without text', async () => {
    const { db } = await seeded();
    const [a, b] = [bundledCorpus[3], bundledCorpus[1]];
    expect(await getDispatches(db, [a.id, 'nope', b.id])).toEqual([a, b]);
    expect(await getDispatch(db, 'nope')).toBeUndefined();
    const info = await listDispatchInfo(db);
    expect(info).toHaveLength(5);
    const rt = info.find((d) => d.origin === 'RT')!;
    expect(rt).toEqual({
      id: 'rt-radiohc-2021-12-16-poutine-negociations-otan',
      outlet: 'Radio Habana Cuba',
      origin: 'RT',
      chain: ['AFP + RT', 'Radio Habana Cuba'],
      language: 'fr',
      date: '2021-12-16',
      title: expect.stringContaining('Poutine souhaite'),
      url: expect.stringMatching(/^https:\/\/www\.radiohc\.cu\//),
      words: expect.any(Number),
      source: 'bundled',
      // Who wrote which paragraphs: the labels carry it, so a passage can name its own origin.
      origins: [
        { from: 0, to: 1, origin: 'AFP' },
        { from: 2, to: expect.any(Number), origin: 'RT' },
      ],
    });
    expect(rt.words).toBeGreaterThan(500);
  });

  it('reading the index says when the corpus has not been seeded', async () => {
    const { db } = testDb();
    await expect(loadSegmentSet(db)).rejects.toThrow('is missing');
  });
});
