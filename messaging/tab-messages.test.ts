import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

(globalThis as { browser?: unknown }).browser = fakeBrowser;

const background = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/background.js` };
const contentScript = { id: fakeBrowser.runtime.id, url: 'https://evil.example/', frameId: 0, tab: { id: 3, url: 'https://evil.example/' } };

describe('notices heard by extension pages', () => {
  it('believe the extension, never a content script forging them', async () => {
    const { onSettingsChanged } = await import('./tab-messages');
    const { onTabChanged } = await import('./notify');
    const { defaultSettings } = await import('../settings/settings');
    const heard: string[] = [];
    const offSettings = onSettingsChanged((s) => heard.push(`settings ${s.pausedEverywhere}`));
    const offTab = onTabChanged((c) => heard.push(`tab ${c.tabId}`));
    const forgedSettings = { type: 'recoupe:settings-changed', settings: { ...defaultSettings(), pausedEverywhere: true } };
    const forgedTab = { type: 'recoupe:tab-changed', tabId: 8, what: 'state' };
    await fakeBrowser.runtime.onMessage.trigger(forgedSettings, contentScript as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger(forgedTab, contentScript as never, () => undefined);
    expect(heard).toEqual([]);
    await fakeBrowser.runtime.onMessage.trigger({ ...forgedSettings, settings: defaultSettings() }, background as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger(forgedTab, background as never, () => undefined);
    expect(heard).toEqual(['settings false', 'tab 8']);
    offSettings();
    offTab();
  });

  it('a content script hears only that the settings changed', async () => {
    const { onPageSettingsChanged } = await import('./tab-messages');
    let heard = 0;
    const off = onPageSettingsChanged(() => heard++);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'recoupe:page-settings-changed' }, background as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'recoupe:settings-changed' }, background as never, () => undefined);
    expect(heard).toBe(1);
    off();
  });
});
