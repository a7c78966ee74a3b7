import { describe, expect, it } from 'vitest';
import type { MatchOptions } from '../engine/index';
import type { MatchResult } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { contentCaller } from '../messaging/test-callers';
import { sensitivityOptions } from '../settings/sensitivity';
import { createHandlers } from './handlers';
import { TabResults } from './tab-results';

const info = (id: string, url: string): DispatchInfo => ({ id, outlet: id, origin: id, chain: [id], language: 'fr', date: '2025-01-01', title: id, url, words: 10, source: 'imported' });
const infos: Record<string, DispatchInfo> = { self: info('self', 'https://a.example/p'), other: info('other', 'https://b.example/q') };
const passage = (dispatch: string, start: number) => ({ dispatch, kind: 'verbatim' as const, quote: false, score: 1, page: { start, end: start + 4, text: 'abcd' }, source: { start: 0, end: 4, text: 'abcd' }, diff: [] });
const result: MatchResult = {
  passages: [passage('self', 0), passage('other', 10)],
  dispatches: [
    { id: 'self', relation: 'republished', coverage: 1, narrationCoverage: 1, passages: 1 },
    { id: 'other', relation: 'reuses-passages', coverage: 0.2, narrationCoverage: 0.2, passages: 1 },
  ],
  pageWords: 10,
};
const fromTab = contentCaller(3, 'https://a.example/p#top');

describe('match-page under the reader’s settings', () => {
  it('matches with the sensitivity’s engine options and leaves out the page’s own dispatch', async () => {
    const asked: MatchOptions[] = [];
    const badges: number[] = [];
    const handlers = createHandlers({
      corpus: {
        match: async (_text, options = {}) => {
          asked.push(options);
          return { result, infoOf: (id) => infos[id] };
        },
        alignDispatch: async () => null,
        getDispatch: async () => null,
        list: async () => Object.values(infos),
        count: async () => 2,
        import: async () => ({ added: 0, updated: 0, total: 2 }),
      },
      tabs: new TabResults(),
      setBadge: async (_tab, n) => void badges.push(n),
      openComparison: async () => 'sidepanel',
      notify: () => undefined,
      matchOptions: async () => sensitivityOptions('strict'),
    });
    const page = await handlers['match-page']({ title: 'P', text: 'x'.repeat(20) }, fromTab);
    expect(asked).toEqual([sensitivityOptions('strict')]);
    expect(page.passages.map((p) => p.dispatch)).toEqual(['other']);
    expect(page.dispatches.map((d) => d.id)).toEqual(['other']);
    expect(badges).toEqual([1]);
  });
});
