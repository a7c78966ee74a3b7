import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledCorpus } from '../corpus/bundled';
import { dispatchText } from '../engine/index';
import type { Passage } from '../engine/types';
import type { MessageType, Reply, Req, Res } from '../messaging/protocol';

// wxt/browser picks the extension API from globalThis when first imported, so the fake goes in
// before the background module is loaded.
(globalThis as { browser?: unknown }).browser = fakeBrowser;
// The worker registers the bootstrap at start; the fake browser keeps no content scripts.
const registered: { id: string; excludeMatches?: string[] }[] = [];
Object.assign(fakeBrowser.scripting, {
  getRegisteredContentScripts: async () => [...registered],
  registerContentScripts: async (scripts: typeof registered) => void registered.push(...scripts),
  updateContentScripts: async (scripts: typeof registered) => void registered.splice(0, registered.length, ...scripts),
  unregisterContentScripts: async () => void registered.splice(0),
});

const TAB = 41;
/** A content script in the top frame of tab `id` showing `url`, as the browser describes it. */
const contentSender = (id: number, url: string) => ({ id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id, index: 0, windowId: 1, url } });
const tabSender = contentSender(TAB, 'https://news.example/a');
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

const byPrefix = (prefix: string) => bundledCorpus.find((d) => d.id.startsWith(prefix))!;

/** Facts of the 7 December 2021 Biden–Putin call (AFP), told in words of this test's own. */
const retold = [
  'Lors d’un entretien par vidéo mardi, le chef du Kremlin a exigé de Joe Biden des garanties juridiques interdisant toute extension de l’Alliance atlantique vers l’est, accusant l’Otan de renforcer ses capacités militaires près des frontières russes.',
  'Le dirigeant russe a fustigé l’attitude agressive de Kiev, qui chercherait à enterrer les accords de paix de Minsk signés en 2015 avec les séparatistes.',
  'Jake Sullivan, conseiller de la Maison Blanche pour la sécurité nationale, affirme que le président américain n’a consenti aucune concession ni promesse sur l’Otan.',
  'Moscou a aussi suggéré d’annuler l’ensemble des représailles visant les missions diplomatiques des deux pays, accumulées ces derniers mois.',
].join('\n\n');

function expectSpansOf(pageText: string, passages: Passage[]) {
  for (const p of passages) {
    expect(pageText.slice(p.page.start, p.page.end)).toBe(p.page.text);
    const source = dispatchText(bundledCorpus.find((d) => d.id === p.dispatch)!);
    expect(source.slice(p.source.start, p.source.end)).toBe(p.source.text);
    for (const h of p.hints ?? []) {
      expect(pageText.slice(h.page.start, h.page.end)).toBe(h.page.text);
      expect(source.slice(h.source.start, h.source.end)).toBe(h.source.text);
    }
  }
}

describe('background worker', () => {
  beforeAll(async () => {
    const { default: background } = await import('../entrypoints/background');
    background.main();
  });

  it('answers a match sent while seeding is under way, caches it for the tab and sets the badge', async () => {
    const result = value(await ask('match-page', { title: 'A', text: pageText }, tabSender));
    expect(result.passages.length).toBeGreaterThan(0);
    expect(result.dispatchInfo[source.id]?.outlet).toBe(source.outlet);
    // The badge counts reused text only: same facts told in other words are not reuse.
    const reused = result.passages.filter((p) => p.kind !== 'same-fact').length;
    expect(reused).toBeGreaterThan(0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe(String(reused));
    const state = value(await ask('get-tab-state', { tabId: TAB }));
    expect(state.status).toBe('done');
    expect(value(await ask('get-tab-result', { tabId: TAB }))?.passages).toEqual(result.passages);
  });

  it('gives a page telling seed facts in new words same-fact passages with hints and same-story verdicts, and no badge', async () => {
    const tab = contentSender(42, 'https://other.example/retold');
    const result = value(
      await ask('match-page', { title: 'R', text: retold, date: '2021-12-07T18:00:00Z', language: 'fr' }, tab),
    );
    expect(result.passages.length).toBeGreaterThan(0);
    expect(result.passages.every((p) => p.kind === 'same-fact')).toBe(true);
    const starts = result.passages.map((p) => p.page.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Every sentence of the retelling is paired with the AFP dispatch it retells.
    const afp = byPrefix('afp-europe1').id;
    expect(new Set(result.passages.filter((p) => p.dispatch === afp).map((p) => p.page.start)).size).toBe(4);
    expectSpansOf(retold, result.passages);
    expect(result.passages.every((p) => Array.isArray(p.hints) && p.sharedTerms!.length >= 2)).toBe(true);
    // "chercherait" hedges what the AFP dispatch quotes as the Kremlin's words.
    const kiev = result.passages.find((p) => p.dispatch === afp && p.page.text.includes('chercherait'))!;
    expect(kiev.hints!.map((h) => h.type)).toEqual(expect.arrayContaining(['hedging', 'loaded']));
    const verdict = result.dispatches.find((d) => d.id === afp)!;
    expect(verdict).toMatchObject({ relation: 'same-story', facts: 4 });
    expect(result.dispatches.every((d) => d.relation === 'same-story')).toBe(true);
    expect(result.dispatchInfo[afp]?.outlet).toBe(byPrefix('afp-europe1').outlet);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 42 })).toBe('');
  });

  it('keeps a republished page’s verdict and pairs none of the sentences it copies as same facts', async () => {
    const tab = contentSender(43, 'https://copy.example/a');
    const result = value(await ask('match-page', { title: 'C', text: pageText, date: '2021-12-07', language: 'fr' }, tab));
    expect(result.dispatches[0]).toMatchObject({ id: source.id, relation: 'republished' });
    const copied = result.passages.filter((p) => p.dispatch === source.id);
    expect(copied.length).toBeGreaterThan(0);
    expect(copied.every((p) => p.kind !== 'same-fact')).toBe(true);
    // Other dispatches still tell some of the same facts in their own words.
    const facts = result.passages.filter((p) => p.kind === 'same-fact');
    expect(facts.length).toBeGreaterThan(0);
    expectSpansOf(pageText, result.passages);
    // Edited copies carry their framing hints too.
    expect(result.passages.filter((p) => p.kind !== 'same-fact').every((p) => Array.isArray(p.hints))).toBe(true);
    const reused = result.passages.length - facts.length;
    expect(await fakeBrowser.action.getBadgeText({ tabId: 43 })).toBe(String(reused));
  });

  it('reads a corpus dispatch against the others, itself left out', async () => {
    const cns = byPrefix('cnsnews');
    const aligned = value(await ask('dispatch-alignment', { id: cns.id }));
    expect(aligned?.dispatch).toEqual(cns);
    const result = aligned!.result;
    expect(result.text).toBe(dispatchText(cns));
    expect(result.title).toBe(cns.title);
    expect(result.passages.length).toBeGreaterThan(0);
    expect(result.passages.some((p) => p.dispatch === cns.id)).toBe(false);
    expectSpansOf(result.text, result.passages);
    expect(result.dispatches.find((d) => d.id === byPrefix('rt-radiohc').id)?.relation).toBe('same-story');
    // The January 2022 call is another event: no verdict for it.
    expect(result.dispatches.some((d) => d.id === byPrefix('afp-news24').id)).toBe(false);
    for (const id of Object.keys(result.dispatchInfo)) expect(id).not.toBe(cns.id);
    expect(value(await ask('dispatch-alignment', { id: 'no-such-dispatch' }))).toBeNull();
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
    value(await ask('match-page', { title: 'A', text: pageText }, tabSender));
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

  it('refuses messages from other extensions, and privileged ones from a page’s content script', async () => {
    const foreign = await ask('corpus-status', {}, { id: 'someone-else', url: 'chrome-extension://someone-else/popup.html' });
    expect(foreign.ok).toBe(false);
    const fromPage = await ask('get-tab-result', { tabId: TAB }, contentSender(44, 'https://attacker.example/'));
    expect(fromPage).toEqual({ ok: false, error: 'Recoupe refused the request “get-tab-result”: it may not be sent from here.' });
  });

  it('answers a content script for its own tab and address, whatever its request names; a subframe is refused', async () => {
    const attacker = contentSender(46, 'https://attacker.example/x');
    const forged = { url: 'https://news.example/a', tabId: TAB, title: 'F', text: 'Un texte sans rapport.' };
    const result = value(await ask('match-page', forged as never, attacker));
    expect(result.url).toBe('https://attacker.example/x');
    expect(value(await ask('get-tab-state', { tabId: 46 })).status).toBe('done');
    expect(value(await ask('get-tab-result', { tabId: TAB }))?.title).not.toBe('F');
    const subframe = { ...attacker, frameId: 3, url: 'https://ads.example/frame' };
    expect((await ask('match-page', { title: 'S', text: 'x' }, subframe)).ok).toBe(false);
  });

  it('gives a content script the settings of its own page only', async () => {
    value(await ask('set-settings', { site: { host: 'paused.example', paused: true } }));
    expect(value(await ask('page-settings', {}, contentSender(45, 'https://paused.example/a')))).toEqual({
      paused: true,
      highlightKinds: ['verbatim', 'edited', 'same-fact', 'translated'],
      sensitivity: 'normal',
      language: 'auto',
    });
    expect(value(await ask('page-settings', {}, contentSender(45, 'https://other.example/a'))).paused).toBe(false);
    value(await ask('set-settings', { site: { host: 'paused.example', paused: false } }));
  });

  it('registers the bootstrap for every page but the paused sites, and not at all when paused everywhere', async () => {
    const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
    value(await ask('set-settings', { site: { host: 'paused.example', paused: true } }));
    await settled();
    expect(registered).toHaveLength(1);
    expect(registered[0].excludeMatches).toEqual(['*://paused.example/*', '*://www.paused.example/*']);
    value(await ask('set-settings', { pausedEverywhere: true }));
    await settled();
    expect(registered).toHaveLength(0);
    value(await ask('set-settings', { pausedEverywhere: false, site: { host: 'paused.example', paused: false } }));
    await settled();
    expect(registered.map((r) => r.excludeMatches)).toEqual([[]]);
  });
});
