import { send } from '../../messaging/client';
import { onPageSettingsChanged } from '../../messaging/tab-messages';
import { defaultSettings, pageSettings, uiLanguageOf, type PageSettings } from '../../settings/settings';
import { analysePage } from './analyse-page';
import { answerArticleRequests } from './article-request';
import { logErrorOnce } from './log';
import type { PageUi } from './ui-api';
import { watchPage, type Change } from './watch-page';
import type { ExtractedArticle } from '../../extract';

/** Settings that change what the page shows; the language only changes the card's words. */
function affectsPage(a: PageSettings, b: PageSettings): boolean {
  return (
    a.paused !== b.paused ||
    a.sensitivity !== b.sensitivity ||
    a.highlightKinds.join() !== b.highlightKinds.join()
  );
}

/**
 * The content script under the reader's settings: nothing at all on a paused site (no extraction,
 * no request to match; the background hears "paused"), otherwise one analysis; a change of
 * settings undoes the current run and starts again, so pausing, resuming and filters apply at once.
 * The page is read again when it becomes another page (a single-page site's navigation: the old
 * drawing goes at once) or grows (a late article, infinite scroll: the old drawing stays until the
 * new one replaces it, and a run that reads the same article as before changes nothing).
 * `loadUi` brings the drawing half when a run has something to show.
 */
export function startRecoupe(loadUi: () => Promise<PageUi>): void {
  answerArticleRequests();
  let settings: PageSettings | null = null;
  let controller: AbortController | null = null;
  let undoShown = () => {};
  /** The article the last run read; undefined before any run. */
  let last: ExtractedArticle | null | undefined;
  /** Whether the last run ended without being cut short (only then does `last` describe what the page shows). */
  let settled = true;
  let ui: PageUi | null = null;
  const language = () => uiLanguageOf(settings?.language ?? 'auto', navigator.language);
  const loadOnce = async () => (ui ??= await loadUi());
  const clear = () => {
    const undo = undoShown;
    undoShown = () => {};
    undo();
  };

  const run = (s: PageSettings, change?: Change) => {
    controller?.abort();
    watch.reset();
    if (change !== 'grown') clear();
    if (change !== 'grown' || !settled) last = undefined;
    settled = false;
    if (s.paused) {
      // Clears the badge and the views' cached result for this tab.
      send('clear-page', { why: 'paused' }).catch(logErrorOnce);
      return;
    }
    const own = (controller = new AbortController());
    void analysePage({
      kinds: s.highlightKinds,
      language: language(),
      signal: own.signal,
      loadUi: loadOnce,
      clear,
      drawn: (undo) => (undoShown = undo),
      unchanged: (article) => {
        // Same text on the same, still attached nodes: what is drawn is still right.
        const same = last !== undefined && last?.text === article?.text && (!last || last.pieces.every((p) => p.node.isConnected));
        last = article;
        return same;
      },
    }).then(() => {
      if (!own.signal.aborted) settled = true;
    });
  };

  // The background says what the settings mean for this page only; it never lists paused sites.
  const ask = () => send('page-settings', {});

  const watch = watchPage((change) => {
    if (!settings) return;
    if (change === 'grown') {
      if (!settings.paused) run(settings, change);
      return;
    }
    // Another address may be on another site, paused or not: the background says so for the new one.
    ask().then(
      (next) => {
        settings = next;
        run(next, change);
      },
      logErrorOnce,
    );
  });

  const apply = (next: PageSettings) => {
    const before = settings;
    settings = next;
    ui?.setLanguage(language());
    if (!before || affectsPage(before, next)) run(next);
  };

  onPageSettingsChanged(() => void ask().then(apply, logErrorOnce));
  ask().then(apply, (err: unknown) => {
    logErrorOnce(err);
    apply(pageSettings(defaultSettings(), location.href));
  });
}
