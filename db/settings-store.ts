import { normalizeSettings, type Settings } from '../settings/settings';
import type { RecoupeDB } from './recoupe-db';

/** One row holds every setting: they change together and are read together. */
const KEY = 'settings';

export async function readSettings(db: RecoupeDB): Promise<Settings> {
  return normalizeSettings((await db.settings.get(KEY))?.value);
}

export async function writeSettings(db: RecoupeDB, settings: Settings): Promise<void> {
  await db.settings.put({ key: KEY, value: settings });
}
