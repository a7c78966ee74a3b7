import { useState } from 'preact/hooks';
import type { PassageKind } from '../engine/types';
import type { MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';

const KIND_KEYS: Record<PassageKind, MessageKey> = { verbatim: 'cardKindVerbatim', edited: 'cardKindEdited', 'same-fact': 'cardKindSameFact', translated: 'cardKindTranslated' };

/** What the card says about a fact told in other words: how many outlets tell it, and the sharpest framing difference, already worded. */
export interface CardFact {
  outlets: number;
  sharpest?: { outlet: string; text: string };
}

/** One passage under the pointer, as the hover card shows it. */
export interface CardItem {
  /** Index into the page result's passages. */
  index: number;
  outlet: string;
  origin: string;
  chain: string[];
  kind: PassageKind;
  quote: boolean;
  /** Share of identical words, 0..1. */
  score: number;
  /** Set when the reader saved this comparison: found as saved ('exact') or on a page changed since ('fuzzy'). */
  saved?: 'exact' | 'fuzzy';
  /** For a page of the reader's reading memory: where and when they read it ("Read on lemonde.fr, 3 December 2026, credited AFP"). */
  readNote?: string;
}

/** Saving from the card; absent where saving is not possible. */
export interface CardSaveActions {
  onSave?: (index: number) => Promise<void>;
  onOpenSaved?: () => Promise<void>;
}

/** A handler that runs for the reader's own clicks and keys only, never for events a page script dispatches. */
const trusted = (act: () => void) => (event: Event) => {
  if (event.isTrusted) act();
};

type OpenState = { status: 'idle' } | { status: 'busy' } | { status: 'failed'; error: string };

export type CardViewProps = {
  items: CardItem[];
  fact?: CardFact;
  onOpen: (index: number) => Promise<void>;
  onClose: () => void;
} & CardSaveActions;

/**
 * The hover card's content: who the reused text comes from, how it was reused, and the way to
 * the comparison. Items come strongest first; the first one's button is the card's main action.
 */
export function CardView({ items, fact, onOpen, onClose, onSave, onOpenSaved }: CardViewProps) {
  const [open, setOpen] = useState<Record<number, OpenState>>({});
  const [saving, setSaving] = useState<Record<number, OpenState | { status: 'saved' }>>({});
  const save = async (index: number) => {
    if (!onSave) return;
    setSaving((s) => ({ ...s, [index]: { status: 'busy' } }));
    try {
      await onSave(index);
      setSaving((s) => ({ ...s, [index]: { status: 'saved' } }));
    } catch (err) {
      setSaving((s) => ({ ...s, [index]: { status: 'failed', error: err instanceof Error ? err.message : String(err) } }));
    }
  };
  const openComparison = async (index: number) => {
    setOpen((s) => ({ ...s, [index]: { status: 'busy' } }));
    try {
      await onOpen(index);
      setOpen((s) => ({ ...s, [index]: { status: 'idle' } }));
    } catch (err) {
      setOpen((s) => ({ ...s, [index]: { status: 'failed', error: err instanceof Error ? err.message : String(err) } }));
    }
  };

  const label = items.every((i) => i.kind === 'same-fact') ? t('cardFactLabel') : t('cardLabel');
  return (
    <div class="card" role="dialog" aria-label={label}>
      <div class="head">
        <span class="title">{label}</span>
        <button type="button" class="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={trusted(onClose)}>
          ×
        </button>
      </div>
      {fact && (
        <div class="fact" data-testid="card-fact" data-outlets={fact.outlets}>
          <p class="told">{t(fact.outlets === 1 ? 'cardToldByOne' : 'cardToldByMany', { count: fact.outlets })}</p>
          {fact.sharpest && (
            <p class="sharpest" data-testid="card-sharpest">
              {t('cardSharpest', { outlet: fact.sharpest.outlet, hint: fact.sharpest.text })}
            </p>
          )}
        </div>
      )}
      <ul class="items">
        {items.map((item, position) => {
          const state = open[item.index] ?? { status: 'idle' };
          const chain = item.chain.length > 1 ? item.chain.join(' → ') : '';
          return (
            <li key={item.index} class="item">
              {item.outlet ? <p class="outlet">{t('cardFrom', { outlet: item.outlet })}</p> : <p class="outlet">{t('cardUnknownSource')}</p>}
              {item.origin && item.origin !== item.outlet ? <p class="origin">{t('cardOrigin', { origin: item.origin })}</p> : null}
              {chain ? <p class="chain">{t('cardChain', { chain })}</p> : null}
              {item.readNote ? (
                <p class="read" data-testid="card-read-note">
                  {item.readNote}
                </p>
              ) : null}
              <p class="kind">
                <span class={`badge ${item.kind}`}>{t(KIND_KEYS[item.kind] ?? 'cardKindEdited')}</span>
                {item.quote ? <span class="badge quote">{t('cardQuotation')}</span> : null}
                <span class="score">
                  {t(item.kind === 'same-fact' ? 'cardSimilarity' : 'cardScore', { percent: Math.round(item.score * 100) })}
                </span>
              </p>
              <button
                type="button"
                class="open"
                data-testid={position === 0 ? 'open-comparison' : 'open-comparison-other'}
                aria-busy={state.status === 'busy'}
                disabled={state.status === 'busy'}
                onClick={trusted(() => void openComparison(item.index))}
              >
                {state.status === 'busy' ? t('cardOpening') : t('cardOpen')}
              </button>
              {state.status === 'failed' ? (
                <p class="error" role="alert">
                  {t('cardOpenFailed', { error: state.error })}
                </p>
              ) : null}
              <SaveRow
                item={item}
                first={position === 0}
                state={saving[item.index] ?? { status: 'idle' }}
                onSave={onSave && (() => void save(item.index))}
                onOpenSaved={onOpenSaved}
              />
            </li>
          );
        })}
      </ul>
      <p class="keys">{t('cardKeys')}</p>
    </div>
  );
}

type SaveRowProps = {
  item: CardItem;
  first: boolean;
  state: OpenState | { status: 'saved' };
  onSave?: () => void;
  onOpenSaved?: () => Promise<void>;
};

/** Whether the reader saved this comparison (and whether the page changed since), and the Save button. */
function SaveRow({ item, first, state, onSave, onOpenSaved }: SaveRowProps) {
  const saved = item.saved !== undefined || state.status === 'saved';
  return (
    <div class="save" aria-live="polite">
      {item.saved === 'fuzzy' ? (
        <p class="saved-note fuzzy" data-testid="card-saved" data-anchor="fuzzy">
          {t('saveCardFuzzy')}
        </p>
      ) : saved ? (
        <p class="saved-note" data-testid="card-saved" data-anchor="exact">
          <strong>{t('saveDone')}</strong>
        </p>
      ) : null}
      <p class="save-actions">
        {!saved && onSave && (
          <button
            type="button"
            class="secondary"
            data-testid={first ? 'save-comparison' : 'save-comparison-other'}
            aria-busy={state.status === 'busy'}
            disabled={state.status === 'busy'}
            onClick={trusted(onSave)}
          >
            {state.status === 'busy' ? t('saveSaving') : t('saveButton')}
          </button>
        )}
        {saved && onOpenSaved && (
          <button type="button" class="secondary" data-testid="open-saved" onClick={trusted(() => void onOpenSaved())}>
            {t('saveOpenSaved')}
          </button>
        )}
      </p>
      {state.status === 'failed' && (
        <p class="error" role="alert">
          {t('saveFailed', { error: state.error })}
        </p>
      )}
    </div>
  );
}
