const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable=""], [contenteditable="true"]';

/**
 * Gives the keyboard back to the page where `range` starts, for a reader leaving the card: the
 * caret goes to the passage's first character (a collapsed selection, which caret browsing and
 * screen readers follow), and Tab continues from there rather than from the top of the page.
 *
 * Chromium starts sequential focus navigation from the last focused element, not from a selection
 * made by script. So the nearest focusable ancestor of the passage (a link around it, an editable
 * region) is focused when there is one; otherwise the passage's own element is made focusable for
 * the one call to focus() and its tabindex taken off at once. Focus then falls back to the
 * document, with the navigation starting point left at the passage. Nothing stays on the page.
 */
export function focusAtPassage(range: Range): void {
  const start = range.startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  if (!element || !element.isConnected) return;
  const active = document.activeElement;
  if (active instanceof HTMLElement) active.blur();
  const focusable = element.closest<HTMLElement>(FOCUSABLE);
  if (focusable && focusable !== document.body) {
    focusable.focus({ preventScroll: true });
  } else if (element instanceof HTMLElement && element !== document.body && element !== document.documentElement) {
    element.setAttribute('tabindex', '-1');
    element.focus({ preventScroll: true });
    element.removeAttribute('tabindex');
  }
  document.getSelection()?.collapse(start, range.startOffset);
}
