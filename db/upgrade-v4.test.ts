import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { sampleSaved } from '../saved/test-support';
import { beginImport, commitImport, stageImport } from './import-job';
import { ensureSeeded, openDb } from './index';
import { SCHEMA_V3 } from './schema';
import { toStored } from './stored-dispatch';
import { dispatch, liveIds } from './test-support';

describe('upgrade from version 3 to 4', () => {
  it('keeps every dispatch, segment, location, saved comparison and setting, and imports in batches afterwards', { timeout: 60_000 }, async () => {
    const name = `recoupe-upgrade4-${Math.random().toString(36).slice(2)}`;
    // A browser of the release before batch imports: version 3, with a seeded corpus, an import and a saved comparison.
    const seeded = openDb(`${name}-seed`);
    await ensureSeeded(seeded, bundledCorpus, corpusVersion);
    const tables = ['dispatches', 'meta', 'segments', 'located'] as const;
    const rows = Object.fromEntries(await Promise.all(tables.map(async (n) => [n, await seeded.table(n).toArray()] as const)));
    seeded.close();
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    for (const n of tables) await v3.table(n).bulkPut(rows[n]);
    const saved = [sampleSaved({ tags: ['afp'] })];
    await v3.table('saved').bulkPut(saved);
    await v3.table('settings').put({ key: 'settings', value: { lang: 'fr' } });
    v3.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(4);
    for (const n of tables) expect(await db.table(n).toArray()).toEqual(rows[n]);
    expect(await db.saved.toArray()).toEqual(saved);
    expect(await db.settings.toArray()).toEqual([{ key: 'settings', value: { lang: 'fr' } }]);
    expect(await db.staged.count()).toBe(0);

    // The upgraded database takes an import in batches, an update of a bundled dispatch included.
    const job = await beginImport(db, 'extend');
    await stageImport(db, job, [toStored(dispatch('mine', ['Un texte du lecteur.']), 'imported'), toStored({ ...bundledCorpus[0], title: 'Titre revu' }, 'imported')]);
    expect(await commitImport(db, job)).toEqual({ added: 1, updated: 1, total: bundledCorpus.length + 1 });
    expect(await liveIds(db)).toEqual([...bundledCorpus.map((d) => d.id), 'mine'].sort());
    expect(await db.dispatches.get(bundledCorpus[0].id)).toMatchObject({ title: 'Titre revu', source: 'imported' });
    db.close();
  });
});
