import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledCorpus } from '../corpus/bundled';
import type { MessageType, Reply, Req, Res } from '../messaging/protocol';

// wxt/browser picks the extension API from globalThis when first imported, so the fake goes in
// before the background module is loaded.
(globalThis as { browser?: unknown }).browser = fakeBrowser;

const TAB = 41;
const tabSender = { id: fakeBrowser.runtime.id, tab: { id: TAB, index: 0, windowId: 1, url: 'https://news.example/a' } };
const pageSender = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };

async function ask<K extends MessageType>(type: K, req: Req<K>, sender: object = pageSender): Promise<Reply<Res<K>>> {
  let reply!: (value: Reply<Res<K>>) => void;
  const answered = new Promise<Reply<Res<K>>>((resolve) => (reply = resolve));
  const results = await fakeBrowser.runtime.onMessage.trigger({ type, req }, sender as never, reply as (r: unknown) => void);
  expect(results).toContain(true);
  return answered;
}

function value<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`background replied with an error: ${reply.error}`);
  return reply.value;
}

const source = bundledCorpus[0];
const pageText = `${source.paragraphs.slice(0, 5).join('\n\n')}\n\nUn dernier paragraphe propre à ce site, qui ne vient d’aucune dépêche du corpus.`;

describe('background worker', () => {
  beforeAll(async () => {
    const { default: background } = await import('../entrypoints/background');
    background.main();
  });

  it('answers a match sent while seeding is under way, caches it for the tab and sets the badge', async () => {
    const result = value(await ask('match-page', { url: 'https://news.example/a', title: 'A', text: pageText }, tabSender));
    expect(result.passages.length).toBeGreaterThan(0);
    expect(result.dispatchInfo[source.id]?.outlet).toBe(source.outlet);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe(String(result.passages.length));
    const state = value(await ask('get-tab-state', { tabId: TAB }));
    expect(state.status).toBe('done');
    expect(value(await ask('get-tab-result', { tabId: TAB }))?.passages).toEqual(result.passages);
  });

  it('serves dispatches and the corpus size to the views', async () => {
    expect(value(await ask('corpus-status', {}))).toEqual({ ready: true, dispatches: bundledCorpus.length });
    expect(value(await ask('get-dispatch', { id: source.id }))?.paragraphs).toEqual(source.paragraphs);
    expect(value(await ask('list-dispatches', {})).map((d) => d.id).sort()).toEqual(bundledCorpus.map((d) => d.id).sort());
  });

  it('keeps the result across an anchor jump and drops it when the tab navigates', async () => {
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { url: 'https://news.example/a#comments' }, {} as never);
    expect(value(await ask('get-tab-state', { tabId: TAB })).status).toBe('done');
    await fakeBrowser.tabs.onUpdated.trigger(TAB, { status: 'loading', url: 'https://news.example/b' }, {} as never);
    expect(value(await ask('get-tab-state', { tabId: TAB }))).toEqual({ status: 'unknown' });
    expect(value(await ask('get-tab-result', { tabId: TAB }))).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('forgets a closed tab', async () => {
    value(await ask('match-page', { url: 'https://news.example/a', title: 'A', text: pageText }, tabSender));
    await fakeBrowser.tabs.onRemoved.trigger(TAB, { windowId: 1, isWindowClosing: false });
    expect(value(await ask('get-tab-state', { tabId: TAB }))).toEqual({ status: 'unknown' });
  });

  it('rejects a malformed NDJSON file with its line numbers and keeps the corpus as it was', async () => {
    const reply = await ask('import-ndjson', { text: '{"id": "x"}\nnot json\n', mode: 'replace' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toMatch(/line 1/);
    expect(reply.error).toMatch(/line 2/);
    expect(value(await ask('corpus-status', {})).dispatches).toBe(bundledCorpus.length);
  });

  it('ignores messages from other extensions', async () => {
    const results = await fakeBrowser.runtime.onMessage.trigger({ type: 'corpus-status', req: {} }, { id: 'someone-else' } as never, () => {});
    expect(results).not.toContain(true);
  });
});
