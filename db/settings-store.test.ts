import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyChange, defaultSettings } from '../settings/settings';
import { readSettings, writeSettings } from './settings-store';
import { testDb } from './test-support';

describe('settings store', () => {
  it('reads defaults from an empty table and gives back what was written', async () => {
    const { db } = testDb();
    expect(await readSettings(db)).toEqual(defaultSettings());
    const changed = applyChange(defaultSettings(), { sensitivity: 'strict', site: { host: 'a.example', paused: true } });
    await writeSettings(db, changed);
    expect(await readSettings(db)).toEqual(changed);
    expect(await db.settings.count()).toBe(1);
  });

  it('a damaged record reads as defaults field by field', async () => {
    const { db } = testDb();
    await db.settings.put({ key: 'settings', value: { sensitivity: 'sensitive', highlightKinds: 'all' } });
    expect(await readSettings(db)).toEqual({ ...defaultSettings(), sensitivity: 'sensitive' });
  });
});
