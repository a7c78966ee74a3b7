import type { Passage, StoryVerdict } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import type { MessageKey } from '../i18n/messages';
import { getLanguage, t, type UiLanguage } from '../i18n/t';
import { deName, frenchOrdinalDay, queName } from '../i18n/french';
import type { SelfKind } from './hint-text';
import { passageCounts } from './page-summary';

/** A 0..1 fraction as a whole percentage in the interface language; a non-zero share never shows as 0. */
export function formatPercent(fraction: number, lang: UiLanguage = getLanguage()): string {
  const format = (value: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  const clamped = Math.min(1, Math.max(0, fraction));
  if (clamped > 0 && clamped < 0.005) return t('uiUnderPercent', { percent: format(0.01) });
  return format(clamped);
}

/** Dates are stored as YYYY-MM or YYYY-MM-DD; anything else is shown as it is. */
export function formatDate(date: string, lang: UiLanguage = getLanguage()): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const when = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  if (Number.isNaN(when.getTime())) return date;
  const options: Intl.DateTimeFormatOptions = d
    ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
    : { year: 'numeric', month: 'long', timeZone: 'UTC' };
  const text = new Intl.DateTimeFormat(lang, options).format(when);
  return lang === 'fr' && d ? frenchOrdinalDay(text) : text;
}

/** Picks the singular or plural message by the language's own plural rules (French 0 is singular). */
export function plural(count: number, one: MessageKey, many: MessageKey, lang: UiLanguage = getLanguage()): string {
  const key = new Intl.PluralRules(lang).select(count) === 'one' ? one : many;
  return t(key, { count });
}

/**
 * How many passages reuse corpus text, how many page sentences translate a dispatch and how many
 * the corpus tells in other words, e.g. "2 reused passages · 3 sentences told elsewhere in other words".
 */
export function passageSummary(passages: readonly Pick<Passage, 'kind' | 'page'>[]): string {
  const { reused, translated, sameFact: told } = passageCounts(passages);
  const parts: string[] = [];
  if (reused > 0 || (told === 0 && translated === 0)) parts.push(plural(reused, 'uiPassagesOne', 'uiPassagesMany'));
  if (translated > 0) parts.push(plural(translated, 'uiTranslatedOne', 'uiTranslatedMany'));
  if (told > 0) parts.push(plural(told, 'uiToldElsewhereOne', 'uiToldElsewhereMany'));
  return parts.join(' · ');
}

type VerdictLabel = Pick<DispatchInfo, 'outlet' | 'origin'> & { language?: string };

/** "anglais" / "English" for a dispatch's language tag; the tag itself for a language the interface does not name. */
export function languageName(tag: string | undefined): string {
  const base = (tag ?? '').slice(0, 2).toLowerCase();
  return base === 'fr' ? t('lang:fr') : base === 'en' ? t('lang:en') : (tag ?? '');
}

/** The one-line verdict for a dispatch, e.g. "Republished from AFP via Europe 1 — 84% of the page" (of the dispatch in the reading view). */
export function verdictText(verdict: Pick<StoryVerdict, 'relation' | 'coverage' | 'facts'>, info: VerdictLabel, self: SelfKind = 'page'): string {
  const percent = formatPercent(verdict.coverage);
  const { outlet, origin } = info;
  // Every wording gets the name with its French elisions ("d’Europe 1", "qu’Europe 1") and what the share is of.
  const fr = getLanguage() === 'fr';
  const words = {
    ofOutlet: fr ? deName(outlet) : `of ${outlet}`,
    thanOutlet: fr ? queName(outlet) : `as ${outlet}`,
    ofSelf: t(`ofSelf:${self}`),
  };
  // "from AFP via AFP" says nothing: the outlet is its own origin.
  const direct = !origin || origin === outlet;
  switch (verdict.relation) {
    case 'republished':
      return direct
        ? t('uiVerdictRepublishedDirect', { ...words, outlet, percent })
        : t('uiVerdictRepublished', { ...words, origin, outlet, percent });
    case 'reuses-passages':
      return direct ? t('uiVerdictReusesDirect', { ...words, outlet, percent }) : t('uiVerdictReuses', { ...words, outlet, origin, percent });
    case 'shared-quotes':
      return t('uiVerdictSharedQuotes', { ...words, outlet });
    case 'translated':
      return t('uiVerdictTranslated', { ...words, outlet, percent, language: languageName(info.language) });
    case 'same-story':
    {
      const count = verdict.facts ?? 0;
      const key = new Intl.PluralRules(getLanguage()).select(count) === 'one' ? 'uiVerdictSameStoryOne' : 'uiVerdictSameStoryMany';
      return t(key, { ...words, outlet, count });
    }
  }
}

export function relationLabel(relation: StoryVerdict['relation']): string {
  const keys = {
    republished: 'uiRelationRepublished',
    'reuses-passages': 'uiRelationReuses',
    'shared-quotes': 'uiRelationSharedQuotes',
    'same-story': 'uiRelationSameStory',
    translated: 'uiRelationTranslated',
  } as const;
  return t(keys[relation]);
}
