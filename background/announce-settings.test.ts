import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

(globalThis as { browser?: unknown }).browser = fakeBrowser;

describe('announcing a settings change', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives extension pages the settings and tabs only a notice, so no page hears the paused sites', async () => {
    const { announceSettings } = await import('./announce-settings');
    const { defaultSettings } = await import('../settings/settings');
    const toPages = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 4 }, { id: 9 }, {}] as never);
    const toTabs = vi.fn(async () => undefined);
    (fakeBrowser.tabs as { sendMessage: unknown }).sendMessage = toTabs;
    const settings = { ...defaultSettings(), pausedSites: ['secret.example'] };
    announceSettings(settings);
    await new Promise((r) => setTimeout(r, 0));
    expect(toPages).toHaveBeenCalledWith({ type: 'recoupe:settings-changed', settings });
    expect(toTabs.mock.calls).toEqual([
      [4, { type: 'recoupe:page-settings-changed' }, { frameId: 0 }],
      [9, { type: 'recoupe:page-settings-changed' }, { frameId: 0 }],
    ]);
  });
});
