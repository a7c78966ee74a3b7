import type { PanelReady, ShowPassage } from '../messaging/page-link';
import type { Handlers } from '../messaging/server';
import type { TabResults } from './tab-results';

export type LinkMessage = 'show-passage' | 'focus-passage' | 'panel-ready';

export interface LinkDeps {
  tabs: Pick<TabResults, 'result' | 'setFocus'>;
  /** Sends a message to the content script of a tab's top frame; rejects when none listens. */
  sendToTab(tabId: number, message: ShowPassage | PanelReady): Promise<unknown>;
  /** Tells the open views that the reader points at a passage of a tab's page. */
  announce(tabId: number, passage: number): void;
}

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * The side panel and its tab's page, linked through the background: a selection in the panel
 * scrolls the page to the passage and flashes it; a highlight the reader hovers or focuses on the
 * page selects its passage in the panel. Only passages of the tab's current result pass.
 */
export function linkHandlers(deps: LinkDeps): Pick<Handlers, LinkMessage> {
  return {
    async 'show-passage'(req) {
      if (!isIndex(req.tabId) || !isIndex(req.passage)) throw new Error('show-passage needs a tab and a passage index');
      const passage = deps.tabs.result(req.tabId)?.passages[req.passage];
      if (!passage) return { shown: false };
      // Kept as the tab's focus, so the panel comes back to it after following another tab.
      deps.tabs.setFocus(req.tabId, req.passage);
      const message: ShowPassage = { type: 'recoupe:show-passage', passage: req.passage, start: passage.page.start, end: passage.page.end };
      try {
        return { shown: (await deps.sendToTab(req.tabId, message)) === true };
      } catch {
        // No content script to hear it (the page navigated, or drew nothing).
        return { shown: false };
      }
    },

    'panel-ready'(req) {
      if (!isIndex(req.tabId)) throw new Error('panel-ready needs a tab');
      const message: PanelReady = { type: 'recoupe:panel-ready' };
      // No content script to hear it (nothing drawn, or not a web page): nothing to report.
      deps.sendToTab(req.tabId, message).catch(() => undefined);
      return null;
    },

    'focus-passage'(req, { tab }) {
      // The tab is the sender's; an index outside its result is a stale page or a forged request.
      if (isIndex(req.passage) && deps.tabs.result(tab.id)?.passages[req.passage]) deps.announce(tab.id, req.passage);
      return null;
    },
  };
}
