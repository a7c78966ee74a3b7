import { browser } from 'wxt/browser';
import { extractArticle } from '../../extract';
import { pageMeta } from '../../extract/page-meta';
import { isGetArticle, type ArticleReply } from '../../messaging/tab-messages';
import { MAX_ARTICLE_CHARS } from './limits';

/**
 * Answers the background when the reader adds this page to the corpus: the article as extracted
 * now, with the page's own metadata. Works on paused sites too, since the reader asked.
 */
export function answerArticleRequests(): void {
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    if (!isGetArticle(message)) return undefined;
    let reply: ArticleReply;
    try {
      const article = extractArticle(document, { maxChars: MAX_ARTICLE_CHARS });
      reply = article
        ? { ok: true, article: { url: location.href, title: article.title, text: article.text, meta: pageMeta(document) } }
        : { ok: false, noArticle: true };
    } catch (err) {
      reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    sendResponse(reply);
    return undefined;
  });
}
