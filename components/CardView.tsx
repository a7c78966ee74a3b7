import { useState } from 'preact/hooks';
import type { PassageKind } from '../engine/types';
import type { MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';
import { CardLegend } from './CardLegend';

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

type ActState = { status: 'idle' } | { status: 'busy' } | { status: 'failed'; error: string } | { status: 'saved' };

export type CardViewProps = {
  items: CardItem[];
  fact?: CardFact;
  onOpen: (index: number) => Promise<void>;
  onClose: () => void;
  /** The reader picked another source row: the page marks that source's passage. */
  onSelect?: (index: number) => void;
} & CardSaveActions;

const scoreText = (item: CardItem) => t(item.kind === 'same-fact' ? 'cardSimilarity' : 'cardScore', { percent: Math.round(item.score * 100) });

/**
 * The card's content: one line per source (strongest first, the first one selected), what is
 * known of the selected source, one main action (Compare) and a compact row of secondary ones
 * (save, legend). Picking a row makes it the subject of the actions and of the page's mark.
 */
export function CardView({ items, fact, onOpen, onClose, onSelect, onSave, onOpenSaved }: CardViewProps) {
  const [chosen, setChosen] = useState(items[0]?.index ?? -1);
  const [open, setOpen] = useState<Record<number, ActState>>({});
  const [saving, setSaving] = useState<Record<number, ActState>>({});
  const [legend, setLegend] = useState(false);
  const item = items.find((i) => i.index === chosen) ?? items[0];
  if (!item) return null;

  const run = async (index: number, act: (i: number) => Promise<void>, set: typeof setOpen, done: ActState) => {
    set((s) => ({ ...s, [index]: { status: 'busy' } }));
    try {
      await act(index);
      set((s) => ({ ...s, [index]: done }));
    } catch (err) {
      set((s) => ({ ...s, [index]: { status: 'failed', error: err instanceof Error ? err.message : String(err) } }));
    }
  };
  const choose = (index: number) => {
    setChosen(index);
    onSelect?.(index);
  };

  const openState = open[item.index] ?? { status: 'idle' };
  const saveState = saving[item.index] ?? { status: 'idle' };
  const saved = item.saved !== undefined || saveState.status === 'saved';
  const chain = item.chain.length > 1 ? item.chain.join(' → ') : '';
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
      {items.length > 1 ? (
        <ul class="sources" aria-label={t('cardSources')} data-testid="card-sources">
          {items.map((i) => (
            <li key={i.index}>
              <button
                type="button"
                class="source"
                data-testid="card-source"
                data-index={i.index}
                aria-pressed={i.index === item.index}
                title={`${i.outlet || t('cardUnknownSource')} · ${t(KIND_KEYS[i.kind] ?? 'cardKindEdited')} · ${scoreText(i)}`}
                onClick={trusted(() => choose(i.index))}
              >
                <span class={`dot ${i.kind}`} aria-hidden="true" />
                <span class="name">{i.outlet || t('cardUnknownSource')}</span>
                <span class="meta">
                  {t(KIND_KEYS[i.kind] ?? 'cardKindEdited')} · {t('cardScoreShort', { percent: Math.round(i.score * 100) })}
                  {i.quote ? ` · ${t('cardQuotation')}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="about" data-testid="card-about">
        {items.length === 1 ? (
          <>
            <p class="outlet">{item.outlet ? t('cardFrom', { outlet: item.outlet }) : t('cardUnknownSource')}</p>
            <p class="kind">
              <span class={`badge ${item.kind}`}>{t(KIND_KEYS[item.kind] ?? 'cardKindEdited')}</span>
              {item.quote ? <span class="badge quote">{t('cardQuotation')}</span> : null}
              <span class="score">{scoreText(item)}</span>
            </p>
          </>
        ) : null}
        {item.origin && item.origin !== item.outlet ? <p class="origin">{t('cardOrigin', { origin: item.origin })}</p> : null}
        {chain ? <p class="chain">{t('cardChain', { chain })}</p> : null}
        {item.readNote ? (
          <p class="read" data-testid="card-read-note">
            {item.readNote}
          </p>
        ) : null}
      </div>
      <div class="actions">
        <button
          type="button"
          class="open"
          data-testid="open-comparison"
          aria-busy={openState.status === 'busy'}
          disabled={openState.status === 'busy'}
          onClick={trusted(() => void run(item.index, onOpen, setOpen, { status: 'idle' }))}
        >
          {openState.status === 'busy' ? t('cardOpening') : t('cardCompare')}
        </button>
        {!saved && onSave && (
          <button
            type="button"
            class="secondary"
            data-testid="save-comparison"
            aria-busy={saveState.status === 'busy'}
            disabled={saveState.status === 'busy'}
            onClick={trusted(() => void run(item.index, onSave, setSaving, { status: 'saved' }))}
          >
            {saveState.status === 'busy' ? t('saveSaving') : t('saveButton')}
          </button>
        )}
        {saved && onOpenSaved && (
          <button type="button" class="secondary" data-testid="open-saved" onClick={trusted(() => void onOpenSaved())}>
            {t('saveOpenSaved')}
          </button>
        )}
        <button type="button" class="secondary legend-toggle" data-testid="card-legend-toggle" aria-expanded={legend} aria-controls={legend ? 'recoupe-legend' : undefined} onClick={trusted(() => setLegend(!legend))}>
          <span aria-hidden="true">? </span>
          {t('cardLegend')}
        </button>
      </div>
      <div class="notes" aria-live="polite">
        {item.saved === 'fuzzy' ? (
          <p class="saved-note fuzzy" data-testid="card-saved" data-anchor="fuzzy">
            {t('saveCardFuzzy')} {t('cardSavedMark')}
          </p>
        ) : saved ? (
          <p class="saved-note" data-testid="card-saved" data-anchor="exact">
            <strong>{t('saveDone')}.</strong> {t('cardSavedMark')}
          </p>
        ) : null}
        {openState.status === 'failed' ? (
          <p class="error" role="alert">
            {t('cardOpenFailed', { error: openState.error })}
          </p>
        ) : null}
        {saveState.status === 'failed' ? (
          <p class="error" role="alert">
            {t('saveFailed', { error: saveState.error })}
          </p>
        ) : null}
      </div>
      {legend ? <CardLegend id="recoupe-legend" /> : null}
      <p class="keys">{t('cardKeys')}</p>
    </div>
  );
}
