import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

(globalThis as { browser?: unknown }).browser = fakeBrowser;

const background = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/background.js` };
const contentScript = { id: fakeBrowser.runtime.id, url: 'https://evil.example/', frameId: 0, tab: { id: 3, url: 'https://evil.example/' } };

describe('page ↔ side panel messages', () => {
  it('a side panel believes a page focus from the extension, never one a content script forges', async () => {
    const { onPageFocus } = await import('./page-link');
    const heard: number[] = [];
    const off = onPageFocus((f) => heard.push(f.passage));
    const focus = { type: 'recoupe:page-focus', tabId: 3, passage: 2 };
    await fakeBrowser.runtime.onMessage.trigger(focus, contentScript as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ ...focus, passage: -1 }, background as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ ...focus, tabId: '3' }, background as never, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger(focus, background as never, () => undefined);
    expect(heard).toEqual([2]);
    off();
  });

  it('a request to show a passage needs whole, non-negative offsets', async () => {
    const { isShowPassage } = await import('./page-link');
    const ok = { type: 'recoupe:show-passage', passage: 1, start: 10, end: 20 };
    expect(isShowPassage(ok)).toBe(true);
    expect(isShowPassage({ ...ok, start: -1 })).toBe(false);
    expect(isShowPassage({ ...ok, end: 2.5 })).toBe(false);
    expect(isShowPassage({ ...ok, type: 'recoupe:page-focus' })).toBe(false);
    expect(isShowPassage(null)).toBe(false);
  });
});
