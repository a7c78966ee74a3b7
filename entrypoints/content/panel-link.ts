import { browser } from 'wxt/browser';
import { strongestPassage } from '../../components/passage-groups';
import { domRangesFor, type ExtractedArticle } from '../../extract';
import { send } from '../../messaging/client';
import { isPanelReady, isShowPassage, type ShowPassage } from '../../messaging/page-link';
import type { PageResult } from '../../messaging/protocol';
import { clearFlash, flashRanges } from './flash';
import { logErrorOnce } from './log';
import { scrollToRanges } from './scroll-to';

/** The pointer rests this long on a highlight before the side panel follows it: crossing text sends nothing. */
export const POINT_DELAY_MS = 250;

export interface PanelLink {
  /** The reader hovered or keyboard-focused the highlight of these passages (indices into the result); none: the card closed. */
  pointed(passages: number[]): void;
  stop(): void;
}

/** Whether a request from the background names this passage of this page's result (not of an older run). */
export function namesPassage(result: Pick<PageResult, 'passages'>, message: ShowPassage): boolean {
  const page = result.passages[message.passage]?.page;
  return page !== undefined && page.start === message.start && page.end === message.end;
}

/**
 * The page's half of its link with the side panel, through the background only: the panel's
 * selection scrolls the page to the passage and flashes it; the highlight the reader rests on or
 * reaches by keyboard selects its passage in the panel (one message once the pointer settles).
 */
export function linkToPanel(article: ExtractedArticle, result: PageResult): PanelLink {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent: number | null = null;
  /** The passage of the open card (the reader's pointer or keyboard is on its highlight), if any. */
  let now: number | null = null;

  const report = (passage: number) => {
    lastSent = passage;
    send('focus-passage', { passage }).catch(logErrorOnce);
  };

  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: boolean) => void): boolean => {
    // Only the extension reaches a content script's runtime.onMessage (tabs.sendMessage).
    if (isPanelReady(message)) {
      // A panel (re)opened knows nothing of what was reported before: say it again, now.
      lastSent = null;
      clearTimeout(timer);
      if (now !== null) report(now);
      return false;
    }
    if (!isShowPassage(message)) return false;
    try {
      const shown = namesPassage(result, message) && show(message);
      sendResponse(shown);
    } catch (err) {
      logErrorOnce(err);
      sendResponse(false);
    }
    return false;
  };

  const show = ({ start, end, passage }: ShowPassage): boolean => {
    const ranges = domRangesFor(article, start, end).filter((r) => r.startContainer.isConnected);
    if (ranges.length === 0) return false;
    // The panel already shows this passage: pointing at it again says nothing new.
    lastSent = passage;
    clearTimeout(timer);
    scrollToRanges(ranges);
    flashRanges(ranges);
    return true;
  };

  browser.runtime.onMessage.addListener(onMessage);
  return {
    pointed(passages) {
      const passage = strongestPassage(passages.filter((i) => result.passages[i]).map((index) => ({ index, passage: result.passages[index] })));
      clearTimeout(timer);
      now = passage;
      if (passage === null || passage === lastSent) return;
      timer = setTimeout(() => {
        timer = undefined;
        report(passage);
      }, POINT_DELAY_MS);
    },
    stop() {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onMessage);
      clearFlash();
    },
  };
}
