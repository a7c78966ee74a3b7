import { browser } from 'wxt/browser';
import type { PageSettingsChanged, SettingsChanged } from '../messaging/tab-messages';
import type { Settings } from '../settings/settings';

/**
 * Tells every open extension page (with the whole settings) and every tab's content script (with
 * nothing: it asks what they mean for its own page), so a change applies at once.
 */
export function announceSettings(settings: Settings): void {
  const message: SettingsChanged = { type: 'recoupe:settings-changed', settings };
  // Reaches extension pages only; rejects when none is open, the usual case.
  browser.runtime.sendMessage(message).catch(() => undefined);
  const toPages: PageSettingsChanged = { type: 'recoupe:page-settings-changed' };
  browser.tabs.query({}).then(
    (tabs) => {
      for (const tab of tabs) {
        // The content script runs in the top frame only. Tabs without it (browser pages, pages
        // loaded before install) cannot hear it.
        const id = tab.id;
        if (id !== undefined) Promise.resolve().then(() => browser.tabs.sendMessage(id, toPages, { frameId: 0 })).catch(() => undefined);
      }
    },
    () => undefined,
  );
}
