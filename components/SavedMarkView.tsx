import { frenchOrdinalDay } from '../i18n/french';
import { getLanguage, t } from '../i18n/t';

export type SavedMarkViewProps = {
  /** The outlet of the saved comparison ("" when unknown). */
  outlet: string;
  /** When it was saved, ISO 8601. */
  savedAt: string;
  /** Why no reuse card explains it: no passage of the corpus matches it now, or only passages of kinds the reader hides. */
  why: 'unmatched' | 'hidden';
  onOpenSaved: () => void;
  onClose: () => void;
};

/** "2 December 2026" / "1er décembre 2026"; the stored text as it is when it is not a date. */
function dayOf(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const lang = getLanguage();
  const text = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(when);
  return lang === 'fr' ? frenchOrdinalDay(text) : text;
}

/** A handler that runs for the reader's own clicks and keys only, never for events a page script dispatches. */
const trusted = (act: () => void) => (event: Event) => {
  if (event.isTrusted) act();
};

/**
 * The card of a saved passage that no reuse card explains (its dispatch no longer matches the
 * page): what was saved and when, why nothing else is shown, and one action, the Saved view at it.
 */
export function SavedMarkView({ outlet, savedAt, why, onOpenSaved, onClose }: SavedMarkViewProps) {
  const date = dayOf(savedAt);
  return (
    <div class="card" role="dialog" aria-label={t('cardSavedTitle')} data-testid="saved-mark-card">
      <div class="head">
        <span class="title">{t('cardSavedTitle')}</span>
        <button type="button" class="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={trusted(onClose)}>
          ×
        </button>
      </div>
      <div class="about">
        <p class="outlet">{outlet ? t('cardSavedWith', { outlet, date }) : t('cardSavedOn', { date })}</p>
        <p data-testid="saved-mark-why">{t(why === 'hidden' ? 'cardSavedHidden' : 'cardSavedUnmatched')}</p>
        <p class="saved-note">{t('cardSavedMark')}</p>
      </div>
      <div class="actions">
        <button type="button" class="open" data-testid="open-in-saved" onClick={trusted(onOpenSaved)}>
          {t('cardOpenInSaved')}
        </button>
      </div>
      <p class="keys">{t('cardKeys')}</p>
    </div>
  );
}
