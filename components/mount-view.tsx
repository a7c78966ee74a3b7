import { render, type ComponentType } from 'preact';
import type { MessageKey } from '../i18n/messages';
import { setLanguage, t, type UiLanguage } from '../i18n/t';
import { send } from '../messaging/client';
import { onSettingsChanged } from '../messaging/tab-messages';
import { uiLanguageOf } from '../settings/settings';

/** Past this, the view shows in the browser's language rather than wait longer for the background. */
const SETTINGS_WAIT_MS = 1500;

/**
 * Renders an extension page in the reader's interface language, and renders it again (afresh)
 * when the reader picks another language in any view.
 */
export function mountView(View: ComponentType, root: HTMLElement, title?: MessageKey): void {
  let shown: UiLanguage | null = null;
  const paint = (lang: UiLanguage) => {
    if (lang === shown) return;
    shown = lang;
    setLanguage(lang);
    document.documentElement.lang = lang;
    if (title) document.title = t(title);
    // A new root element per language: every component starts again with the new words.
    render(null, root);
    render(<View key={lang} />, root);
  };

  const fallback = setTimeout(() => paint(uiLanguageOf('auto', navigator.language)), SETTINGS_WAIT_MS);
  send('get-settings', {}).then(
    (s) => {
      clearTimeout(fallback);
      paint(uiLanguageOf(s.language, navigator.language));
    },
    () => {
      clearTimeout(fallback);
      paint(uiLanguageOf('auto', navigator.language));
    },
  );
  onSettingsChanged((s) => paint(uiLanguageOf(s.language, navigator.language)));
}
