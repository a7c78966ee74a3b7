import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
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
import { pageFocusText } from '../../components/page-focus-text';
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
  /** What the polite live region says: set once per passage the page selects here. */
  const [spoken, setSpoken] = useState('');
  const current = useRef(selected);
  current.current = selected;

  // The page chose this passage (the reader's pointer or keyboard there): select it and say so once.
  const fromPage = (passage: number) => {
    if (!order.includes(passage) || passage === current.current) return;
    current.current = passage;
    setSelected(passage);
    setSpoken(pageFocusText(result, order, passage));
  };

  useEffect(() => {
    let live = true;
    const follow = (announce: boolean) =>
      send('get-focus', { tabId }).then(
        (focus) => {
          if (!live || !focus || !order.includes(focus.passage)) return;
          if (announce) fromPage(focus.passage);
          else setSelected(focus.passage);
        },
        () => undefined,
      );
    // The query names the passage when the panel was opened as a tab; otherwise ask the background.
    // Then the page says which highlight the reader points at now (after the asked-for focus, so it
    // wins): a panel opened or reloaded while the pointer rests on one selects it at once.
    void (asked === null ? follow(false) : Promise.resolve()).then(() => {
      if (live) send('panel-ready', { tabId }).catch(() => undefined);
    });
    const off = onTabChanged((change) => {
      if (change.tabId === tabId && change.what === 'focus') void follow(true);
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
        fromPage(focus.passage);
        // Brought into view in the list without taking the focus from the page.
        requestAnimationFrame(() => document.querySelector(`[data-testid=passage-item][data-index="${focus.passage}"]`)?.scrollIntoView({ block: 'nearest' }));
      }),
    [tabId, order],
  );

  // The reader's own choice here scrolls the page to the passage and flashes it there.
  const select = (index: number) => {
    current.current = index;
    setSelected(index);
    send('show-passage', { tabId, passage: index }).catch(() => undefined);
  };

  return (
    <>
      {/* Present from the start, so assistive technology hears its first change. */}
      <p class="rc-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="page-focus-status">
        {spoken}
      </p>
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
    </>
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
