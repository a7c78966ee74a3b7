import type { Handlers } from '../messaging/server';
import type { CorpusChanged } from '../messaging/tab-messages';

export interface RematchDeps {
  /** Tabs whose page shows passages now. */
  showingPassages(): number[];
  /** Sends a message to the top frame's content script of a tab; rejects when it cannot hear. */
  sendToTab(tabId: number, message: CorpusChanged): Promise<unknown>;
}

/**
 * After dispatches leave the corpus (forgotten, removed, replaced by an import), the pages open in
 * other tabs may show passages of theirs: they are told to match again, so a forgotten article's
 * highlights go at once rather than at the next reload. Only tabs that show passages are told;
 * pages without any cannot lose one.
 */
export function rematchShownTabs(deps: RematchDeps): number {
  const message: CorpusChanged = { type: 'recoupe:corpus-changed' };
  const tabs = deps.showingPassages();
  for (const tabId of tabs) deps.sendToTab(tabId, message).catch(() => undefined);
  return tabs.length;
}

/** Messages whose success can take dispatches out of the corpus. */
export type RemovingMessage = 'memory-forget' | 'remove-dispatches' | 'restore-bundled' | 'import-commit' | 'import-ndjson';

/**
 * The same handlers, followed, when their reply says dispatches left the corpus, by a new match of
 * the tabs showing passages. An import (which may replace the corpus) and restoring the bundled
 * corpus always count; forgetting and removing count when they removed something.
 */
export function withRematch(handlers: Pick<Handlers, RemovingMessage>, deps: RematchDeps): Pick<Handlers, RemovingMessage> {
  const after = <T>(reply: T, removed: boolean): T => {
    if (removed) rematchShownTabs(deps);
    return reply;
  };
  return {
    'memory-forget': async (req, caller) => {
      const reply = await handlers['memory-forget'](req, caller);
      return after(reply, reply.forgotten > 0);
    },
    'remove-dispatches': async (req, caller) => {
      const reply = await handlers['remove-dispatches'](req, caller);
      return after(reply, reply.removed > 0);
    },
    'restore-bundled': async (req, caller) => after(await handlers['restore-bundled'](req, caller), true),
    'import-commit': async (req, caller) => after(await handlers['import-commit'](req, caller), true),
    'import-ndjson': async (req, caller) => after(await handlers['import-ndjson'](req, caller), true),
  };
}
