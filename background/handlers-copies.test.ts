import { describe, expect, it } from 'vitest';
import type { MatchResult, Passage } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { contentCaller } from '../messaging/test-callers';
import type { Aligned } from './corpus-service';
import { createHandlers, type BackgroundDeps } from './handlers';
import { TabResults } from './tab-results';

const info = (id: string): DispatchInfo => ({ id, outlet: id, origin: 'AFP', chain: ['AFP'], language: 'fr', date: '2021-12-07', title: 'T', words: 300, source: 'bundled' });

const passage = (kind: Passage['kind'], start: number): Passage => ({
  dispatch: kind === 'same-fact' ? 'rt-1' : 'afp-1',
  kind,
  quote: false,
  score: 1,
  page: { start, end: start + 10, text: 'abcdefghij' },
  source: { start, end: start + 10, text: 'abcdefghij' },
  diff: [],
});

const copies: MatchResult = {
  passages: [passage('verbatim', 0)],
  dispatches: [{ id: 'afp-1', relation: 'reuses-passages', coverage: 0.5, narrationCoverage: 0.5, passages: 1 }],
  pageWords: 20,
};
const whole: MatchResult = {
  passages: [passage('verbatim', 0), passage('same-fact', 40)],
  dispatches: [...copies.dispatches, { id: 'rt-1', relation: 'same-story', coverage: 0.3, narrationCoverage: 0, passages: 1, facts: 2 } as never],
  pageWords: 20,
};

const aligned = (result: MatchResult): Aligned => ({ result, infoOf: info });

function setup(rest: MatchResult | null) {
  const tabs = new TabResults();
  const badges: [number, number][] = [];
  const notices: [number, string][] = [];
  const redrawn: number[] = [];
  let restRuns = 0;
  const deps: BackgroundDeps = {
    corpus: {
      match: async () => ({ ...aligned(rest ? copies : whole), rest: rest ? async () => (restRuns++, aligned(rest)) : null }),
      alignDispatch: async () => null,
      getDispatch: async () => null,
      list: async () => [],
      count: async () => 0,
      import: async () => ({ added: 0, updated: 0, total: 0 }),
    },
    tabs,
    setBadge: async (tabId, n) => void badges.push([tabId, n]),
    openComparison: async () => 'sidepanel',
    notify: (tabId, what) => void notices.push([tabId, what]),
    redraw: (tabId) => void redrawn.push(tabId),
  };
  return { handlers: createHandlers(deps), tabs, badges, notices, redrawn, runs: () => restRuns };
}

const url = 'https://news.example/a';
const page = { title: 'A', text: 'x'.repeat(60) };
const settle = () => new Promise((r) => setTimeout(r, 500));

describe('match-page: copies first, then the rest', () => {
  it('answers with the copies, and once the page drew them stores the whole result, updates the badge and views, and has the page draw it', async () => {
    const { handlers, tabs, badges, notices, redrawn, runs } = setup(whole);
    const reply = await handlers['match-page'](page, contentCaller(3, url));
    expect(reply.passages.map((p) => p.kind)).toEqual(['verbatim']);
    await settle();
    // The rest waits for the page's drawing, which needs the worker too.
    expect(runs()).toBe(0);
    expect(redrawn).toEqual([]);
    await handlers['page-drawn']({ passages: 1, saved: 0, savedFuzzy: 0, savedOrphaned: 0 }, contentCaller(3, url));
    await settle();
    expect(runs()).toBe(1);
    expect(tabs.result(3)?.passages.map((p) => p.kind)).toEqual(['verbatim', 'same-fact']);
    expect(tabs.result(3)?.dispatchInfo['rt-1']?.id).toBe('rt-1');
    expect(badges.at(-1)).toEqual([3, 1]);
    expect(notices.at(-1)).toEqual([3, 'state']);
    expect(redrawn).toEqual([3]);
  });

  it('leaves the page alone when the rest adds nothing', async () => {
    const { handlers, tabs, redrawn, runs } = setup(copies);
    await handlers['match-page'](page, contentCaller(4, url));
    const first = tabs.result(4);
    await handlers['page-drawn']({ passages: 1, saved: 0, savedFuzzy: 0, savedOrphaned: 0 }, contentCaller(4, url));
    await settle();
    expect(runs()).toBe(1);
    expect(tabs.result(4)).toBe(first);
    expect(redrawn).toEqual([]);
  });

  it('drops the rest of a page the tab left meanwhile', async () => {
    const { handlers, tabs, redrawn, runs } = setup(whole);
    await handlers['match-page'](page, contentCaller(5, url));
    tabs.drop(5);
    await settle();
    expect(runs()).toBe(0);
    expect(tabs.result(5)).toBeNull();
    expect(redrawn).toEqual([]);
  });

  it('answers at once with the whole result when there is no rest', async () => {
    const { handlers, redrawn } = setup(null);
    const reply = await handlers['match-page'](page, contentCaller(6, url));
    expect(reply.passages.map((p) => p.kind)).toEqual(['verbatim', 'same-fact']);
    await settle();
    expect(redrawn).toEqual([]);
  });
});
