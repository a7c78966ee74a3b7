import { useEffect, useMemo, useState } from 'preact/hooks';
import { EmptyState } from '../../components/EmptyState';
import { TabStateBody } from '../../components/TabStateBody';
import { OptionsLink } from '../../components/OptionsLink';
import { PausedNotice } from '../../components/PausedNotice';
import { useSettings } from '../../components/use-settings';
import { isPausedOn } from '../../settings/settings';
import { ComparisonView } from '../../components/ComparisonView';
import { OpenSavedLink } from '../../components/OpenSavedLink';
import { SaveComparison } from '../../components/SaveComparison';
import { groupPassages, initialPassage, listOrder } from '../../components/passage-groups';
import { isWebUrl, readQuery, useTabState, useTargetTab, type ViewState } from '../../components/use-tab-state';
import { t } from '../../i18n/t';
import { send } from '../../messaging/client';
import { onTabChanged } from '../../messaging/notify';
import { onPageFocus } from '../../messaging/page-link';
import type { PageResult } from '../../messaging/protocol';

type ComparisonProps = { result: PageResult; tabId: number; asked: number | null };

/**
 * The page's passages and the selected one's comparison, linked to the page: selecting a passage
 * shows it there, and the page's hovered or focused highlight selects its passage here.
 */
function Comparison({ result, tabId, asked }: ComparisonProps) {
  const groups = useMemo(() => groupPassages(result), [result]);
  const order = useMemo(() => listOrder(groups), [groups]);
  const [selected, setSelected] = useState<number | null>(() => initialPassage(groups, asked));

  useEffect(() => {
    let live = true;
    const follow = () =>
      send('get-focus', { tabId }).then(
        (focus) => live && focus && order.includes(focus.passage) && setSelected(focus.passage),
        () => undefined,
      );
    // The query names the passage when the panel was opened as a tab; otherwise ask the background.
    if (asked === null) void follow();
    const off = onTabChanged((change) => {
      if (change.tabId === tabId && change.what === 'focus') void follow();
    });
    return () => {
      live = false;
      off();
    };
  }, [tabId, order, asked]);

  // The highlight the reader rests on or reaches by keyboard on the page selects its passage here.
  useEffect(
    () =>
      onPageFocus((focus) => {
        if (focus.tabId !== tabId || !order.includes(focus.passage)) return;
        setSelected(focus.passage);
        // Brought into view in the list without taking the focus from the page.
        requestAnimationFrame(() => document.querySelector(`[data-testid=passage-item][data-index="${focus.passage}"]`)?.scrollIntoView({ block: 'nearest' }));
      }),
    [tabId, order],
  );

  // The reader's own choice here scrolls the page to the passage and flashes it there.
  const select = (index: number) => {
    setSelected(index);
    send('show-passage', { tabId, passage: index }).catch(() => undefined);
  };

  return (
    <ComparisonView
      result={result}
      selected={selected}
      onSelect={select}
      selfLabel="uiColumnPage"
      self="page"
      actions={(index) => <SaveComparison tabId={tabId} result={result} index={index} />}
      empty={
        <EmptyState title={t('noMatches')} kind="no-matches">
          <p>{t('uiAddDispatchesHint')}</p>
        </EmptyState>
      }
    />
  );
}

function Body({ state, url, tabId, asked }: { state: ViewState; url?: string; tabId: number | null; asked: number | null }) {
  return (
    <TabStateBody
      state={state}
      url={url}
      done={(result) => (tabId === null ? null : <Comparison key={tabId} result={result} tabId={tabId} asked={asked} />)}
    />
  );
}

/** Chrome's side panel and Firefox's sidebar, also opened as a tab with ?tab=&passage=. */
export function SidePanelApp() {
  const [query] = useState(() => readQuery(location.search));
  const { tabId, resolved } = useTargetTab(query.tab, true);
  const { state: tabState, url, pageLoading } = useTabState(tabId, resolved);
  const state: ViewState = tabState.status === 'unknown' && pageLoading ? { status: 'loading' } : tabState;
  const busy = state.status === 'loading' || state.status === 'matching';
  const title = state.status === 'done' ? state.result.title : '';
  // The asked-for passage belongs to the tab named in the query, not to tabs the panel follows later.
  const asked = tabId !== null && tabId === query.tab ? query.passage : null;
  const { settings } = useSettings();
  const paused = settings !== null && isWebUrl(url) && isPausedOn(settings, url);

  return (
    <main class="rc-sidepanel" aria-busy={busy} data-state={state.status}>
      <header class="rc-sidepanel__head">
        <h1>{t('uiComparisonTitle')}</h1>
        {title && <p class="rc-sidepanel__page">{title}</p>}
        <p class="rc-sidepanel__links">
          <OpenSavedLink /> · <OptionsLink />
        </p>
      </header>
      {paused ? <PausedNotice settings={settings} url={url} testId="sidepanel-paused" /> : <Body state={state} url={url} tabId={tabId} asked={asked} />}
    </main>
  );
}
