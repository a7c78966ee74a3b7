import { useEffect, useMemo, useState } from 'preact/hooks';
import { EmptyState } from '../../components/EmptyState';
import { TabStateBody } from '../../components/TabStateBody';
import { OpenSavedLink } from '../../components/OpenSavedLink';
import { passageSummary } from '../../components/format';
import { pageSummary } from '../../components/page-summary';
import { PageSummaryView } from '../../components/PageSummaryView';
import { groupPassages, strongestPassage } from '../../components/passage-groups';
import { isWebUrl, readQuery, useTabState, useTargetTab, type ViewState } from '../../components/use-tab-state';
import { VerdictItem } from '../../components/VerdictItem';
import { PageTools } from '../../components/PageTools';
import { useSettings } from '../../components/use-settings';
import { PausedNotice } from '../../components/PausedNotice';
import { isPausedOn, siteOf } from '../../settings/settings';
import { MemoryPrompt } from '../../components/MemoryPrompt';
import { MemoryTools } from '../../components/MemoryTools';
import { t } from '../../i18n/t';
import { send } from '../../messaging/client';
import type { PageResult } from '../../messaging/protocol';
import { openComparison } from '../../platform/side-panel';

function NoMatches() {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    send('corpus-status', {}).then(
      (status) => setCount(status.dispatches),
      () => setCount(null),
    );
  }, []);
  return (
    <EmptyState title={t('noMatches')} testId="popup-empty" kind="no-matches">
      {count !== null && <p>{count === 1 ? t('uiCorpusCompareOne') : t('uiCorpusCompares', { count })}</p>}
      <p>{t('uiAddDispatchesHint')}</p>
    </EmptyState>
  );
}

type VerdictsProps = { result: PageResult; onOpen?: (passage: number) => void };

/** The one-glance summary, then the sources as rows, each opening the comparison at its strongest passage. */
function Verdicts({ result, onOpen }: VerdictsProps) {
  const summary = useMemo(() => pageSummary(result), [result]);
  const groups = useMemo(() => new Map(groupPassages(result).map((g) => [g.id, g])), [result]);
  if (result.dispatches.length === 0) return <NoMatches />;
  return (
    <>
      <PageSummaryView summary={summary} />
      <p class="rc-muted rc-popup__counts" data-testid="passage-counts">
        {passageSummary(result.passages)}
      </p>
      <h2 class="rc-popup__sources">{t('sumSources')}</h2>
      <ul class="rc-verdicts" data-testid="verdict-list" aria-label={t('uiVerdictList')}>
        {result.dispatches.map((verdict) => {
          const passage = strongestPassage(groups.get(verdict.id)?.items ?? []);
          const open = onOpen && passage !== null ? () => onOpen(passage) : undefined;
          return <VerdictItem key={verdict.id} verdict={verdict} info={result.dispatchInfo[verdict.id]} onOpen={open} />;
        })}
      </ul>
    </>
  );
}

type BodyProps = { state: ViewState; url: string | undefined; onOpen?: (passage: number) => void };

function Body({ state, url, onOpen }: BodyProps) {
  return <TabStateBody state={state} url={url} noArticleTestId="popup-empty" done={(result) => <Verdicts result={result} onOpen={onOpen} />} />;
}

/** The toolbar popup: the page's verdict per dispatch, and the way to the full comparison. */
export function PopupApp() {
  const [query] = useState(() => readQuery(location.search));
  const { tabId, resolved } = useTargetTab(query.tab, false);
  const { state: tabState, url, pageLoading } = useTabState(tabId, resolved);
  const state: ViewState = tabState.status === 'unknown' && pageLoading ? { status: 'loading' } : tabState;
  const busy = state.status === 'loading' || state.status === 'matching';
  const title = state.status === 'done' ? state.result.title : '';
  const { settings, update } = useSettings();
  const paused = settings !== null && isWebUrl(url) && isPausedOn(settings, url);
  const site = siteOf(url);

  // Something to compare: a web page whose analysis found passages.
  const comparable = isWebUrl(url) && !paused && state.status === 'done' && state.result.passages.length > 0;

  const onOpen = (passage?: number) => {
    if (tabId === null) return;
    // Opened as a page (?tab=), the popup is not ours to close.
    const closeAfter = query.tab === null;
    // Opening first: Chrome opens the side panel only while the click is still current.
    const opened = openComparison({ id: tabId }, passage);
    const focused = passage === undefined ? Promise.resolve(null) : send('set-focus', { tabId, passage }).catch(() => null);
    void Promise.all([opened, focused]).then(() => {
      if (closeAfter) window.close();
    });
  };

  return (
    <main class="rc-popup" aria-busy={busy} data-state={state.status}>
      <header class="rc-popup__head">
        <h1>{t('appName')}</h1>
        {title && <p class="rc-popup__page">{title}</p>}
      </header>
      <div aria-live="polite">
        {paused ? <PausedNotice settings={settings} url={url} testId="popup-paused" /> : <Body state={state} url={url} onOpen={comparable ? onOpen : undefined} />}
      </div>
      {tabId !== null && comparable && (
        <p class="rc-popup__actions">
          <button type="button" class="rc-button" data-testid="open-sidepanel" onClick={() => onOpen()}>
            {t('uiOpenComparison')}
          </button>
        </p>
      )}
      {/* The reading memory comes after the page's summary: the summary is what the popup is opened for. */}
      {settings?.memory === 'unset' && <MemoryPrompt update={update} />}
      {tabId !== null && <PageTools tabId={tabId} url={url} settings={settings} update={update} closeAfter={query.tab === null} paused={paused} />}
      {tabId !== null && settings?.memory === 'on' && site && <MemoryTools tabId={tabId} site={site} settings={settings} update={update} />}
      <p class="rc-popup__links">
        <OpenSavedLink />
      </p>
    </main>
  );
}
