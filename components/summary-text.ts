import { deName } from '../i18n/french';
import { getLanguage, t } from '../i18n/t';
import { formatPercent } from './format';
import type { PageSummary, SourceShare } from './page-summary';

function names(origin: string): { origin: string; ofOrigin: string } {
  return { origin, ofOrigin: deName(origin) };
}

function list(items: string[]): string {
  return new Intl.ListFormat(getLanguage(), { type: 'conjunction' }).format(items);
}

/**
 * The page's verdict in one sentence: how much of it is one origin's copy and who else ran it,
 * else how much translates one origin, else how many of its sentences others tell in other words.
 * Null when the corpus has nothing to say about the page.
 */
export function summaryHeadline(summary: PageSummary): string | null {
  const top = summary.shares[0];
  if (top) {
    const percent = formatPercent(top.share);
    if (top.kind === 'translation') return t('sumTranslation', { percent, ...names(top.origin) });
    const count = top.outlets.length;
    if (count === 0) return t('sumCopyNone', { percent, ...names(top.origin) });
    if (count === 1) return t('sumCopyOne', { percent, outlet: top.outlets[0], ...names(top.origin) });
    return t('sumCopyMany', { percent, count, ...names(top.origin) });
  }
  const told = summary.counts.sameFact;
  if (told === 0) return null;
  const key = new Intl.PluralRules(getLanguage()).select(told) === 'one' ? 'sumToldOne' : 'sumToldMany';
  return t(key, { count: told, outlets: list(summary.sameFactOutlets) });
}

/** The label of one segment of the coverage bar, also its text equivalent. */
export function segmentLabel(share: Pick<SourceShare, 'origin' | 'kind' | 'share'>): string {
  const percent = formatPercent(share.share);
  return t(share.kind === 'copy' ? 'sumSegmentCopy' : 'sumSegmentTranslation', { percent, ...names(share.origin) });
}

/** The rest of the page: words no passage of the corpus covers. */
export function ownShare(summary: PageSummary): number {
  return Math.max(0, 1 - summary.shares.reduce((sum, s) => sum + s.share, 0));
}
