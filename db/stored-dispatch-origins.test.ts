import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { ensureSeeded, getDispatch, importNdjson } from './index';
import { sameStored, toDispatch, toStored } from './stored-dispatch';
import { dispatch, testDb } from './test-support';

const origins = [
  { from: 0, to: 0, origin: 'AFP' },
  { from: 1, to: 1, origin: 'RT' },
];

describe('origins of paragraphs in storage', () => {
  it('are stored and read back as given, and only their own fields', () => {
    const d = dispatch('mix', ['Un.', 'Deux.'], { origins: [{ ...origins[0], extra: 'x' } as never, origins[1]] });
    const row = toStored(d, 'imported');
    expect(row.origins).toEqual(origins);
    expect(toDispatch(row).origins).toEqual(origins);
    expect(toDispatch(toStored(dispatch('plain', ['Un.']), 'imported'))).not.toHaveProperty('origins');
  });

  it('make a record differ when they change, so an update rewrites it', () => {
    const a = toStored(dispatch('mix', ['Un.', 'Deux.'], { origins }), 'imported');
    const b = toStored(dispatch('mix', ['Un.', 'Deux.'], { origins: [{ from: 0, to: 1, origin: 'AFP' }] }), 'imported');
    const none = toStored(dispatch('mix', ['Un.', 'Deux.']), 'imported');
    expect(sameStored(a, a)).toBe(true);
    expect(sameStored(a, b)).toBe(false);
    expect(sameStored(a, none)).toBe(false);
  });

  it('survive an NDJSON import and the bundled seeding', async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const rhc = bundledCorpus.find((d) => d.origins)!;
    expect((await getDispatch(db, rhc.id))?.origins).toEqual(rhc.origins);
    await importNdjson(db, JSON.stringify(dispatch('mix', ['Un.', 'Deux.'], { origins })), 'extend');
    expect((await getDispatch(db, 'mix'))?.origins).toEqual(origins);
  });
});
