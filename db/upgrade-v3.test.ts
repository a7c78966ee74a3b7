import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { dispatchText, match, type CorpusIndex } from '../engine/index';
import { sampleSaved } from '../saved/test-support';
import { ensureSeeded, openDb } from './index';
import { legacyIndexRows } from './test-support';
import { SCHEMA_V2 } from './schema';
import { loadSegmentSet } from './segment-store';
import { toStored } from './stored-dispatch';

describe('upgrade from version 2 to 3', () => {
  it('keeps every dispatch, whole-index row, saved comparison and setting, and builds the segments from the dispatches', { timeout: 60_000 }, async () => {
    const name = `recoupe-upgrade3-${Math.random().toString(36).slice(2)}`;
    // A browser of the release before segments: version 2 of the schema, with data in it.
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const imported = toStored({ ...bundledCorpus[1], id: 'mine', title: 'Ma dépêche' }, 'imported');
    const dispatches = [...bundledCorpus.map((d) => toStored(d, 'bundled')), imported];
    // Version 2 kept both whole-corpus indexes in `meta`.
    const meta = [...legacyIndexRows(dispatches), { key: 'corpusVersion', value: corpusVersion }];
    const saved = [sampleSaved({ tags: ['afp'] })];
    const settings = [{ key: 'settings', value: { lang: 'en' } }];
    await v2.table('dispatches').bulkPut(dispatches);
    await v2.table('meta').bulkPut(meta);
    await v2.table('saved').bulkPut(saved);
    await v2.table('settings').bulkPut(settings);
    expect(v2.verno).toBe(2);
    v2.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    expect(await db.dispatches.orderBy('id').toArray()).toEqual([...dispatches].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.meta.orderBy('key').toArray()).toEqual([...meta].sort((a, b) => (a.key < b.key ? -1 : 1)));
    expect(await db.saved.toArray()).toEqual(saved);
    expect(await db.settings.toArray()).toEqual(settings);
    expect(await db.segments.count()).toBe(0);

    // The first start after the upgrade indexes every stored dispatch in segments, the reader's
    // too, drops the whole-corpus rows, and matches as the whole index of them did.
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    expect(await db.meta.where('key').anyOf('index', 'factsIndex', 'indexVersion', 'factsRules').count()).toBe(0);
    expect(await db.dispatches.count()).toBe(dispatches.length);
    const set = await loadSegmentSet(db);
    expect(set.size).toBe(dispatches.length);
    const page = dispatchText(imported);
    const getText = (id: string) => dispatches.find((d) => d.id === id) && dispatchText(dispatches.find((d) => d.id === id)!);
    const onSegments = match(page, set.textView(), getText);
    expect(onSegments.dispatches.map((d) => d.id)).toContain('mine');
    expect(onSegments.dispatches.map((d) => d.id)).toContain(bundledCorpus[1].id);
    expect(onSegments).toEqual(match(page, meta[0].value as CorpusIndex, getText));
    db.close();
  });
});
