import { readPageArticle } from '../../extract';
import { pageMeta } from '../../extract/page-meta';
import type { ArticleReply } from '../../messaging/tab-messages';
import { MAX_ARTICLE_CHARS } from './limits';

/**
 * The page's article as extracted now (same-origin frames included, as a run reads it), with the
 * page's own metadata: what the reader adds to the corpus from the popup. Works on paused sites
 * too, since the reader asked.
 */
export async function articleReply(): Promise<ArticleReply> {
  try {
    const article = await readPageArticle(document, { maxChars: MAX_ARTICLE_CHARS });
    return article
      ? { ok: true, article: { url: location.href, title: article.title, text: article.text, meta: pageMeta(document) } }
      : { ok: false, noArticle: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
