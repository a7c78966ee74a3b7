import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';
import type { PageResult } from '../messaging/protocol';
import { ArticleView } from './ArticleView';
import { passageSummary } from './format';
import { PassageDetail } from './PassageDetail';
import { PassageList } from './PassageList';
import { groupPassages, listOrder } from './passage-groups';
import { versionsOf } from './versions';
import type { SelfKind } from './hint-text';

export type ComparisonTab = 'passages' | 'article';

type ComparisonViewProps = {
  result: PageResult;
  selected: number | null;
  onSelect: (index: number) => void;
  /** Heading of the compared text's own column ("On this page", "In this dispatch"). */
  selfLabel: MessageKey;
  /** What the compared text is: a news page, or a dispatch in the reading view. */
  self: SelfKind;
  selfLang?: string;
  /** What the reader can do with the selected comparison (save it). */
  actions?: (index: number) => ComponentChildren;
  /** Shown instead of the tabs when there is nothing to compare. */
  empty: ComponentChildren;
};

const TABS: ComparisonTab[] = ['passages', 'article'];

/**
 * The passages of a text compared with the corpus, in two tabs: the passage list beside the
 * selected passage's versions, and the whole article fact by fact. Shared by the side panel and
 * the reading view. Tabs follow the ARIA tabs pattern (arrow keys move between them).
 */
export function ComparisonView({ result, selected, onSelect, selfLabel, self, selfLang, actions, empty }: ComparisonViewProps) {
  const groups = useMemo(() => groupPassages(result), [result]);
  const order = useMemo(() => listOrder(groups), [groups]);
  const [tab, setTab] = useState<ComparisonTab>('passages');
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  if (order.length === 0) return <>{empty}</>;

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const at = TABS.indexOf(tab);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : (at + (e.key === 'ArrowRight' ? 1 : -1) + TABS.length) % TABS.length;
    setTab(TABS[next]);
    tabRefs.current[TABS[next]]?.focus();
  };

  const show = (index: number) => {
    onSelect(index);
    setTab('passages');
    setTimeout(() => document.querySelector<HTMLElement>(`[data-testid=passage-item][data-index="${index}"]`)?.focus(), 0);
  };

  const skipToList = (e: Event) => {
    e.preventDefault();
    const current = document.querySelector<HTMLElement>('#rc-passage-list [aria-current=true]') ?? document.getElementById('rc-passage-list');
    current?.focus();
  };

  const passage = selected === null ? undefined : result.passages[selected];
  const withVersions =
    passage !== undefined && selected !== null && (passage.kind === 'same-fact' || (passage.hints?.length ?? 0) > 0 || versionsOf(result, selected).length > 1);
  return (
    <>
      <p class="rc-muted" data-testid="passage-counts">
        {passageSummary(result.passages)}
      </p>
      {/* The comparison comes first on a narrow panel: the list is one keystroke away. */}
      {tab === 'passages' && (
        <a class="rc-skip" href="#rc-passage-list" data-testid="skip-to-list" onClick={skipToList}>
          {t('uiSkipToList')}
        </a>
      )}
      <div class="rc-tabs" role="tablist" aria-label={t('uiTabsLabel')} onKeyDown={onTabKey}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => void (tabRefs.current[name] = el)}
            type="button"
            role="tab"
            id={`rc-tab-${name}`}
            class="rc-tab"
            data-testid={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`rc-tabpanel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(name === 'passages' ? 'uiTabPassages' : 'uiTabArticle')}
          </button>
        ))}
      </div>
      {tab === 'article' ? (
        <div role="tabpanel" id="rc-tabpanel-article" aria-labelledby="rc-tab-article">
          <ArticleView result={result} self={self} onShow={show} />
        </div>
      ) : (
        <div role="tabpanel" id="rc-tabpanel-passages" aria-labelledby="rc-tab-passages" class="rc-layout">
          <div class="rc-layout__detail">
            {passage && selected !== null ? (
              <PassageDetail
                key={selected}
                passage={passage}
                position={order.indexOf(selected) + 1}
                total={order.length}
                info={result.dispatchInfo[passage.dispatch]}
                actions={actions?.(selected)}
                self={self}
                selfLabel={selfLabel}
                versions={withVersions ? { result, index: selected, onSelect, selfLabel, self, selfLang } : undefined}
              />
            ) : (
              <p>{t('uiSelectPassage')}</p>
            )}
          </div>
          <div class="rc-layout__list">
            <PassageList groups={groups} selected={selected} onSelect={onSelect} self={self} />
          </div>
        </div>
      )}
    </>
  );
}
