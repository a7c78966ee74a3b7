import { send } from '../../messaging/client';
import { onPageSettingsChanged } from '../../messaging/tab-messages';
import { setLanguage } from '../../i18n/t';
import { defaultSettings, pageSettings, uiLanguageOf, type PageSettings } from '../../settings/settings';
import { analysePage } from './analyse-page';
import { answerArticleRequests } from './article-request';
import { clearHighlights } from './highlights';
import { logErrorOnce } from './log';
import { setPageState } from './page-state';

/** Settings that change what the page shows; the language only changes the card's words. */
function affectsPage(a: PageSettings, b: PageSettings): boolean {
  return (
    a.paused !== b.paused ||
    a.sensitivity !== b.sensitivity ||
    a.highlightKinds.join() !== b.highlightKinds.join()
  );
}

/**
 * The content script under the reader's settings: nothing at all on a paused site (state
 * "paused", no extraction, no request to match), otherwise one analysis; a change of settings
 * undoes the current run and starts again, so pausing, resuming and filters apply at once.
 */
export function startRecoupe(): void {
  setPageState('matching');
  answerArticleRequests();
  let settings: PageSettings | null = null;
  let current: { controller: AbortController; undo: Promise<() => void> } | null = null;

  const run = (s: PageSettings) => {
    if (current) {
      const previous = current;
      previous.controller.abort();
      void previous.undo.then((undo) => undo());
    }
    current = null;
    clearHighlights();
    if (s.paused) {
      setPageState('paused', 0);
      // Clears the badge and the views' cached result for this tab.
      send('clear-page', {}).catch(logErrorOnce);
      return;
    }
    const controller = new AbortController();
    current = { controller, undo: analysePage({ kinds: s.highlightKinds, signal: controller.signal }) };
  };

  const apply = (next: PageSettings) => {
    setLanguage(uiLanguageOf(next.language, navigator.language));
    const before = settings;
    settings = next;
    if (!before || affectsPage(before, next)) run(next);
  };

  // The background says what the settings mean for this page only; it never lists paused sites.
  const ask = () => send('page-settings', {});
  onPageSettingsChanged(() => void ask().then(apply, logErrorOnce));
  ask().then(apply, (err: unknown) => {
    logErrorOnce(err);
    apply(pageSettings(defaultSettings(), location.href));
  });
}
