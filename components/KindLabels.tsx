import type { Passage, PassageKind } from '../engine/types';
import type { MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';

type KindLabelsProps = { passage: Pick<Passage, 'kind' | 'quote'> };

const KIND_KEYS: Record<PassageKind, MessageKey> = { verbatim: 'uiKindVerbatim', edited: 'uiKindEdited', 'same-fact': 'uiKindSameFact', translated: 'uiKindTranslated' };

/** Verbatim, edited or the same fact in other words, and whether the shared words are a quotation rather than narration. */
export function KindLabels({ passage }: KindLabelsProps) {
  return (
    <span class="rc-labels">
      <span class={`rc-label rc-label--${passage.kind}`}>{t(KIND_KEYS[passage.kind] ?? 'uiKindEdited')}</span>
      {passage.quote && (
        <>
          {' '}
          <span class="rc-label rc-label--quotation">{t('uiKindQuotation')}</span>
        </>
      )}
    </span>
  );
}
