import type { PassageKind } from '../engine/types';
import type { Sensitivity } from './sensitivity';
import type { LanguageChoice } from './settings';

/*
 * What every page's bootstrap needs of the settings, apart from settings.ts, whose top-level
 * defaults (the reading memory's among them) would otherwise come into every page.
 */

export const HIGHLIGHT_KINDS = ['verbatim', 'edited', 'same-fact', 'translated'] as const satisfies readonly PassageKind[];

/**
 * What a page's content script needs of the settings: whether Recoupe is paused on that page,
 * never the list of paused sites (a trace of the reader's browsing no page may read).
 */
export interface PageSettings {
  paused: boolean;
  highlightKinds: PassageKind[];
  sensitivity: Sensitivity;
  language: LanguageChoice;
}

/**
 * What the default settings mean for any page (the background did not answer): nothing paused.
 * Written out rather than derived from DEFAULT_SETTINGS; a unit test holds the two together.
 */
export function defaultPageSettings(): PageSettings {
  return { paused: false, highlightKinds: [...HIGHLIGHT_KINDS], sensitivity: 'normal', language: 'auto' };
}

/** The interface language for a choice: 'auto' takes French for a French browser, English otherwise. */
export function uiLanguageOf(choice: LanguageChoice, browserLanguage: string | undefined): 'en' | 'fr' {
  if (choice !== 'auto') return choice;
  return (browserLanguage ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
