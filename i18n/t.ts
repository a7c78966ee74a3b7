import { en, fr, type MessageKey } from './messages';

export type UiLanguage = 'en' | 'fr';

let current: UiLanguage = detectLanguage();

function detectLanguage(): UiLanguage {
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return nav.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function setLanguage(lang: UiLanguage): void {
  current = lang;
}

export function getLanguage(): UiLanguage {
  return current;
}

/** Looks up a message in the current language and fills `{name}` placeholders. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = (current === 'fr' ? fr : en)[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
