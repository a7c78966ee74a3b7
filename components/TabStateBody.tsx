import type { ComponentChildren } from 'preact';
import { t } from '../i18n/t';
import type { PageResult } from '../messaging/protocol';
import { Busy } from './Busy';
import { EmptyState } from './EmptyState';
import { ErrorMessage } from './ErrorMessage';
import { isWebUrl, type ViewState } from './use-tab-state';

type TabStateBodyProps = {
  state: ViewState;
  /** The tab's address, to tell a page not analysed yet from one Recoupe never reads. */
  url?: string;
  /** data-testid of the empty state shown when the page has no article. */
  noArticleTestId?: string;
  /** What the view shows once the page is analysed. */
  done: (result: PageResult) => ComponentChildren;
};

/** The states every view of a tab goes through before its result: busy, empty, failed. */
export function TabStateBody({ state, url, noArticleTestId, done }: TabStateBodyProps) {
  switch (state.status) {
    case 'loading':
    case 'matching':
      return <Busy label={t('loading')} />;
    case 'no-tab':
      return <EmptyState title={t('uiNoTab')} kind="no-tab" />;
    case 'unknown':
      return isWebUrl(url) ? (
        <EmptyState title={t('uiNotAnalysed')} kind="unknown" />
      ) : (
        <EmptyState title={t('uiNotWebPage')} kind="not-web" />
      );
    case 'no-article':
      return (
        <EmptyState title={t('noArticle')} testId={noArticleTestId} kind="no-article">
          <p>{t('uiNoArticleHint')}</p>
        </EmptyState>
      );
    case 'error':
      return <ErrorMessage title={t('uiErrorTitle')} detail={state.error} hint={t('uiErrorHint')} />;
    case 'failed':
      return <ErrorMessage title={t('uiErrorTitle')} detail={state.error} />;
    case 'done':
      return <>{done(state.result)}</>;
  }
}
