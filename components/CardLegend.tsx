import type { PassageKind } from '../engine/types';
import type { MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';

/** Strongest first, the order in which overlapping kinds give way on the page. */
const KINDS: readonly [PassageKind, MessageKey][] = [
  ['verbatim', 'cardKindVerbatim'],
  ['edited', 'cardKindEdited'],
  ['translated', 'cardKindTranslated'],
  ['same-fact', 'cardKindSameFact'],
];

export type CardLegendProps = {
  id: string;
};

/**
 * What each mark on the page means, drawn with the page's own tints and lines: the four kinds
 * strongest first, the overlap rule, the open card's passage and a saved comparison.
 */
export function CardLegend({ id }: CardLegendProps) {
  const row = (swatch: string, name: string, kind?: string) => (
    <li key={swatch} data-kind={kind}>
      <span class={`swatch ${swatch}`} aria-hidden="true">
        {t('cardLegendSample')}
      </span>
      <span>{name}</span>
    </li>
  );
  return (
    <section class="legend" id={id} data-testid="card-legend" aria-label={t('cardLegendTitle')}>
      <ul>
        {KINDS.map(([kind, key]) => row(kind, t(key), kind))}
        {row('active', t('cardLegendActive'))}
        {row('saved', t('cardLegendSaved'))}
      </ul>
      <p class="legend-note">{t('cardLegendOverlap')}</p>
    </section>
  );
}
