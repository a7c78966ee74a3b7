import { browser } from 'wxt/browser';
import type { PageArticle } from '../corpus/page-dispatch';
import { t } from '../i18n/t';
import type { ArticleReply, GetArticle } from '../messaging/tab-messages';

/** Asks the content script of a tab for its article; says what to do when the tab cannot answer. */
export async function askArticle(tabId: number): Promise<PageArticle> {
  const ask: GetArticle = { type: 'recoupe:get-article' };
  let reply: ArticleReply | undefined;
  try {
    reply = (await browser.tabs.sendMessage(tabId, ask)) as ArticleReply | undefined;
  } catch {
    throw new Error(t('errPageUnreadable'));
  }
  if (!reply) throw new Error(t('errPageUnreadable'));
  if (!reply.ok) throw new Error(reply.noArticle ? t('errNoArticleToAdd') : (reply.error ?? t('errPageUnreadable')));
  return reply.article;
}
