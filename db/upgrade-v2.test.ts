import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { sampleSaved } from '../saved/test-support';
import { ensureSeeded, openDb, saveComparison } from './index';
import { legacyIndexRows, liveIds } from './test-support';
import { SCHEMA_V1 } from './schema';
import { toStored } from './stored-dispatch';

describe('upgrade from version 1 to 2', () => {
  it('keeps every corpus, index and settings row and adds an empty, usable saved table', async () => {
    const name = `recoupe-upgrade-${Math.random().toString(36).slice(2)}`;
    // A browser that installed the first release: only version 1 of the schema, with data in it.
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    const imported = toStored({ ...bundledCorpus[0], id: 'mine', title: 'Ma dépêche' }, 'imported');
    const dispatches = [...bundledCorpus.map((d) => toStored(d, 'bundled')), imported];
    // The first release stored the text index only.
    const [index, indexVersion] = legacyIndexRows(dispatches);
    await v1.table('dispatches').bulkPut(dispatches);
    await v1.table('meta').bulkPut([index, indexVersion, { key: 'corpusVersion', value: corpusVersion }]);
    await v1.table('settings').bulkPut([
      { key: 'ui', value: { lang: 'fr' } },
      { key: 'pausedSites', value: ['example.org'] },
    ]);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.dispatches.orderBy('id').toArray()).toEqual([...dispatches].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.dispatches.where('source').equals('imported').primaryKeys()).toEqual(['mine']);
    expect(await db.meta.get('corpusVersion')).toEqual({ key: 'corpusVersion', value: corpusVersion });
    expect(await db.meta.get('index')).toEqual(index);
    expect(await db.settings.toArray()).toEqual([
      { key: 'pausedSites', value: ['example.org'] },
      { key: 'ui', value: { lang: 'fr' } },
    ]);

    expect(await db.saved.count()).toBe(0);
    const record = sampleSaved({ tags: ['afp'] });
    await saveComparison(db, record);
    expect(await db.saved.where('tags').equals('afp').toArray()).toEqual([record]);
    expect(await db.saved.where('page.url').equals(record.page.url).count()).toBe(1);

    // Seeding after the upgrade keeps the corpus as it is and indexes it in segments (text and
    // facts), the reader's imported dispatch too; the old whole-corpus row goes.
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    expect(await db.dispatches.count()).toBe(dispatches.length);
    expect(await liveIds(db)).toEqual(dispatches.map((d) => d.id).sort());
    expect(await db.meta.get('index')).toBeUndefined();
    db.close();
  });
});
