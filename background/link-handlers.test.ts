import { describe, expect, it } from 'vitest';
import type { PageResult } from '../messaging/protocol';
import type { PanelReady, ShowPassage } from '../messaging/page-link';
import { contentCaller, pageCaller } from '../messaging/test-callers';
import { linkHandlers } from './link-handlers';
import { TabResults } from './tab-results';

const passage = (start: number) => ({
  dispatch: 'afp-1',
  kind: 'verbatim' as const,
  quote: false,
  score: 1,
  page: { start, end: start + 10, text: 'abcdefghij' },
  source: { start, end: start + 10, text: 'abcdefghij' },
  diff: [],
});

const result: PageResult = {
  passages: [passage(0), passage(40)],
  dispatches: [],
  pageWords: 20,
  url: 'https://news.example/a',
  title: 'A',
  text: 'x'.repeat(60),
  dispatchInfo: {},
};

function setup(reply: (tabId: number, message: ShowPassage | PanelReady) => Promise<unknown> = async () => true) {
  const tabs = new TabResults();
  tabs.set(4, { status: 'done', result }, result.url);
  const sent: [number, ShowPassage | PanelReady][] = [];
  const announced: [number, number][] = [];
  const handlers = linkHandlers({
    tabs,
    sendToTab: (tabId, message) => {
      sent.push([tabId, message]);
      return reply(tabId, message);
    },
    announce: (tabId, index) => void announced.push([tabId, index]),
  });
  return { handlers, tabs, sent, announced };
}

describe('side panel and page linked', () => {
  it('a passage selected in the panel goes to its tab’s page with its offsets, and becomes the tab’s focus', async () => {
    const { handlers, tabs, sent } = setup();
    expect(await handlers['show-passage']({ tabId: 4, passage: 1 }, pageCaller('sidepanel.html'))).toEqual({ shown: true });
    expect(sent).toEqual([[4, { type: 'recoupe:show-passage', passage: 1, start: 40, end: 50 }]]);
    expect(tabs.getFocus(4)).toEqual({ passage: 1 });
  });

  it('nothing is sent for a passage the tab’s result lacks; a page that does not answer is not shown', async () => {
    const { handlers, sent } = setup(async () => undefined);
    expect(await handlers['show-passage']({ tabId: 4, passage: 2 }, pageCaller('sidepanel.html'))).toEqual({ shown: false });
    expect(await handlers['show-passage']({ tabId: 9, passage: 0 }, pageCaller('sidepanel.html'))).toEqual({ shown: false });
    expect(sent).toEqual([]);
    expect(await handlers['show-passage']({ tabId: 4, passage: 0 }, pageCaller('sidepanel.html'))).toEqual({ shown: false });
    const gone = setup(() => Promise.reject(new Error('Receiving end does not exist')));
    expect(await gone.handlers['show-passage']({ tabId: 4, passage: 0 }, pageCaller('sidepanel.html'))).toEqual({ shown: false });
    await expect(gone.handlers['show-passage']({ tabId: 4, passage: -1 }, pageCaller('sidepanel.html'))).rejects.toThrow();
  });

  it('a highlight the reader points at is announced for the sender’s own tab only, and only when its result has it', () => {
    const { handlers, announced } = setup();
    handlers['focus-passage']({ passage: 1 }, contentCaller(4));
    handlers['focus-passage']({ passage: 5 }, contentCaller(4));
    handlers['focus-passage']({ passage: 1.5 }, contentCaller(4));
    handlers['focus-passage']({ passage: 0 }, contentCaller(7));
    expect(announced).toEqual([[4, 1]]);
  });

  it('a side panel that shows a tab asks that tab’s page to report what the reader points at, even with no content script there', async () => {
    const { handlers, sent } = setup(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await handlers['panel-ready']({ tabId: 4 }, pageCaller('sidepanel.html'))).toBeNull();
    expect(sent).toEqual([[4, { type: 'recoupe:panel-ready' }]]);
    await expect(Promise.resolve().then(() => handlers['panel-ready']({ tabId: -2 }, pageCaller('sidepanel.html')))).rejects.toThrow();
    expect(sent).toHaveLength(1);
  });
});
