import { send } from '../../messaging/client';
import { onSettingsChanged } from '../../messaging/tab-messages';
import { setLanguage } from '../../i18n/t';
import { defaultSettings, isPausedOn, uiLanguageOf, type Settings } from '../../settings/settings';
import { analysePage } from './analyse-page';
import { answerArticleRequests } from './article-request';
import { clearHighlights } from './highlights';
import { logErrorOnce } from './log';
import { setPageState } from './page-state';

/** Settings that change what the page shows; the language only changes the card's words. */
function affectsPage(a: Settings, b: Settings, url: string): boolean {
  return (
    isPausedOn(a, url) !== isPausedOn(b, url) ||
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
  let settings: Settings | null = null;
  let current: { controller: AbortController; undo: Promise<() => void> } | null = null;

  const run = (s: Settings) => {
    if (current) {
      const previous = current;
      previous.controller.abort();
      void previous.undo.then((undo) => undo());
    }
    current = null;
    clearHighlights();
    if (isPausedOn(s, location.href)) {
      setPageState('paused', 0);
      // Clears the badge and the views' cached result for this tab.
      send('clear-page', {}).catch(logErrorOnce);
      return;
    }
    const controller = new AbortController();
    current = { controller, undo: analysePage({ kinds: s.highlightKinds, signal: controller.signal }) };
  };

  const apply = (next: Settings) => {
    setLanguage(uiLanguageOf(next.language, navigator.language));
    const before = settings;
    settings = next;
    if (!before || affectsPage(before, next, location.href)) run(next);
  };

  onSettingsChanged(apply);
  send('get-settings', {}).then(apply, (err: unknown) => {
    logErrorOnce(err);
    apply(defaultSettings());
  });
}
