import { pageDispatch, type PageArticle } from '../corpus/page-dispatch';
import type { Dispatch } from '../engine/types';
import type { DispatchInfo, ImportSummary } from '../messaging/protocol';
import type { Handlers } from '../messaging/server';
import { t } from '../i18n/t';

export type CorpusAdminMessage = 'remove-dispatches' | 'restore-bundled' | 'add-page-to-corpus';

export interface CorpusAdminDeps {
  corpus: {
    /** Runs a write to the corpus, then reloads the index so the next match sees it. */
    change<T>(write: () => Promise<T>): Promise<T>;
    import(dispatches: Dispatch[], mode: 'extend' | 'replace'): Promise<ImportSummary>;
    list(): Promise<DispatchInfo[]>;
  };
  removeImported(ids: string[]): Promise<{ removed: number; total: number }>;
  restoreBundled(): Promise<{ total: number }>;
  /** The article the content script of this tab extracted, with the page's metadata. */
  askArticle(tabId: number): Promise<PageArticle>;
  now(): Date;
}

/** Corpus changes asked by the reader: removal, restoring the bundled corpus, adding the page of a tab. */
export function corpusAdminHandlers(deps: CorpusAdminDeps): Pick<Handlers, CorpusAdminMessage> {
  const { corpus } = deps;
  return {
    'remove-dispatches': (req) => {
      if (!Array.isArray(req.ids) || !req.ids.every((id) => typeof id === 'string')) throw new Error('ids must be a list of dispatch ids');
      return corpus.change(() => deps.removeImported(req.ids));
    },

    'restore-bundled': () => corpus.change(() => deps.restoreBundled()),

    async 'add-page-to-corpus'(req) {
      const article = await deps.askArticle(req.tabId);
      let dispatch: Dispatch;
      try {
        dispatch = pageDispatch(article, deps.now());
      } catch {
        throw new Error(t('errNoArticleToAdd'));
      }
      const summary = await corpus.import([dispatch], 'extend');
      const info = (await corpus.list()).find((d) => d.id === dispatch.id);
      if (!info) throw new Error('The page was stored but cannot be read back from the corpus.');
      return { dispatch: info, added: summary.added > 0 };
    },
  };
}
