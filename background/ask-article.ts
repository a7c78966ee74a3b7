import { browser } from 'wxt/browser';
import type { PageArticle } from '../corpus/page-dispatch';
import { t } from '../i18n/t';
import type { ArticleReply } from '../messaging/tab-messages';

/** The article reader, an unlisted script (never web-accessible). */
export const CONTENT_ARTICLE_FILE = '/content-article.js';

interface ScriptingApi {
  scripting?: {
    executeScript(options: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<{ result?: unknown }[]>;
  };
}

/**
 * The article of the page in a tab's top frame, read by a script run there for this request
 * only; says what to do when the tab cannot run it or has no article.
 */
export async function askArticle(tabId: number): Promise<PageArticle> {
  const api = browser as unknown as ScriptingApi;
  let reply: ArticleReply | undefined;
  try {
    const [first] = (await api.scripting?.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_ARTICLE_FILE] })) ?? [];
    reply = first?.result as ArticleReply | undefined;
  } catch {
    throw new Error(t('errPageUnreadable'));
  }
  if (typeof reply !== 'object' || reply === null) throw new Error(t('errPageUnreadable'));
  if (!reply.ok) throw new Error(reply.noArticle ? t('errNoArticleToAdd') : (reply.error ?? t('errPageUnreadable')));
  return reply.article;
}
