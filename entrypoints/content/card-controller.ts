import { send } from '../../messaging/client';
import type { PageResult } from '../../messaging/protocol';
import { CardHost } from './card-host';
import { cardFact, cardItems } from './card-items';
import type { Marks } from './highlights';
import { hitTest, inPageViewport } from './hit-test';
import { paintedDocuments } from './registry';
import { logErrorOnce } from './log';
import type { SavedMarks } from './saved-marks';

/** Long enough to cross the gap between a highlight and its card. */
const HIDE_DELAY_MS = 300;

/**
 * Shows the hover card for the highlight under the pointer (hit-tested at most once per
 * frame) or reached with Alt+Shift+ArrowDown / ArrowUp, and closes it on Escape or when the
 * pointer has left both the highlight and the card.
 */
export function startCard(
  marks: Marks,
  result: PageResult,
  saved?: SavedMarks,
  onSaved?: () => void,
  /** The card opened on these passages (pointer or keyboard): the side panel follows. */
  onShown?: (passages: number[]) => void,
): () => void {
  const order = marks.groups
    .map((g, i) => ({ g, i }))
    .filter(({ g }) => g.ranges.length > 0)
    .map(({ i }) => i);
  let shown: string | null = null;
  let current = -1;
  let pointerEngaged = false;
  let returnFocus: HTMLElement | null = null;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  /** The pointer's last place, in the viewport of the document it is over (the page's or a painted frame's). */
  let lastPoint: { x: number; y: number; doc: Document; overCard: boolean } | null = null;

  const close = (restoreFocus: boolean) => {
    clearTimeout(hideTimer);
    const hadFocus = card.contains(document.activeElement);
    card.hide();
    shown = null;
    pointerEngaged = false;
    if (restoreFocus && hadFocus && returnFocus?.isConnected) returnFocus.focus();
    returnFocus = null;
  };

  const card = new CardHost(
    async (passage) => {
      await send('open-comparison', { passage });
    },
    () => close(true),
    saved && {
      onSave: async (index) => {
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
    },
  );

  const show = (groups: number[], anchor: DOMRect) => {
    const key = groups.join(',');
    if (shown === key && card.isOpen) return;
    const indices = groups.flatMap((g) => marks.groups[g].passages);
    const items = cardItems(result, indices).map((item) => {
      const { start, end } = result.passages[item.index].page;
      return { ...item, saved: saved?.over(start, end)?.status };
    });
    card.show(items, anchor, cardFact(result, indices));
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

  const onFrame = () => {
    frame = 0;
    const p = lastPoint;
    if (!p) return;
    try {
      if (p.overCard) {
        pointerEngaged = true;
        cancelHide();
        return;
      }
      const hit = hitTest(marks, p.x, p.y, p.doc);
      if (hit) {
        cancelHide();
        pointerEngaged = true;
        show(hit.groups, inPageViewport(hit.rect, p.doc));
        current = order.indexOf(hit.groups[0]);
      } else {
        scheduleHide();
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

  const step = (delta: 1 | -1) => {
    if (order.length === 0) return;
    current = current < 0 ? (delta === 1 ? 0 : order.length - 1) : (current + delta + order.length) % order.length;
    const group = marks.groups[order[current]];
    const first = group.ranges[0];
    (first.startContainer.parentElement ?? document.documentElement).scrollIntoView({ block: 'center', inline: 'nearest' });
    if (!card.isOpen && !card.contains(document.activeElement)) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    }
    cancelHide();
    pointerEngaged = false;
    shown = null;
    show([order[current]], inPageViewport(first.getBoundingClientRect(), first.startContainer.ownerDocument!));
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

  // The pointer and the keys over a same-origin frame Recoupe painted go to that frame's document.
  const docs = paintedDocuments();
  for (const doc of docs) {
    doc.addEventListener('pointermove', onPointerMove, { passive: true });
    doc.addEventListener('pointerout', onPointerLeaveWindow, { passive: true });
    doc.addEventListener('keydown', onKeyDown, true);
  }
  return () => {
    for (const doc of docs) {
      doc.removeEventListener('pointermove', onPointerMove);
      doc.removeEventListener('pointerout', onPointerLeaveWindow);
      doc.removeEventListener('keydown', onKeyDown, true);
    }
    if (frame) cancelAnimationFrame(frame);
    close(false);
  };
}

/** The key went to an input, a textarea or editable content (composedPath()[0] reaches inside shadow roots). */
function isEditableTarget(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0];
  if (document.designMode === 'on') return true;
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}
