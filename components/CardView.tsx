import { useState } from 'preact/hooks';
import type { PassageKind } from '../engine/types';
import { t } from '../i18n/t';

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
}

type OpenState = { status: 'idle' } | { status: 'busy' } | { status: 'failed'; error: string };

export type CardViewProps = {
  items: CardItem[];
  onOpen: (index: number) => Promise<void>;
  onClose: () => void;
};

/**
 * The hover card's content: who the reused text comes from, how it was reused, and the way to
 * the comparison. Items come strongest first; the first one's button is the card's main action.
 */
export function CardView({ items, onOpen, onClose }: CardViewProps) {
  const [open, setOpen] = useState<Record<number, OpenState>>({});
  const openComparison = async (index: number) => {
    setOpen((s) => ({ ...s, [index]: { status: 'busy' } }));
    try {
      await onOpen(index);
      setOpen((s) => ({ ...s, [index]: { status: 'idle' } }));
    } catch (err) {
      setOpen((s) => ({ ...s, [index]: { status: 'failed', error: err instanceof Error ? err.message : String(err) } }));
    }
  };

  return (
    <div class="card" role="dialog" aria-label={t('cardLabel')}>
      <div class="head">
        <span class="title">{t('cardLabel')}</span>
        <button type="button" class="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </div>
      <ul class="items">
        {items.map((item, position) => {
          const state = open[item.index] ?? { status: 'idle' };
          const chain = item.chain.length > 1 ? item.chain.join(' → ') : '';
          return (
            <li key={item.index} class="item">
              {item.outlet ? <p class="outlet">{t('cardFrom', { outlet: item.outlet })}</p> : <p class="outlet">{t('cardUnknownSource')}</p>}
              {item.origin && item.origin !== item.outlet ? <p class="origin">{t('cardOrigin', { origin: item.origin })}</p> : null}
              {chain ? <p class="chain">{t('cardChain', { chain })}</p> : null}
              <p class="kind">
                <span class={`badge ${item.kind}`}>{item.kind === 'verbatim' ? t('cardKindVerbatim') : t('cardKindEdited')}</span>
                {item.quote ? <span class="badge quote">{t('cardQuotation')}</span> : null}
                <span class="score">{t('cardScore', { percent: Math.round(item.score * 100) })}</span>
              </p>
              <button
                type="button"
                class="open"
                data-testid={position === 0 ? 'open-comparison' : 'open-comparison-other'}
                aria-busy={state.status === 'busy'}
                disabled={state.status === 'busy'}
                onClick={() => void openComparison(item.index)}
              >
                {state.status === 'busy' ? t('cardOpening') : t('cardOpen')}
              </button>
              {state.status === 'failed' ? (
                <p class="error" role="alert">
                  {t('cardOpenFailed', { error: state.error })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p class="keys">{t('cardKeys')}</p>
    </div>
  );
}
