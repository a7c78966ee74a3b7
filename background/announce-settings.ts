import { browser } from 'wxt/browser';
import type { SettingsChanged } from '../messaging/tab-messages';
import type { Settings } from '../settings/settings';

/** Tells every tab's content script and every open extension page, so a change applies at once. */
export function announceSettings(settings: Settings): void {
  const message: SettingsChanged = { type: 'recoupe:settings-changed', settings };
  // Rejects when no extension page is open; that is the usual case.
  browser.runtime.sendMessage(message).catch(() => undefined);
  browser.tabs.query({}).then(
    (tabs) => {
      for (const tab of tabs) {
        // Tabs without our content script (browser pages, pages loaded before install) cannot hear it.
        if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
      }
    },
    () => undefined,
  );
}
