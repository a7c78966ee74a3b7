import { describe, expect, it } from 'vitest';
import type { MatchResult, PassageKind } from '../engine/types';
import type { SavedAnchor } from '../messaging/protocol';
import { contentCaller } from '../messaging/test-callers';
import { defaultPageSettings } from '../settings/page-settings';
import { createHandlers } from './handlers';
import { TabResults } from './tab-results';

const url = 'https://news.example/a';
const page = { title: 'A', text: 'some page text' };
const passage = (kind: PassageKind) => ({ dispatch: 'd1', kind, quote: false, score: 1, page: { start: 0, end: 4, text: 'some' }, source: { start: 0, end: 4, text: 'some' }, diff: [] });
const found = (kind: PassageKind): MatchResult => ({
  passages: [passage(kind)],
  dispatches: [{ id: 'd1', relation: 'reuses-passages', coverage: 0.5, narrationCoverage: 0.5, passages: 1 }],
  pageWords: 3,
});
const none: MatchResult = { passages: [], dispatches: [], pageWords: 3 };

function setup(result: MatchResult, options: { kinds?: PassageKind[]; saved?: SavedAnchor[]; failing?: boolean } = {}) {
  const tabs = new TabResults();
  const events: string[] = [];
  const handlers = createHandlers({
    corpus: {
      match: async () => ({ result, infoOf: () => undefined }),
      alignDispatch: async () => null,
      getDispatch: async () => null,
      list: async () => [],
      count: async () => 1,
      import: async () => ({ added: 0, updated: 0, total: 1 }),
    },
    tabs,
    setBadge: async () => undefined,
    openComparison: async () => 'sidepanel',
    notify: () => undefined,
    pageSettings: async () => ({ ...defaultPageSettings(), highlightKinds: options.kinds ?? defaultPageSettings().highlightKinds }),
    savedMarks: async () => options.saved ?? [],
    injectUi: async (tabId, frameId) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.failing) throw new Error('no access');
      events.push(`injected ${tabId}/${frameId}`);
    },
  });
  const matchPage = async (tabId: number) => {
    const reply = await handlers['match-page'](page, contentCaller(tabId, url));
    events.push('answered');
    return reply;
  };
  return { handlers, tabs, events, matchPage };
}

const injected = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('match-page and the drawing half', () => {
  it('puts the drawing half into a page that will draw beside the reply, once per page', async () => {
    const { tabs, events, matchPage } = setup(found('edited'));
    await matchPage(4);
    // The reply does not wait for it.
    expect(events).toEqual(['answered']);
    await injected();
    expect(events).toEqual(['answered', 'injected 4/0']);
    expect(tabs.uiLoadedFor(4)).toEqual([url]);
    // The same page matched again (its text grew, its match's rest is drawn) has it already.
    await matchPage(4);
    await injected();
    expect(events).toEqual(['answered', 'injected 4/0', 'answered']);
    // Another page in the tab does not.
    tabs.drop(4);
    await matchPage(4);
    await injected();
    expect(events).toEqual(['answered', 'injected 4/0', 'answered', 'answered', 'injected 4/0']);
  });

  it('answers a page asking for it before it arrived once it is in, without injecting it again', async () => {
    const { handlers, events, matchPage } = setup(found('verbatim'));
    await matchPage(4);
    await handlers['load-ui']({}, contentCaller(4, url));
    expect(events).toEqual(['answered', 'injected 4/0']);
  });

  it('leaves a page with nothing of the kinds shown and no saved mark alone', async () => {
    const hidden = setup(found('edited'), { kinds: ['verbatim'] });
    await hidden.matchPage(4);
    const bare = setup(none, { saved: [{ record: { id: 's1' }, anchor: { status: 'orphaned' } } as never] });
    await bare.matchPage(5);
    await injected();
    expect([...hidden.events, ...bare.events]).toEqual(['answered', 'answered']);
    expect(hidden.tabs.uiLoadedFor(4)).toEqual([]);
  });

  it('puts it into a page that only marks a saved comparison', async () => {
    const { events, matchPage } = setup(none, { saved: [{ record: { id: 's1' }, anchor: { status: 'exact', start: 0, end: 4 } } as never] });
    await matchPage(6);
    await injected();
    expect(events).toEqual(['answered', 'injected 6/0']);
  });

  it('leaves a failed injection to the page, whose asking for it reports the failure', async () => {
    const { tabs, matchPage, handlers } = setup(found('verbatim'), { failing: true });
    const reply = await matchPage(7);
    expect(reply.passages).toHaveLength(1);
    await expect(handlers['load-ui']({}, contentCaller(7, url))).rejects.toThrow('no access');
    expect(tabs.uiLoadedFor(7)).toEqual([]);
  });
});
