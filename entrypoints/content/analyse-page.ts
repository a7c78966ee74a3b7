import { extractArticle } from '../../extract';
import { send } from '../../messaging/client';
import { startCard } from './card-controller';
import { installHighlightStyles } from './highlight-styles';
import { applyHighlights } from './highlights';
import { logErrorOnce, logInfo } from './log';
import { setPageState } from './page-state';
import { groupPassages } from './passage-groups';
import { whenIdle } from './when-idle';

/** Enough for any news article; bounds the work on giant pages (long threads, whole books). */
export const MAX_ARTICLE_CHARS = 200_000;

/**
 * The content script's one run: wait for idle, extract, ask the background for matches,
 * highlight them and arm the card. Every failure ends in state "error", never in the page.
 */
export async function analysePage(): Promise<void> {
  setPageState('matching');
  await whenIdle();
  const start = performance.now();
  try {
    const article = extractArticle(document, { maxChars: MAX_ARTICLE_CHARS });
    performance.measure('recoupe:extract', { start, end: performance.now() });
    if (!article) {
      try {
        await send('clear-page', {});
      } catch (err) {
        logErrorOnce(err);
      }
      performance.measure('recoupe:total', { start, end: performance.now() });
      setPageState('no-article', 0);
      return;
    }
    if (article.truncated) {
      logInfo(`This page is very large; only the start of its article text (at most ${MAX_ARTICLE_CHARS} characters) is checked.`);
    }
    const result = await send('match-page', { url: location.href, title: article.title, text: article.text });
    if (result.text !== article.text) throw new Error('The match reply is about another text than the one sent.');
    const groups = groupPassages(result.passages, article.text.length);
    let highlighted = 0;
    if (groups.length > 0) {
      installHighlightStyles();
      const marks = applyHighlights(article, groups);
      const lit = new Set(marks.groups.filter((g) => g.ranges.length > 0).flatMap((g) => g.passages));
      highlighted = lit.size;
      if (highlighted > 0) startCard(marks, result);
    }
    performance.measure('recoupe:total', { start, end: performance.now() });
    setPageState('done', highlighted);
  } catch (err) {
    setPageState('error', 0);
    logErrorOnce(err);
  }
}
