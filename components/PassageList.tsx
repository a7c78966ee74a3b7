import { useRef } from 'preact/hooks';
import { t } from '../i18n/t';
import type { SelfKind } from './hint-text';
import { formatPercent, relationLabel } from './format';
import { KindLabels } from './KindLabels';
import { OutletBadge } from './OutletBadge';
import { snippet } from './diff-columns';
import { listOrder, moveSelection, type PassageGroup } from './passage-groups';

type PassageListProps = {
  groups: PassageGroup[];
  selected: number | null;
  onSelect: (index: number) => void;
  /** What the passages belong to: a page, or a dispatch in the reading view. */
  self?: SelfKind;
};

const MOVE_KEYS = new Set(['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/**
 * The page's passages grouped by dispatch, as buttons. Only the selected one sits in the tab
 * order; arrow keys, Home and End move the selection and the focus together.
 */
export function PassageList({ groups, selected, onSelect, self = 'page' }: PassageListProps) {
  const label = t(self === 'dispatch' ? 'readerPassageList' : 'uiPassageList');
  const rootRef = useRef<HTMLElement>(null);
  const order = listOrder(groups);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!MOVE_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const next = moveSelection(order, selected, event.key);
    if (next === null) return;
    // The buttons are all rendered already; focus moves now and the selection follows.
    rootRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
    if (next !== selected) onSelect(next);
  };

  const tabbable = selected ?? order[0];
  return (
    <nav ref={rootRef} id="rc-passage-list" tabIndex={-1} class="rc-passages" aria-label={label} data-testid="passage-list" onKeyDown={onKeyDown}>
      <h2 class="rc-visually-hidden">{label}</h2>
      {/* The side panel's list is linked to its page; the reading view's is not. */}
      <p class="rc-muted rc-hint">{t(self === 'page' ? 'uiListHintPage' : 'uiListHint')}</p>
      {groups.map((group) => (
        <section key={group.id} class="rc-group" data-dispatch={group.id}>
          <header class="rc-group__head">
            <OutletBadge id={group.id} info={group.info} showTitle={false} heading="h3" />
            {group.verdict && (
              <span class="rc-group__relation rc-muted">
                {relationLabel(group.verdict.relation)} · {formatPercent(group.verdict.coverage)}
              </span>
            )}
          </header>
          <ul class="rc-group__items">
            {group.items.map(({ index, passage }) => (
              <li key={index}>
                <button
                  type="button"
                  class="rc-passage"
                  aria-current={index === selected ? 'true' : undefined}
                  tabIndex={index === tabbable ? 0 : -1}
                  data-testid="passage-item"
                  data-index={index}
                  data-kind={passage.kind}
                  data-quote={passage.quote ? 'true' : 'false'}
                  data-dispatch={passage.dispatch}
                  onClick={() => onSelect(index)}
                >
                  <span class="rc-passage__labels">
                    <KindLabels passage={passage} /> <span class="rc-muted">{formatPercent(passage.score)}</span>
                  </span>
                  <span class="rc-passage__text">{snippet(passage.page.text)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
