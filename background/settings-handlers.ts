import type { Handlers } from '../messaging/server';
import { pageSettings } from '../settings/settings';
import type { SettingsService } from './settings-service';

export type SettingsMessage = 'get-settings' | 'set-settings' | 'page-settings';

export function settingsHandlers(settings: Pick<SettingsService, 'get' | 'update'>): Pick<Handlers, SettingsMessage> {
  return {
    'get-settings': () => settings.get(),
    'set-settings': (req) => settings.update(req),
    // For the sending page's own address only.
    'page-settings': async (_req, { url }) => pageSettings(await settings.get(), url),
  };
}
