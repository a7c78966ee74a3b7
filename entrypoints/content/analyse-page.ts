import { readPageArticle, type ExtractedArticle } from '../../extract';
import { nextIdleSlice } from '../../extract/sliced';
import { pageDateAndLanguage } from '../../extract/page-meta';
import { RemoteError, send } from '../../messaging/client';
import type { PageDrawn, PageResult } from '../../messaging/protocol';
import type { PageSettings } from '../../settings/page-settings';
import type { UiLanguage } from '../../i18n/t';
import { MAX_ARTICLE_CHARS } from './limits';
import { PREFIX, logErrorOnce } from './log';
import type { PageUi } from './ui-api';
import { whenVisible } from './when-visible';

export interface AnalyseOptions {
  /** What the settings mean for this page, as the reply that ends the run says (kinds to highlight, language, paused). */
  settled(settings: PageSettings): void;
  /** The card's language, asked only when there is something to draw. */
  language(): UiLanguage;
  /** Aborted when the settings changed meanwhile: a newer run takes over and this one leaves the page alone. */
  signal?: AbortSignal;
  /** The page-drawing half, loaded only when there is something to draw. */
  loadUi(): Promise<PageUi>;
  /** Takes an earlier run's drawing off the page: called right before this run draws or ends showing nothing. */
  clear(): void;
  /** Hands over what undoes this run's drawing. */
  drawn(undo: () => void): void;
  /** The page is about to be read: what changes from here on is watched for. */
  reading?(): void;
  /** Hands over the article text read (null: none), to watch for its edits. */
  read?(article: ExtractedArticle | null): void;
}

/**
 * One run: wait until the page is visible and idle, extract, ask the background for matches and for the reader's saved
 * passages (one message), and only when some are to be shown, load the drawing half and draw them. How the run
 * ended goes to the background (for the tab's views); the page keeps no trace of it. Every failure
 * ends there as an error, never in the page. An aborted run (a newer one took over) leaves the page alone.
 */
export async function analysePage(options: AnalyseOptions): Promise<void> {
  const { signal } = options;
  // A background tab is analysed when the reader shows it; the settings and "add this page" answer meanwhile.
  await whenVisible(signal);
  if (signal?.aborted) return;
  // The page's own start-up first: an idle period, or 2 s at most on a page that is never idle.
  const deadline = await nextIdleSlice(2000);
  const at = performance.now();
  if (signal?.aborted) return;
  try {
    // Changes made while the page started up are read by this run: watching starts now, so a
    // page building itself costs Recoupe no observed change before then.
    options.reading?.();
    // The cheap check turns away pages (and frames) of links, forms and apps before any walk of
    // the DOM; the extraction itself runs in idle slices, the first in this idle period, so the page never waits on it.
    const article = await readPageArticle(document, { maxChars: MAX_ARTICLE_CHARS, signal, current: { deadline, at } });
    if (signal?.aborted) return;
    options.read?.(article);
    if (!article) {
      options.clear();
      const settings = await send('clear-page', {});
      if (!signal?.aborted) options.settled(settings);
      return;
    }
    if (article.truncated) console.info(PREFIX, `Text cut at ${MAX_ARTICLE_CHARS} characters.`);
    // The page's own date and language help same-fact alignment tell one event from another.
    const meta = pageDateAndLanguage(document);
    // The reply also brings the reader's saved passages on this page (the background takes the
    // address from the browser), marked whether or not the corpus still matches them.
    const { textLength, saved, settings, ...reply } = await send('match-page', { title: article.title, text: article.text, date: meta.published, language: meta.lang });
    if (textLength !== article.text.length) throw new Error('Reply for another text');
    // The passages' offsets point into the text this script sent; the reply leaves it out.
    const result: PageResult = { ...reply, text: article.text };
    if (signal?.aborted) return;
    options.settled(settings);
    const kinds = settings.highlightKinds;
    const shown = result.passages.some((p) => kinds.includes(p.kind));
    if (!shown && saved.every((s) => s.anchor.status === 'orphaned')) {
      options.clear();
      // With no passage and no saved comparison at all, the background has already recorded that nothing is drawn.
      if (result.passages.length > 0 || saved.length > 0) await send('page-drawn', { passages: 0, saved: 0, savedFuzzy: 0, savedOrphaned: saved.length });
      return;
    }
    const ui = await options.loadUi();
    if (signal?.aborted) return;
    const report = (drawn: PageDrawn) => send('page-drawn', drawn).catch(logErrorOnce);
    options.clear();
    const drawing = ui.draw({ article, result, saved, kinds, language: options.language(), onChange: (d) => void report(d) });
    options.drawn(drawing.undo);
    await report(drawing.drawn);
  } catch (err) {
    // A newer run took over (the extraction stops with the signal's reason): nothing went wrong.
    if (signal?.aborted) return;
    logErrorOnce(err);
    options.clear();
    // A failed match is already recorded by the background, with its own reason.
    if (!(err instanceof RemoteError)) await send('clear-page', { why: 'error' }).catch(logErrorOnce);
  }
}
