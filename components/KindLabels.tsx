import type { Passage } from '../engine/types';
import { t } from '../i18n/t';

type KindLabelsProps = { passage: Pick<Passage, 'kind' | 'quote'> };

/** Verbatim or edited, and whether the shared words are a quotation rather than narration. */
export function KindLabels({ passage }: KindLabelsProps) {
  return (
    <span class="rc-labels">
      <span class={`rc-label rc-label--${passage.kind}`}>
        {passage.kind === 'verbatim' ? t('uiKindVerbatim') : t('uiKindEdited')}
      </span>
      {passage.quote && (
        <>
          {' '}
          <span class="rc-label rc-label--quotation">{t('uiKindQuotation')}</span>
        </>
      )}
    </span>
  );
}
