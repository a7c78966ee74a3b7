import { foldUrl } from '../corpus/canonical-url';
import { readDispatchId } from '../corpus/read-dispatch';
import type { ForgetScope } from '../db/reading-memory';
import type { Handlers } from '../messaging/server';
import { siteOf } from '../settings/settings';

export type MemoryMessage = 'memory-status' | 'memory-forget' | 'memory-export';

/** Records exported per message: a memory of 50,000 articles goes out in pieces. */
export const EXPORT_PAGE = 500;

export interface MemoryHandlerDeps {
  corpus: { change<T>(write: () => Promise<T>): Promise<T> };
  count(): Promise<number>;
  /** Whether a record with this id is stored as a read page. */
  isRemembered(id: string): Promise<boolean>;
  forget(scope: ForgetScope): Promise<number>;
  exportPage(after: string | null, limit: number): Promise<{ lines: string[]; next: string | null }>;
  /** The address a tab shows, as the background knows it. */
  tabUrl(tabId: number): string | undefined;
  /** The record the reading memory stored for a tab's page in this worker's life, if any. */
  rememberedFor(tabId: number): string | undefined;
}

/** The record id of a tab's page: the one stored for it, else the one its address would be filed under. */
function pageRecordId(deps: MemoryHandlerDeps, tabId: number): string | null {
  const stored = deps.rememberedFor(tabId);
  if (stored) return stored;
  const url = deps.tabUrl(tabId);
  const key = url ? foldUrl(url) : null;
  return key ? readDispatchId(key) : null;
}

/** The reading memory as the popup and the settings page see it: how much, this page, forgetting, export. */
export function memoryHandlers(deps: MemoryHandlerDeps): Pick<Handlers, MemoryMessage> {
  return {
    async 'memory-status'(req) {
      const count = await deps.count();
      if (typeof req?.tabId !== 'number') return { count, page: null };
      const id = pageRecordId(deps, req.tabId);
      return { count, page: id !== null && (await deps.isRemembered(id)) ? id : null, site: siteOf(deps.tabUrl(req.tabId)) };
    },

    async 'memory-forget'(req) {
      let scope: ForgetScope;
      if (req.scope === 'all') scope = { all: true };
      else if (req.scope === 'site' && typeof req.site === 'string' && req.site.length <= 300) scope = { site: req.site };
      else if (req.scope === 'page' && typeof req.tabId === 'number') {
        const id = pageRecordId(deps, req.tabId);
        if (id === null) return { forgotten: 0 };
        scope = { ids: [id] };
      } else throw new Error('memory-forget needs a scope: page (with tabId), site (with site) or all');
      return { forgotten: await deps.corpus.change(() => deps.forget(scope)) };
    },

    async 'memory-export'(req) {
      const after = typeof req?.after === 'string' ? req.after : null;
      return deps.exportPage(after, EXPORT_PAGE);
    },
  };
}
