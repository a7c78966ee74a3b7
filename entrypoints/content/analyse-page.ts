import { extractArticle } from '../../extract';
import { pageMeta } from '../../extract/page-meta';
import { send } from '../../messaging/client';
import { startCard } from './card-controller';
import { installHighlightStyles } from './highlight-styles';
import type { PassageKind } from '../../engine/types';
import { applyHighlights, clearHighlights } from './highlights';
import { logErrorOnce, logInfo } from './log';
import { clearSavedMarks, SavedMarks } from './saved-marks';
import { setPageState } from './page-state';
import { groupPassages } from './passage-groups';
import { whenIdle } from './when-idle';

/** Enough for any news article; bounds the work on giant pages (long threads, whole books). */
export const MAX_ARTICLE_CHARS = 200_000;

export interface AnalyseOptions {
  /** Kinds of passage to highlight (the reader's setting); all when absent. */
  kinds?: readonly PassageKind[];
  /** Aborted when the settings changed meanwhile: a newer run takes over and this one leaves the page alone. */
  signal?: AbortSignal;
}

/**
 * One run: wait for idle, extract, ask the background for matches, highlight them and arm the
 * card. Every failure ends in state "error", never in the page. Returns what undoes the run
 * (highlights and card), for when the settings change.
 */
export async function analysePage(options: AnalyseOptions = {}): Promise<() => void> {
  let stopCard = () => {};
  const undo = () => {
    stopCard();
    clearHighlights();
    clearSavedMarks();
  };
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
      if (!options.signal?.aborted) setPageState('no-article', 0);
      return undo;
    }
    if (article.truncated) {
      logInfo(`This page is very large; only the start of its article text (at most ${MAX_ARTICLE_CHARS} characters) is checked.`);
    }
    // The reader's saved passages are marked whether or not the corpus still matches them; asked alongside the match.
    const saved = new SavedMarks(article);
    const savedLoad = saved.load(options.signal).catch(logErrorOnce);
    // The page's own date and language help same-fact alignment tell one event from another.
    const meta = pageMeta(document);
    const result = await send('match-page', { title: article.title, text: article.text, date: meta.published, language: meta.lang });
    if (result.text !== article.text) throw new Error('The match reply is about another text than the one sent.');
    if (options.signal?.aborted) return undo;
    const groups = groupPassages(result.passages, article.text.length).filter((g) => !options.kinds || options.kinds.includes(g.kind));
    await savedLoad;
    if (options.signal?.aborted) return undo;
    let highlighted = 0;
    if (groups.length > 0) {
      installHighlightStyles();
      const marks = applyHighlights(article, groups);
      const lit = new Set(marks.groups.filter((g) => g.ranges.length > 0).flatMap((g) => g.passages));
      highlighted = lit.size;
      if (highlighted > 0) stopCard = startCard(marks, result, saved);
    }
    performance.measure('recoupe:total', { start, end: performance.now() });
    setPageState('done', highlighted);
  } catch (err) {
    if (!options.signal?.aborted) setPageState('error', 0);
    logErrorOnce(err);
  }
  return undo;
}
