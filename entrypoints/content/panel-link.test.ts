import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtractedArticle } from '../../extract';
import type { PageResult } from '../../messaging/protocol';

(globalThis as { browser?: unknown }).browser = fakeBrowser;

const passage = (kind: 'verbatim' | 'edited' | 'same-fact', start: number, score: number) => ({
  dispatch: 'afp-1',
  kind,
  quote: false,
  score,
  page: { start, end: start + 10, text: 'abcdefghij' },
  source: { start, end: start + 10, text: 'abcdefghij' },
  diff: [],
});

const result = {
  passages: [passage('same-fact', 0, 0.9), passage('edited', 0, 0.7), passage('verbatim', 40, 1), passage('edited', 0, 0.8)],
  dispatches: [],
  pageWords: 20,
  url: 'https://news.example/a',
  title: 'A',
  dispatchInfo: {},
} as unknown as PageResult;
const article = { text: 'x'.repeat(60), pieces: [] } as unknown as ExtractedArticle;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Fake timers, and every message the page sends to the background, answered with success. */
function recordMessages(): unknown[] {
  vi.useFakeTimers();
  const sent: unknown[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push(message);
    return { ok: true, value: null };
  });
  return sent;
}

describe('the page’s link with the side panel', () => {
  it('a request names a passage of this run only when its offsets agree', async () => {
    const { namesPassage } = await import('./panel-link');
    expect(namesPassage(result, { type: 'recoupe:show-passage', passage: 2, start: 40, end: 50 })).toBe(true);
    expect(namesPassage(result, { type: 'recoupe:show-passage', passage: 2, start: 41, end: 50 })).toBe(false);
    expect(namesPassage(result, { type: 'recoupe:show-passage', passage: 9, start: 40, end: 50 })).toBe(false);
  });

  it('the panel hears the strongest passage under the pointer once it rests there, and once only', async () => {
    const sent = recordMessages();
    const { linkToPanel, POINT_DELAY_MS } = await import('./panel-link');
    const link = linkToPanel(article, result);
    // Crossing three highlights on the way: nothing until the pointer rests.
    link.pointed([2]);
    vi.advanceTimersByTime(POINT_DELAY_MS / 2);
    link.pointed([0]);
    vi.advanceTimersByTime(POINT_DELAY_MS / 2);
    link.pointed([0, 1, 3]);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(POINT_DELAY_MS);
    // Edited beats same fact; the higher score among the edited copies.
    expect(sent).toEqual([{ type: 'focus-passage', req: { passage: 3 } }]);
    link.pointed([3, 0]);
    vi.advanceTimersByTime(POINT_DELAY_MS * 2);
    expect(sent).toHaveLength(1);
    link.pointed([2]);
    link.stop();
    vi.advanceTimersByTime(POINT_DELAY_MS * 2);
    expect(sent).toHaveLength(1);
  });

  it('a side panel that (re)opens hears the passage under the pointer again, and nothing once the card closed', async () => {
    const sent = recordMessages();
    const { linkToPanel, POINT_DELAY_MS } = await import('./panel-link');
    const link = linkToPanel(article, result);
    link.pointed([2]);
    vi.advanceTimersByTime(POINT_DELAY_MS);
    expect(sent).toEqual([{ type: 'focus-passage', req: { passage: 2 } }]);
    // The panel reloads while the pointer still rests there: it hears the same passage at once.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'recoupe:panel-ready' }, {}, () => undefined);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ type: 'focus-passage', req: { passage: 2 } });
    // The card closed; the panel reloads; the reader comes back to the same highlight: reported again.
    link.pointed([]);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'recoupe:panel-ready' }, {}, () => undefined);
    expect(sent).toHaveLength(2);
    link.pointed([2]);
    vi.advanceTimersByTime(POINT_DELAY_MS);
    expect(sent).toHaveLength(3);
    link.stop();
  });
});

