import type { PassageKind } from '../engine/types';
import { applyMemoryChange, DEFAULT_MEMORY, normalizeMemory, type MemoryChange, type MemorySettings } from './memory-settings';
import { isSensitivity, type Sensitivity } from './sensitivity';

import { HIGHLIGHT_KINDS, type PageSettings } from './page-settings';

export { defaultPageSettings, HIGHLIGHT_KINDS, uiLanguageOf, type PageSettings } from './page-settings';
/**
 * The kinds offered before a record stored the list it was offered: a kind added since (translated)
 * is highlighted until the reader turns it off, rather than hidden by a list that never knew it.
 */
const KINDS_OFFERED_BEFORE = ['verbatim', 'edited', 'same-fact'];
export const LANGUAGE_CHOICES = ['auto', 'en', 'fr'] as const;
/** 'auto' follows the browser's language. */
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** The reader's preferences, stored in the settings table and read by every part of the extension. */
export interface Settings extends MemorySettings {
  /** Host names (without "www.") where Recoupe does nothing. */
  pausedSites: string[];
  pausedEverywhere: boolean;
  /** Kinds of passage highlighted on pages; the views still list every passage. */
  highlightKinds: PassageKind[];
  sensitivity: Sensitivity;
  language: LanguageChoice;
}

/** A change asked by a view: whole fields, or one site paused or resumed (so two toggles never overwrite each other's list). */
export type SettingsChange = Partial<Omit<Settings, 'pausedSites' | 'memoryExcluded'>> & { site?: { host: string; paused: boolean } } & MemoryChange;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  pausedSites: [],
  pausedEverywhere: false,
  highlightKinds: [...HIGHLIGHT_KINDS],
  sensitivity: 'normal',
  language: 'auto',
  ...DEFAULT_MEMORY,
});

export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, pausedSites: [], highlightKinds: [...DEFAULT_SETTINGS.highlightKinds], memoryExcluded: [] };
}

/** "www.example.org" and "example.org" are one site to a reader. */
export function siteKey(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** The site of an http(s) URL, or null for anything else (extension pages, files...). */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return siteKey(u.hostname) || null;
  } catch {
    return null;
  }
}

export function isPausedOn(settings: Pick<Settings, 'pausedSites' | 'pausedEverywhere'>, url: string | undefined): boolean {
  if (settings.pausedEverywhere) return true;
  const site = siteOf(url);
  return site !== null && settings.pausedSites.includes(site);
}

export function pageSettings(settings: Settings, url: string | undefined): PageSettings {
  return {
    paused: isPausedOn(settings, url),
    highlightKinds: [...settings.highlightKinds],
    sensitivity: settings.sensitivity,
    language: settings.language,
  };
}

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$|^\[[0-9a-f:.]+\]$/;
const isHost = (s: string) => HOST.test(s);

function isKind(value: unknown): value is PassageKind {
  return typeof value === 'string' && (HIGHLIGHT_KINDS as readonly string[]).includes(value);
}

/**
 * Settings from whatever is stored: each field that is missing or malformed (an older or damaged
 * record) takes its default, so a bad value can never switch Recoupe off or break a page.
 */
export function normalizeSettings(value: unknown): Settings {
  const out = defaultSettings();
  if (typeof value !== 'object' || value === null) return out;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.pausedSites)) {
    const sites = v.pausedSites.filter((s): s is string => typeof s === 'string').map(siteKey).filter((s) => HOST.test(s));
    out.pausedSites = [...new Set(sites)].sort();
  }
  if (typeof v.pausedEverywhere === 'boolean') out.pausedEverywhere = v.pausedEverywhere;
  if (Array.isArray(v.highlightKinds)) {
    const on = v.highlightKinds as unknown[];
    const offered: unknown[] = Array.isArray(v.offeredKinds) ? v.offeredKinds : KINDS_OFFERED_BEFORE;
    out.highlightKinds = HIGHLIGHT_KINDS.filter((k) => on.includes(k) || !offered.includes(k));
  }
  if (isSensitivity(v.sensitivity)) out.sensitivity = v.sensitivity;
  if (typeof v.language === 'string' && (LANGUAGE_CHOICES as readonly string[]).includes(v.language)) out.language = v.language as LanguageChoice;
  return { ...out, ...normalizeMemory(v, siteKey, isHost) };
}

/** Applies a change; throws on a value no view would send, so a bug shows instead of being stored. */
export function applyChange(settings: Settings, change: SettingsChange): Settings {
  const next: Settings = { ...settings, pausedSites: [...settings.pausedSites], highlightKinds: [...settings.highlightKinds], memoryExcluded: [...settings.memoryExcluded] };
  applyMemoryChange(next, change, siteKey, isHost);
  if (change.pausedEverywhere !== undefined) {
    if (typeof change.pausedEverywhere !== 'boolean') throw new Error('pausedEverywhere must be true or false');
    next.pausedEverywhere = change.pausedEverywhere;
  }
  if (change.highlightKinds !== undefined) {
    if (!Array.isArray(change.highlightKinds) || !change.highlightKinds.every(isKind)) {
      throw new Error(`highlightKinds must list kinds among ${HIGHLIGHT_KINDS.join(', ')}`);
    }
    next.highlightKinds = HIGHLIGHT_KINDS.filter((k) => change.highlightKinds!.includes(k));
  }
  if (change.sensitivity !== undefined) {
    if (!isSensitivity(change.sensitivity)) throw new Error(`unknown sensitivity "${String(change.sensitivity)}"`);
    next.sensitivity = change.sensitivity;
  }
  if (change.language !== undefined) {
    if (!(LANGUAGE_CHOICES as readonly string[]).includes(change.language)) throw new Error(`unknown language "${String(change.language)}"`);
    next.language = change.language;
  }
  if (change.site !== undefined) {
    const host = siteKey(String(change.site.host ?? ''));
    if (!HOST.test(host)) throw new Error(`"${String(change.site.host)}" is not a site name`);
    const others = next.pausedSites.filter((s) => s !== host);
    next.pausedSites = change.site.paused ? [...others, host].sort() : others;
  }
  return next;
}
