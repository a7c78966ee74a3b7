import { describe, expect, it, vi } from 'vitest';
import { ImportError } from '../db/import';
import type { Dispatch, MatchResult } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { contentCaller, pageCaller } from '../messaging/test-callers';
import { setLanguage } from '../i18n/t';
import { createHandlers, ndjsonErrorMessage, type BackgroundDeps } from './handlers';
import { TabResults } from './tab-results';
import { defaultPageSettings } from '../settings/page-settings';
import { OpenLimit } from './open-limit';

setLanguage('en');

const info: DispatchInfo = {
  id: 'afp-1',
  outlet: 'Europe 1',
  origin: 'AFP',
  chain: ['AFP', 'Europe 1'],
  language: 'fr',
  date: '2021-12-07',
  title: 'Titre',
  words: 300,
  source: 'bundled',
};

const twoPassages: MatchResult = {
  passages: [0, 40].map((start) => ({
    dispatch: 'afp-1',
    kind: 'verbatim' as const,
    quote: false,
    score: 1,
    page: { start, end: start + 10, text: 'abcdefghij' },
    source: { start, end: start + 10, text: 'abcdefghij' },
    diff: [],
  })),
  dispatches: [{ id: 'afp-1', relation: 'republished', coverage: 0.9, narrationCoverage: 0.9, passages: 2 }],
  pageWords: 20,
};

function setup(match: () => Promise<MatchResult> = async () => twoPassages) {
  const tabs = new TabResults();
  const badges: [number, number][] = [];
  const notices: [number, string][] = [];
  const opened: [number, number | undefined][] = [];
  const imports: [Dispatch[], string][] = [];
  const deps: BackgroundDeps = {
    corpus: {
      match: async () => ({ result: await match(), infoOf: (id) => (id === info.id ? info : undefined) }),
      alignDispatch: async () => null,
      getDispatch: async () => null,
      list: async () => [info],
      count: async () => 5,
      import: async (dispatches, mode) => {
        imports.push([dispatches, mode]);
        return { added: dispatches.length, updated: 0, total: 5 + dispatches.length };
      },
    },
    tabs,
    setBadge: async (tabId, n) => void badges.push([tabId, n]),
    openComparison: async (tab, passage) => {
      opened.push([tab.id, passage]);
      return 'sidepanel';
    },
    notify: (tabId, what) => void notices.push([tabId, what]),
  };
  return { handlers: createHandlers(deps), deps, tabs, badges, notices, opened, imports };
}

const fromTab = (id: number, url = 'https://news.example/a') => contentCaller(id, url);
const fromPage = pageCaller();
const page = { title: 'A', text: 'some page text' };
const pageUrl = 'https://news.example/a';

describe('background handlers', () => {
  it('matches a page, caches the result for its tab and shows the passage count on the badge', async () => {
    const { handlers, tabs, badges, notices } = setup();
    const result = await handlers['match-page'](page, fromTab(4));
    expect(result.passages).toHaveLength(2);
    expect(result.dispatchInfo).toEqual({ 'afp-1': info });
    expect(badges).toEqual([[4, 2]]);
    // The sender already holds the text: the reply gives its length only; the tab's views get it whole.
    const { textLength, saved, settings, ...rest } = result;
    expect(textLength).toBe(page.text.length);
    expect(saved).toEqual([]);
    // The page never asked for its settings: they come with the reply (defaults here).
    expect(settings).toEqual(defaultPageSettings());
    expect(result).not.toHaveProperty('text');
    expect(await handlers['get-tab-result']({ tabId: 4 }, fromPage)).toEqual({ ...rest, text: page.text });
    expect(await handlers['get-tab-state']({ tabId: 4 }, fromPage)).toEqual({ status: 'done', result: { ...rest, text: page.text } });
    expect(await handlers['get-tab-result']({ tabId: 5 }, fromPage)).toBeNull();
    expect(notices).toEqual([
      [4, 'state'],
      [4, 'state'],
    ]);
    expect(tabs.url(4)).toBe(pageUrl);
    expect(result.url).toBe(pageUrl);
  });

  it('reports matching while the corpus is not ready yet', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { handlers } = setup(async () => {
      await gate;
      return twoPassages;
    });
    const pending = handlers['match-page'](page, fromTab(4));
    await new Promise((r) => setTimeout(r, 0));
    expect(await handlers['get-tab-state']({ tabId: 4 }, fromPage)).toEqual({ status: 'matching' });
    release();
    await pending;
    expect((await handlers['get-tab-state']({ tabId: 4 }, fromPage)).status).toBe('done');
  });

  it('replies with the error and records it when matching fails', async () => {
    const { handlers, badges } = setup(async () => {
      throw new Error('index unreadable');
    });
    await expect(handlers['match-page'](page, fromTab(9))).rejects.toThrow('index unreadable');
    expect(await handlers['get-tab-state']({ tabId: 9 }, fromPage)).toEqual({ status: 'error', error: 'index unreadable' });
    expect(badges).toEqual([[9, 0]]);
  });

  it('takes the page address from the sender, never from the request', async () => {
    const { handlers, tabs } = setup();
    const forged = { ...page, url: 'https://victim.example/private' } as typeof page;
    const result = await handlers['match-page'](forged, fromTab(6, 'https://attacker.example/'));
    expect(result.url).toBe('https://attacker.example/');
    expect(tabs.url(6)).toBe('https://attacker.example/');
    await handlers['clear-page']({ url: 'https://victim.example/private' } as never, fromTab(6, 'https://attacker.example/other'));
    expect(tabs.url(6)).toBe('https://attacker.example/other');
  });

  it('clears the badge and remembers that the page has no article', async () => {
    const { handlers, badges } = setup();
    await handlers['match-page'](page, fromTab(2));
    await handlers['clear-page']({}, fromTab(2));
    expect(badges).toEqual([
      [2, 2],
      [2, 0],
    ]);
    expect(await handlers['get-tab-state']({ tabId: 2 }, fromPage)).toEqual({ status: 'no-article' });
    expect(await handlers['get-tab-result']({ tabId: 2 }, fromPage)).toBeNull();
  });

  it('reports a match as done only once the content script of that tab says it is drawn', async () => {
    const { handlers, tabs } = setup();
    await handlers['match-page'](page, fromTab(4));
    expect(tabs.report(4).state).toBe('matching');
    await handlers['page-drawn']({ passages: 2, saved: 1, savedFuzzy: 0, savedOrphaned: 1 }, fromTab(5));
    expect(tabs.report(5).state).toBe('unknown');
    await handlers['page-drawn']({ passages: 2, saved: 1, savedFuzzy: -3, savedOrphaned: 1 }, fromTab(4));
    expect(tabs.report(4)).toMatchObject({ state: 'done', drawn: { passages: 2, saved: 1, savedFuzzy: 0, savedOrphaned: 1 } });
  });

  it('brings the saved comparisons of the sender’s own address with the match, whatever the request names', async () => {
    const { deps } = setup();
    const asked: [string, string][] = [];
    const mark = { record: { id: 's1' }, anchor: { status: 'exact', start: 0, end: 4 } } as never;
    const handlers = createHandlers({ ...deps, savedMarks: async (url, text) => (asked.push([url, text]), [mark]) });
    const forged = { ...page, url: 'https://victim.example/private' } as typeof page;
    const reply = await handlers['match-page'](forged, fromTab(6, 'https://attacker.example/'));
    expect(asked).toEqual([['https://attacker.example/', page.text]]);
    expect(reply.saved).toEqual([mark]);
  });

  it('records a match with nothing to draw as drawn at once, and waits for the page otherwise', async () => {
    const none: MatchResult = { passages: [], dispatches: [], pageWords: 3 };
    const bare = setup(async () => none);
    expect((await bare.handlers['match-page'](page, fromTab(4))).saved).toEqual([]);
    expect(bare.tabs.report(4)).toMatchObject({ state: 'done', drawn: { passages: 0, saved: 0, savedFuzzy: 0, savedOrphaned: 0 } });
    // A saved comparison, even one not found again, is the page's to count: 'matching' until it reports.
    const orphan = { record: { id: 's1' }, anchor: { status: 'orphaned' } } as never;
    const withSaved = createHandlers({ ...bare.deps, savedMarks: async () => [orphan] });
    await withSaved['match-page'](page, fromTab(5));
    expect(bare.tabs.report(5).state).toBe('matching');
  });

  it('tells a paused page and an unreadable one apart from a page without article', async () => {
    const { handlers, tabs } = setup();
    await handlers['clear-page']({ why: 'paused' }, fromTab(6));
    expect(tabs.report(6).state).toBe('paused');
    await handlers['clear-page']({ why: 'error' }, fromTab(6));
    expect(tabs.report(6).state).toBe('error');
    await handlers['clear-page']({}, fromTab(6));
    expect(tabs.report(6).state).toBe('no-article');
  });

  it('answers the end of a run with what the settings mean for the page, and matches nothing on a paused site', async () => {
    const { handlers, deps, tabs, badges } = setup();
    const settings = { ...defaultPageSettings(), highlightKinds: ['verbatim' as const] };
    deps.pageSettings = async (url) => ({ ...settings, paused: url === 'https://paused.example/a' });
    expect(await handlers['clear-page']({}, fromTab(6))).toEqual({ ...settings, paused: false });
    // A page whose site was paused after its script was injected: its text is matched against nothing.
    deps.corpus.match = () => Promise.reject(new Error('a paused page was matched'));
    const reply = await handlers['match-page'](page, contentCaller(7, 'https://paused.example/a'));
    expect(reply).toMatchObject({ passages: [], saved: [], textLength: page.text.length, settings: { ...settings, paused: true } });
    expect(tabs.report(7).state).toBe('paused');
    expect(tabs.result(7)).toBeNull();
    expect(badges).toContainEqual([7, 0]);
    expect(await handlers['clear-page']({}, contentCaller(7, 'https://paused.example/a'))).toMatchObject({ paused: true });
    expect(tabs.report(7).state).toBe('paused');
  });

  it('remembers the passage asked for, opens the comparison for that tab and tells open views', async () => {
    const { handlers, opened, notices } = setup();
    expect(await handlers['get-focus']({ tabId: 3 }, fromPage)).toBeNull();
    expect(await handlers['open-comparison']({ passage: 1 }, fromTab(3))).toEqual({ opened: 'sidepanel' });
    expect(opened).toEqual([[3, 1]]);
    expect(await handlers['get-focus']({ tabId: 3 }, fromPage)).toEqual({ passage: 1 });
    expect(notices).toContainEqual([3, 'focus']);
  });

  it('lets the popup name the passage of a tab comparison, and tells open views', async () => {
    const { handlers, notices } = setup();
    expect(await handlers['set-focus']({ tabId: 4, passage: 2 }, fromPage)).toBeNull();
    expect(await handlers['get-focus']({ tabId: 4 }, fromPage)).toEqual({ passage: 2 });
    expect(notices).toContainEqual([4, 'focus']);
    await expect(handlers['set-focus']({ tabId: 4, passage: -1 }, fromPage)).rejects.toThrow();
  });

  it('opens one comparison per page tab and interval, whatever the page sends', async () => {
    const { deps, opened } = setup();
    let now = 0;
    const limited = createHandlers({ ...deps, openLimit: new OpenLimit(() => now) });
    expect(await limited['open-comparison']({ passage: 1 }, fromTab(3))).toEqual({ opened: 'sidepanel' });
    expect(await limited['open-comparison']({ passage: 2 }, fromTab(3))).toEqual({ opened: 'ignored' });
    expect(await limited['open-comparison']({ passage: 2 }, fromTab(4))).toEqual({ opened: 'sidepanel' });
    now += 1_000;
    expect(await limited['open-comparison']({ passage: 2 }, fromTab(3))).toEqual({ opened: 'sidepanel' });
    expect(opened).toEqual([
      [3, 1],
      [4, 2],
      [3, 2],
    ]);
  });

  it('injects the drawing half into the asking tab and frame only, and remembers it for that tab', async () => {
    const { deps, tabs } = setup();
    const injected: [number, number][] = [];
    const handlers = createHandlers({ ...deps, injectUi: async (tabId, frameId) => void injected.push([tabId, frameId]) });
    // Only content scripts of a tab's top frame reach this handler (messaging/permissions.ts).
    await handlers['load-ui']({}, fromTab(8, 'https://news.example/a'));
    expect(injected).toEqual([[8, 0]]);
    expect(tabs.uiLoadedFor(8)).toEqual(['https://news.example/a']);
    expect(tabs.uiLoadedFor(9)).toEqual([]);
  });

  it('imports a well-formed NDJSON file and reports the counts', async () => {
    const { handlers, imports } = setup();
    const line = JSON.stringify({
      id: 'mine-1',
      outlet: 'Mon journal',
      origin: 'AFP',
      chain: ['AFP', 'Mon journal'],
      language: 'fr',
      date: '2024-01-02',
      title: 'Un titre',
      text: 'Premier paragraphe de la dépêche importée.\n\nSecond paragraphe.',
    });
    expect(await handlers['import-ndjson']({ text: `${line}\n`, mode: 'extend' }, fromPage)).toEqual({ added: 1, updated: 0, total: 6 });
    expect(imports[0][0][0].paragraphs).toEqual(['Premier paragraphe de la dépêche importée.', 'Second paragraphe.']);
    expect(imports[0][1]).toBe('extend');
  });

  it('rejects a file with malformed lines, naming each line, and imports nothing', async () => {
    const { handlers, imports } = setup();
    const good = JSON.stringify({ id: 'ok', outlet: 'O', origin: 'AFP', chain: ['AFP'], language: 'fr', date: '2024-01', title: 'T', text: 'Du texte.' });
    const text = [good, '{not json', good.replace('"ok"', '"ok2"').replace('"title":"T",', '')].join('\n');
    const failure = handlers['import-ndjson']({ text, mode: 'replace' }, fromPage);
    await expect(failure).rejects.toThrow(/line 2/);
    await expect(failure).rejects.toThrow(/line 3/);
    await expect(failure).rejects.toThrow(/Nothing was imported/);
    expect(imports).toEqual([]);
  });

  it('words a refused write for the reader instead of passing on the database’s text', async () => {
    const { handlers, deps } = setup();
    const line = JSON.stringify({ id: 'ok', outlet: 'O', origin: 'AFP', chain: ['AFP'], language: 'fr', date: '2024-01', title: 'T', text: 'Du texte.' });
    deps.corpus.import = async () => {
      throw new ImportError('quota', 'QuotaExceededError: The quota has been exceeded.');
    };
    await expect(handlers['import-ndjson']({ text: line, mode: 'extend' }, fromPage)).rejects.toThrow('The browser has no storage space left.');
    deps.corpus.import = async () => {
      throw new DOMException('Internal error opening backing store', 'UnknownError');
    };
    await expect(handlers['import-ndjson']({ text: line, mode: 'extend' }, fromPage)).rejects.toThrow('The browser’s database refused the dispatches.');
  });
});

describe('ndjsonErrorMessage', () => {
  it('lists the first errors and counts the rest', () => {
    const errors = Array.from({ length: 23 }, (_, i) => ({ line: i + 1, message: `bad ${i + 1}` }));
    const message = ndjsonErrorMessage(errors);
    expect(message.split('\n')[0]).toBe('Nothing was imported: 23 malformed lines.');
    expect(message).toContain('line 20: bad 20');
    expect(message).not.toContain('line 21:');
    expect(message).toContain('… and 3 more');
  });
});
