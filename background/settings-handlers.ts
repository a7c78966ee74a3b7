import type { Handlers } from '../messaging/server';
import type { SettingsService } from './settings-service';

export type SettingsMessage = 'get-settings' | 'set-settings';

export function settingsHandlers(settings: Pick<SettingsService, 'get' | 'update'>): Pick<Handlers, SettingsMessage> {
  return {
    'get-settings': () => settings.get(),
    'set-settings': (req) => settings.update(req),
  };
}
