import type { StoryVerdict } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { t } from '../i18n/t';
import { formatDate, formatPercent, plural, verdictText } from './format';
import { ProvenanceChain } from './ProvenanceChain';
import { readNote } from './read-note';

type VerdictItemProps = {
  verdict: StoryVerdict;
  info?: DispatchInfo;
  /** Opens the comparison at this source's strongest passage; absent when there is nothing to open. */
  onOpen?: () => void;
};

/** One line of the popup: how the page relates to one dispatch, with its provenance. */
export function VerdictItem({ verdict, info, onOpen }: VerdictItemProps) {
  const label = info ?? { outlet: verdict.id, origin: '' };
  return (
    <li class="rc-verdict" data-testid="verdict-item" data-dispatch={verdict.id} data-relation={verdict.relation}>
      <p class="rc-verdict__text">
        {onOpen ? (
          <button type="button" class="rc-verdict__open" data-testid="verdict-open" title={t('sumOpenSource')} onClick={onOpen}>
            <strong>{verdictText(verdict, label)}</strong>
          </button>
        ) : (
          <strong>{verdictText(verdict, label)}</strong>
        )}
      </p>
      <p class="rc-verdict__meta rc-muted">
        {verdict.relation === 'same-story'
          ? t('uiStoryCoverage', { percent: formatPercent(verdict.coverage) })
          : verdict.relation === 'translated'
            ? plural(verdict.passages, 'uiTranslatedPairsOne', 'uiTranslatedPairsMany')
            : plural(verdict.passages, 'uiPassagesOne', 'uiPassagesMany')}
        {info?.date ? ` · ${formatDate(info.date)}` : ''}
      </p>
      {info?.title && (
        <p class="rc-verdict__title" lang={info.language || undefined}>
          {info.title}
        </p>
      )}
      {info && readNote(info) && (
        <p class="rc-verdict__read" data-testid="verdict-read-note">
          {readNote(info)}
        </p>
      )}
      {info && info.chain.length > 0 && <ProvenanceChain chain={info.chain} />}
    </li>
  );
}
