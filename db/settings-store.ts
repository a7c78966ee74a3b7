import { HIGHLIGHT_KINDS, normalizeSettings, type Settings } from '../settings/settings';
import type { RecoupeDB } from './recoupe-db';

/** One row holds every setting: they change together and are read together. */
const KEY = 'settings';

export async function readSettings(db: RecoupeDB): Promise<Settings> {
  return normalizeSettings((await db.settings.get(KEY))?.value);
}

export async function writeSettings(db: RecoupeDB, settings: Settings): Promise<void> {
  // The kinds offered now: a kind added later is then known to be new to this record (normalizeSettings).
  await db.settings.put({ key: KEY, value: { ...settings, offeredKinds: [...HIGHLIGHT_KINDS] } });
}
