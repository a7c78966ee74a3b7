import { h } from 'preact';
import { CardView } from '../../components/CardView';
import { SavedMarkView } from '../../components/SavedMarkView';
import { send } from '../../messaging/client';
import type { PageResult } from '../../messaging/protocol';
import { CardHost } from './card-host';
import { cardFact, cardItems } from './card-items';
import { inViewport, type Box } from './card-place';
import { focusAtPassage } from './focus-passage';
import { markActive, type Marks } from './highlights';
import { boxesOf, hitTest, inPageViewport, type Hit } from './hit-test';
import { SwitchIntent } from './hover-intent';
import { paintedDocuments } from './registry';
import { logErrorOnce } from './log';
import { NO_LONE_MARKS, type LoneMarks, type SavedMarks } from './saved-marks';

/**
 * What the card is about: the highlight groups under the pointer, or one saved mark that no
 * highlight covers (`lone`). `key` tells one target from another.
 */
interface Target {
  key: string;
  groups: number[];
  lone?: number;
}

/** Long enough to cross the gap between a highlight and its card. */
const HIDE_DELAY_MS = 300;

/**
 * Shows the card for the highlight under the pointer (hit-tested at most once per frame) or
 * reached with Alt+Shift+ArrowDown / ArrowUp, marks the passage it speaks of, switches to another
 * highlight only once the pointer rests on it (not when the pointer crosses it on its way to the card), keeps it beside that
 * passage while the page scrolls (closing it once the passage is out of view), and closes it on
 * Escape, on Tab from its last control, or when the pointer has left both the highlight and the card.
 * Leaving the card by keyboard puts the reader back at the passage.
 */
export function startCard(
  marks: Marks,
  result: PageResult,
  saved?: SavedMarks,
  onSaved?: () => void,
  /** The card opened on these passages (pointer or keyboard), or closed (none): the side panel follows. */
  onShown?: (passages: number[]) => void,
  /** Saved marks no highlight covers: they get a card of their own. */
  lone: LoneMarks = NO_LONE_MARKS,
): () => void {
  // Alt+Shift+arrows go through the highlights, kind by kind (strongest first), then the lone saved marks.
  const order: (Target & { first: Range })[] = [
    ...marks.groups.flatMap((g, i) => (g.ranges.length > 0 ? [{ key: String(i), groups: [i], first: g.ranges[0] }] : [])),
    ...lone.marks.flatMap((m, i) => (m.ranges.length > 0 ? [{ key: `s${i}`, groups: [], lone: i, first: m.ranges[0] }] : [])),
  ];
  let shown: string | null = null;
  let current = -1;
  let pointerEngaged = false;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let viewFrame = 0;
  /** The pointer's last place, in the viewport of the document it is over (the page's or a painted frame's). */
  let lastPoint: { x: number; y: number; doc: Document; overCard: boolean } | null = null;
  /** The ranges of the shown groups and of every passage the card lists: the card keeps clear of them all. */
  let attached: Range[] = [];
  /** The passage the card's actions are about, marked on the page. */
  let active: Range[] = [];

  const passageOf = (index: number): Range[] => {
    const p = result.passages[index];
    return p ? marks.rangesFor(p.page.start, p.page.end) : [];
  };
  const mark = (ranges: Range[]) => {
    active = ranges;
    markActive(ranges);
  };

  const close = (restoreFocus: boolean) => {
    intent.cancel();
    clearTimeout(hideTimer);
    hideTimer = undefined;
    const hadFocus = card.contains(document.activeElement);
    const at = active[0] ?? attached[0];
    card.hide();
    mark([]);
    attached = [];
    if (shown !== null) onShown?.([]);
    shown = null;
    pointerEngaged = false;
    if (restoreFocus && hadFocus && at) focusAtPassage(at);
  };

  const card = new CardHost({ onTabOut: () => close(true) });
  const actions = {
    onOpen: async (passage: number) => {
      await send('open-comparison', { passage });
    },
    onClose: () => close(true),
    onSelect: (index: number) => mark(passageOf(index)),
    ...(saved && {
      onSave: async (index: number) => {
        const { record } = await send('save-comparison', { passage: index });
        const { start, end } = result.passages[index].page;
        if (!saved.over(start, end)) {
          saved.add(record, start, end);
          onSaved?.();
        }
      },
      onOpenSaved: async () => {
        await send('open-saved', {});
      },
    }),
  };

  /** The card of a saved mark alone: what was saved, why nothing else explains it, and the Saved view at it. */
  const showLone = (i: number, line: Box) => {
    const { record, ranges } = lone.marks[i];
    attached = ranges;
    mark(ranges);
    const onOpenSaved = () => void send('open-saved', { id: record.id }).catch(logErrorOnce);
    const view = h(SavedMarkView, { key: `s${i}`, outlet: record.other?.outlet ?? '', savedAt: record.savedAt, why: lone.why[i], onOpenSaved, onClose: actions.onClose });
    card.show(view, { passage: () => boxesOf(attached), line });
  };

  const show = (target: Target, line: Box) => {
    const { key, groups } = target;
    if (shown === key && card.isOpen) return;
    if (target.lone !== undefined) {
      showLone(target.lone, line);
      shown = key;
      onShown?.([]);
      return;
    }
    const indices = groups.flatMap((g) => marks.groups[g].passages);
    const items = cardItems(result, indices).map((item) => {
      const { start, end } = result.passages[item.index].page;
      return { ...item, saved: saved?.over(start, end)?.status };
    });
    attached = [...groups.flatMap((g) => marks.groups[g].ranges), ...items.flatMap((i) => passageOf(i.index))];
    mark(items.length > 0 ? passageOf(items[0].index) : []);
    // Keyed by passages: another passage starts with its first source chosen and the legend folded.
    const view = h(CardView, { key: items.map((i) => i.index).join(','), items, fact: cardFact(result, indices), ...actions });
    card.show(view, { passage: () => boxesOf(attached), line });
    shown = key;
    onShown?.(indices);
  };

  const scheduleHide = () => {
    if (!card.isOpen || !pointerEngaged || hideTimer !== undefined) return;
    hideTimer = setTimeout(() => {
      hideTimer = undefined;
      close(true);
    }, HIDE_DELAY_MS);
  };
  const cancelHide = () => {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  };

  /** The highlight under the point, else a lone saved mark there. */
  const hitAt = (x: number, y: number, doc: Document): (Target & Pick<Hit, 'rect'>) | null => {
    const hit = hitTest(marks, x, y, doc);
    if (hit) return { key: hit.groups.join(','), groups: hit.groups, rect: hit.rect };
    const alone = lone.marks.length > 0 ? hitTest(lone, x, y, doc) : null;
    return alone ? { key: `s${alone.groups[0]}`, groups: [], lone: alone.groups[0], rect: alone.rect } : null;
  };

  const openAt = (hit: Target & Pick<Hit, 'rect'>, doc: Document) => {
    intent.cancel();
    cancelHide();
    pointerEngaged = true;
    show(hit, inPageViewport(hit.rect, doc));
    current = order.findIndex((e) => (hit.lone !== undefined ? e.lone === hit.lone : e.groups[0] === hit.groups[0]));
  };

  // The pointer has rested on another passage's highlight: the card switches to it if it is still there.
  const intent = new SwitchIntent(() => {
    const p = lastPoint;
    if (!p || p.overCard) return;
    try {
      const hit = hitAt(p.x, p.y, p.doc);
      if (hit) openAt(hit, p.doc);
    } catch (err) {
      logErrorOnce(err);
    }
  });

  const onFrame = () => {
    frame = 0;
    const p = lastPoint;
    if (!p) return;
    try {
      if (p.overCard) {
        intent.cancel();
        pointerEngaged = true;
        cancelHide();
        return;
      }
      const hit = hitAt(p.x, p.y, p.doc);
      if (!hit) {
        intent.cancel();
        scheduleHide();
      } else if (card.isOpen && pointerEngaged && shown !== null && hit.key !== shown) {
        // Another passage under a pointer that opened the card: perhaps only crossed on the way to it.
        cancelHide();
        intent.over(hit.key, p.x, p.y);
      } else {
        openAt(hit, p.doc);
      }
    } catch (err) {
      logErrorOnce(err);
    }
  };

  // Only the reader moves the card: events a page script dispatches (isTrusted false) are ignored.
  const onPointerMove = (e: PointerEvent) => {
    if (!e.isTrusted) return;
    // composedPath is only available while the event is dispatched, so decide "over the card" now.
    lastPoint = { x: e.clientX, y: e.clientY, doc: e.view?.document ?? document, overCard: card.isOpen && e.composedPath().includes(card.element!) };
    if (!frame) frame = requestAnimationFrame(onFrame);
  };

  const onPointerLeaveWindow = (e: PointerEvent) => {
    if (!e.isTrusted) return;
    if (e.relatedTarget === null) scheduleHide();
  };

  // The card follows its passage when the page (or a box inside it) scrolls or the window resizes,
  // once a frame; a passage scrolled out of view takes its card with it.
  const onViewFrame = () => {
    viewFrame = 0;
    if (!card.isOpen) return;
    try {
      const width = document.documentElement.clientWidth || window.innerWidth;
      if (boxesOf(active.length > 0 ? active : attached).some((r) => inViewport(r, width, window.innerHeight))) card.place();
      else close(true);
    } catch (err) {
      logErrorOnce(err);
    }
  };
  const onViewChange = (e: Event) => {
    if (!e.isTrusted || !card.isOpen || viewFrame) return;
    // A scroll inside the card itself (a long list) does not move the page's text.
    if (e.type === 'scroll' && card.contains(e.target)) return;
    viewFrame = requestAnimationFrame(onViewFrame);
  };

  const step = (delta: 1 | -1) => {
    if (order.length === 0) return;
    current = current < 0 ? (delta === 1 ? 0 : order.length - 1) : (current + delta + order.length) % order.length;
    const target = order[current];
    const first = target.first;
    (first.startContainer.parentElement ?? document.documentElement).scrollIntoView({ block: 'center', inline: 'nearest' });
    cancelHide();
    pointerEngaged = false;
    shown = null;
    show(target, inPageViewport(first.getBoundingClientRect(), first.startContainer.ownerDocument!));
    card.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.isTrusted) return;
    try {
      // In text being edited the keys belong to the editor (Alt+Shift+arrows select or move lines there).
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !isEditableTarget(e)) {
        e.preventDefault();
        e.stopPropagation();
        step(e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.key === 'Escape' && card.isOpen) {
        e.preventDefault();
        e.stopPropagation();
        close(true);
      }
    } catch (err) {
      logErrorOnce(err);
    }
  };

  const passive = { passive: true, capture: true } as const;
  // The pointer and the keys over a same-origin frame Recoupe painted go to that frame's document.
  const docs = paintedDocuments();
  for (const doc of docs) {
    doc.addEventListener('pointermove', onPointerMove, { passive: true });
    doc.addEventListener('pointerout', onPointerLeaveWindow, { passive: true });
    doc.addEventListener('keydown', onKeyDown, true);
  }
  // A frame's own scroll moves its passages too (the card is drawn in the top document).
  const views = [window, ...docs.map((d) => d.defaultView).filter((w): w is Window & typeof globalThis => !!w && w !== window)];
  for (const view of views) view.addEventListener('scroll', onViewChange, passive);
  window.addEventListener('resize', onViewChange, passive);
  return () => {
    for (const doc of docs) {
      doc.removeEventListener('pointermove', onPointerMove);
      doc.removeEventListener('pointerout', onPointerLeaveWindow);
      doc.removeEventListener('keydown', onKeyDown, true);
    }
    for (const view of views) view.removeEventListener('scroll', onViewChange, passive);
    window.removeEventListener('resize', onViewChange, passive);
    if (frame) cancelAnimationFrame(frame);
    if (viewFrame) cancelAnimationFrame(viewFrame);
    close(false);
  };
}

/** The key went to an input, a textarea or editable content (composedPath()[0] reaches inside shadow roots). */
function isEditableTarget(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0];
  if (document.designMode === 'on') return true;
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}
