import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Dispatch, Passage } from '../engine/types';
import type { DispatchInfo, PageResult } from '../messaging/protocol';
import type { MessageKey } from '../i18n/messages';
import { FactVersions } from './FactVersions';
import type { SelfKind } from './hint-text';
import { send } from '../messaging/client';
import { t } from '../i18n/t';
import { Busy } from './Busy';
import { DiffLegend } from './DiffLegend';
import { DiffView } from './DiffView';
import { DispatchText } from './DispatchText';
import { ErrorMessage } from './ErrorMessage';
import { formatPercent } from './format';
import { KindLabels } from './KindLabels';
import { OutletBadge } from './OutletBadge';
import { ReaderLink } from './ReaderLink';
import { TranslationPair } from './TranslationPair';

type FullText =
  | { status: 'hidden' }
  | { status: 'loading' }
  | { status: 'shown'; dispatch: Dispatch }
  | { status: 'missing' }
  | { status: 'error'; error: string };

type PassageDetailProps = {
  passage: Passage;
  /** Position in the list, counted from 1. */
  position: number;
  total: number;
  info?: DispatchInfo;
  /** What the compared text is, and its column's heading: a page, or a dispatch in the reading view. */
  self?: SelfKind;
  selfLabel?: MessageKey;
  /** What the reader can do with this comparison (save it), shown under the diff. */
  actions?: ComponentChildren;
  /** The whole result, for the other outlets' versions of this passage. */
  versions?: {
    result: Pick<PageResult, 'passages' | 'dispatches' | 'dispatchInfo'>;
    index: number;
    onSelect: (index: number) => void;
    selfLabel: MessageKey;
    self: SelfKind;
    selfLang?: string;
  };
};

/** One passage compared with its dispatch, and the dispatch's whole text on demand. */
export function PassageDetail({ passage, position, total, info, actions, versions, self = 'page', selfLabel }: PassageDetailProps) {
  const [full, setFull] = useState<FullText>({ status: 'hidden' });
  const outlet = info?.outlet ?? passage.dispatch;

  const toggle = async () => {
    if (full.status !== 'hidden') {
      setFull({ status: 'hidden' });
      return;
    }
    setFull({ status: 'loading' });
    try {
      const dispatch = await send('get-dispatch', { id: passage.dispatch });
      setFull(dispatch ? { status: 'shown', dispatch } : { status: 'missing' });
    } catch (err) {
      setFull({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const expanded = full.status !== 'hidden';
  return (
    <article class="rc-detail" data-testid="passage-detail" data-dispatch={passage.dispatch} data-kind={passage.kind}>
      <header class="rc-detail__head">
        <h2>{t('uiPassageOf', { n: position, total })}</h2>
        <p>
          <KindLabels passage={passage} />{' '}
          <span class="rc-muted">{t(passage.kind === 'same-fact' || passage.kind === 'translated' ? 'uiSimilarity' : 'uiScore', { percent: formatPercent(passage.score) })}</span>
        </p>
        <OutletBadge id={passage.dispatch} info={info} />
        {passage.origins && (
          <p class="rc-detail__origin" data-testid="passage-origin">
            {t('uiPassageOrigin', { origin: passage.origins.join(' + ') })}
          </p>
        )}
        <ReaderLink id={passage.dispatch} outlet={outlet} />
      </header>
      {passage.kind === 'translated' && <TranslationPair passage={passage} outlet={outlet} lang={info?.language} />}
      {(passage.kind === 'verbatim' || passage.kind === 'edited') && (
        <>
          <DiffView passage={passage} outlet={outlet} lang={info?.language} selfLabel={selfLabel} />
          <DiffLegend withMark={full.status === 'shown'} self={self} />
        </>
      )}
      {versions && <FactVersions {...versions} selected={versions.index} />}
      {actions}
      <p>
        <button
          type="button"
          class="rc-button rc-button--quiet"
          aria-expanded={expanded}
          aria-controls="rc-fulltext"
          data-testid="toggle-full-text"
          onClick={toggle}
        >
          {expanded ? t('uiHideFullText') : t('uiShowFullText')}
        </button>
      </p>
      <div id="rc-fulltext" aria-busy={full.status === 'loading'}>
        {full.status === 'loading' && <Busy label={t('uiFullTextLoading')} />}
        {full.status === 'missing' && <p>{t('uiDispatchMissing')}</p>}
        {full.status === 'error' && <ErrorMessage title={t('uiErrorTitle')} detail={full.error} />}
        {full.status === 'shown' && <DispatchText dispatch={full.dispatch} source={passage.source} />}
      </div>
    </article>
  );
}
