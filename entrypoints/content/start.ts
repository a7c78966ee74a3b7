import { browser } from 'wxt/browser';
import { send } from '../../messaging/client';
import { isCorpusChanged, isPageSettingsChanged } from '../../messaging/tab-messages';
import { uiLanguageOf, type PageSettings } from '../../settings/page-settings';
import { analysePage } from './analyse-page';
import { logErrorOnce } from './log';
import type { PageUi } from './ui-api';
import { watchPage, type Change } from './watch-page';

/** Settings that change what the page shows; the language only changes the card's words. */
function affectsPage(a: PageSettings, b: PageSettings): boolean {
  return (
    a.paused !== b.paused ||
    a.sensitivity !== b.sensitivity ||
    a.highlightKinds.join() !== b.highlightKinds.join()
  );
}

/**
 * The content script under the reader's settings. The browser does not inject it into a paused
 * site's pages (the background registers it so), hence its first run starts without asking: the
 * settings come back with the message that ends the run. A page paused meanwhile does nothing at
 * all (no extraction, no request to match; the background hears "paused"); a change of settings
 * undoes the current run and starts again, so pausing, resuming and filters apply at once.
 * The page is read again when it becomes another page (a single-page site's navigation: the old
 * drawing goes at once), grows (a late article, infinite scroll) or edits its article text in place
 * (the old drawing stays until the new one replaces it).
 * `loadUi` brings the drawing half when a run has something to show.
 */
export function startRecoupe(loadUi: () => Promise<PageUi>): void {
  /** What the settings mean for this page, once the background said (a run's reply, or asked after a notice). */
  let settings: PageSettings | null = null;
  let controller: AbortController | null = null;
  let undoShown = () => {};
  /** The address (without fragment) of the page the last run read; undefined before any run. */
  let page: string | undefined;
  const here = () => location.href.split('#')[0];
  let ui: PageUi | null = null;
  const language = () => uiLanguageOf(settings?.language ?? 'auto', navigator.language);
  const loadOnce = async () => (ui ??= await loadUi());
  const clear = () => {
    const undo = undoShown;
    undoShown = () => {};
    undo();
  };

  /** Whether the page watch has started: with the first run's reading (at once on a paused site). */
  let watching = false;
  const startWatch = () => {
    if (watching) return;
    watching = true;
    watch.reset();
  };

  const run = (change?: Change) => {
    controller?.abort();
    if (watching) watch.reset();
    // A new page loses the old drawing at once; grown or edited text keeps it until the new one
    // replaces it (the drawing half already took highlights off text that went away).
    if (!change || change === 'url') clear();
    page = here();
    if (settings?.paused) {
      startWatch();
      // Clears the badge and the views' cached result for this tab.
      send('clear-page', { why: 'paused' }).catch(logErrorOnce);
      return;
    }
    controller = new AbortController();
    void analysePage({
      settled: (s) => {
        settings = s;
        ui?.setLanguage(language());
      },
      language,
      signal: controller.signal,
      loadUi: loadOnce,
      clear,
      drawn: (undo) => (undoShown = undo),
      reading: startWatch,
      read: (article) => watch.track(article),
    });
  };

  // A new address is read again whatever the settings (a paused one hears "paused"); growth only where not paused.
  const watch = watchPage(
    () => page !== undefined && here() !== page,
    (change) => (change === 'url' || !settings?.paused) && run(change),
  );

  const apply = (next: PageSettings) => {
    const before = settings;
    settings = next;
    ui?.setLanguage(language());
    // Before the first run's reply, only a pause concerns it: that reply brings the other settings.
    if (before ? affectsPage(before, next) : next.paused) run();
    // The background's notice also comes when the tab's address changed (history.pushState).
    else watch.check();
  };

  // One listener for both notices: every page pays for each listener it registers.
  browser.runtime.onMessage.addListener((message: unknown): undefined => {
    // The background says what the settings mean for this page only; it never lists paused sites.
    if (isPageSettingsChanged(message)) void send('page-settings', {}).then(apply, logErrorOnce);
    // Dispatches left the corpus: match again, keeping the drawing until the new one replaces it.
    else if (isCorpusChanged(message) && settings && !settings.paused) run('grown');
  });
  run();
}
