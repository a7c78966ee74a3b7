import { send } from '../../messaging/client';
import { onPageSettingsChanged } from '../../messaging/tab-messages';
import { defaultSettings, pageSettings, uiLanguageOf, type PageSettings } from '../../settings/settings';
import { analysePage } from './analyse-page';
import { answerArticleRequests } from './article-request';
import { logErrorOnce } from './log';
import type { PageUi } from './ui-api';

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
 * `loadUi` brings the drawing half when a run has something to show.
 */
export function startRecoupe(loadUi: () => Promise<PageUi>): void {
  answerArticleRequests();
  let settings: PageSettings | null = null;
  let current: { controller: AbortController; undo: Promise<() => void> } | null = null;
  let ui: PageUi | null = null;
  const language = () => uiLanguageOf(settings?.language ?? 'auto', navigator.language);
  const loadOnce = async () => (ui ??= await loadUi());

  const run = (s: PageSettings) => {
    if (current) {
      const previous = current;
      previous.controller.abort();
      void previous.undo.then((undo) => undo());
    }
    current = null;
    if (s.paused) {
      // Clears the badge and the views' cached result for this tab.
      send('clear-page', { why: 'paused' }).catch(logErrorOnce);
      return;
    }
    const controller = new AbortController();
    current = {
      controller,
      undo: analysePage({ kinds: s.highlightKinds, language: language(), signal: controller.signal, loadUi: loadOnce }),
    };
  };

  const apply = (next: PageSettings) => {
    const before = settings;
    settings = next;
    ui?.setLanguage(language());
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
