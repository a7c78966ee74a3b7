import { describe, expect, it } from 'vitest';
import { callerOf, MAY_SEND, mayAsk, type Self, type Sender } from './permissions';
import type { MessageType } from './protocol';

const self: Self = { id: 'recoupe-id', base: 'chrome-extension://recoupe-id/' };
const tab = (id: number, url: string) => ({ id, index: 0, windowId: 1, url, active: true, highlighted: false, pinned: false, incognito: false }) as Sender['tab'];

describe('who sent a message', () => {
  it('an extension page by its address on the extension’s own origin, with or without a tab', () => {
    expect(callerOf({ id: self.id, url: 'chrome-extension://recoupe-id/popup.html' }, self)).toEqual({
      kind: 'extension-page',
      url: 'chrome-extension://recoupe-id/popup.html',
      tab: undefined,
    });
    // The Saved view open in a tab: the tab proves nothing, the address does.
    const inTab = callerOf({ id: self.id, url: 'chrome-extension://recoupe-id/saved.html', tab: tab(5, 'chrome-extension://recoupe-id/saved.html'), frameId: 0 }, self);
    expect(inTab).toMatchObject({ kind: 'extension-page', tab: { id: 5 } });
    // Chromium's sender.origin must agree.
    expect(callerOf({ id: self.id, url: 'chrome-extension://recoupe-id/sidepanel.html', origin: 'chrome-extension://recoupe-id' }, self)?.kind).toBe('extension-page');
    expect(callerOf({ id: self.id, url: 'chrome-extension://recoupe-id/sidepanel.html', origin: 'https://evil.example' }, self)).toBeNull();
    // Firefox's moz-extension origin works the same way.
    const firefox: Self = { id: 'recoupe@recoupe.invalid', base: 'moz-extension://0f1e2d3c/' };
    expect(callerOf({ id: firefox.id, url: 'moz-extension://0f1e2d3c/popup.html' }, firefox)?.kind).toBe('extension-page');
  });

  it('a content script by the top frame of a tab showing an http(s) page; tab and address are the browser’s', () => {
    const sender: Sender = { id: self.id, url: 'https://news.example/a#x', frameId: 0, tab: tab(3, 'https://news.example/a'), origin: 'https://news.example' };
    expect(callerOf(sender, self)).toEqual({ kind: 'content-script', tab: { id: 3, index: 0, windowId: 1, incognito: false }, url: 'https://news.example/a#x' });
    expect(callerOf({ ...sender, url: 'http://127.0.0.1:8080/p', origin: undefined }, self)?.kind).toBe('content-script');
    // A sandboxed page has the opaque origin "null".
    expect(callerOf({ ...sender, origin: 'null' }, self)?.kind).toBe('content-script');
  });

  it('a single-page site’s new address (history.pushState) is the tab’s; a tab address on another origin is not', () => {
    const sender: Sender = { id: self.id, url: 'https://news.example/a', frameId: 0, tab: tab(3, 'https://news.example/b'), origin: 'https://news.example' };
    expect(callerOf(sender, self)?.url).toBe('https://news.example/b');
    expect(callerOf({ ...sender, tab: tab(3, 'https://other.example/b') }, self)?.url).toBe('https://news.example/a');
    expect(callerOf({ ...sender, tab: tab(3, 'chrome://newtab/') }, self)?.url).toBe('https://news.example/a');
  });

  it('refuses anything else: another extension, subframes, other schemes, a tabless page, mismatched origins', () => {
    const content: Sender = { id: self.id, url: 'https://news.example/a', frameId: 0, tab: tab(3, 'https://news.example/a') };
    const refused: [string, Sender][] = [
      ['another extension’s page', { id: 'other-id', url: 'chrome-extension://other-id/popup.html' }],
      ['another extension claiming our address', { id: 'other-id', url: 'chrome-extension://recoupe-id/popup.html' }],
      ['another extension’s content script', { ...content, id: 'other-id' }],
      ['no extension id', { url: 'chrome-extension://recoupe-id/popup.html' }],
      ['no address', { id: self.id, tab: tab(3, 'https://news.example/a'), frameId: 0 }],
      ['a subframe', { ...content, frameId: 2 }],
      ['no frame id', { ...content, frameId: undefined }],
      ['no tab', { ...content, tab: undefined }],
      ['a tab without id', { ...content, tab: { ...tab(3, ''), id: undefined } as Sender['tab'] }],
      ['a negative tab id', { ...content, tab: tab(-1, 'https://news.example/a') }],
      ['a file page', { ...content, url: 'file:///home/me/a.html' }],
      ['a data page', { ...content, url: 'data:text/html,hello' }],
      ['a page claiming the extension’s origin', { ...content, origin: 'chrome-extension://recoupe-id' }],
      ['a look-alike extension address', { id: self.id, url: 'chrome-extension://recoupe-id.evil/popup.html' }],
      ['a page of the extension without the slash', { id: self.id, url: 'chrome-extension://recoupe-idx/popup.html' }],
    ];
    for (const [what, sender] of refused) expect(callerOf(sender, self), what).toBeNull();
  });
});

describe('which sender may send which message', () => {
  const of = (kind: 'content-script' | 'extension-page') =>
    (Object.keys(MAY_SEND) as MessageType[]).filter((type) => mayAsk(type, kind)).sort();

  it('content scripts only what a page needs, about itself', () => {
    expect(of('content-script')).toEqual([
      'clear-page',
      'focus-passage',
      'load-ui',
      'match-page',
      'open-comparison',
      'open-saved',
      'page-drawn',
      'page-settings',
      'save-comparison',
    ]);
  });

  it('extension pages everything else, and none of the page’s own reports', () => {
    const pages = of('extension-page');
    expect(pages).toContain('get-tab-result');
    expect(pages).toContain('set-settings');
    expect(pages).toContain('save-comparison');
    // Only a view of the extension scrolls a page; a page only says what the reader points at on itself.
    expect(pages).toContain('show-passage');
    expect(of('content-script')).not.toContain('show-passage');
    expect(pages).toContain('panel-ready');
    expect(of('content-script')).not.toContain('panel-ready');
    for (const type of ['match-page', 'clear-page', 'page-drawn', 'load-ui', 'open-comparison', 'page-settings', 'open-saved', 'focus-passage']) {
      expect(pages).not.toContain(type);
    }
    // Every message has at least one sender.
    expect(new Set([...pages, ...of('content-script')]).size).toBe(Object.keys(MAY_SEND).length);
  });
});
