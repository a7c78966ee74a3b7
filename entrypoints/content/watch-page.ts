import { GROWTH_CHARS, GROWTH_DELAY_MS, RUNS_PER_MINUTE } from './limits';

export type Change = 'url' | 'grown';

export interface Watch {
  /** A run just started: growth counts from here. */
  reset(): void;
  /** Asks for a run if the page's address changed (the background's notice after history.pushState). */
  check(): void;
}

/** Elements whose text is no reading matter, and Recoupe's own. */
const NOT_TEXT = /^(script|style|noscript|template|recoupe-)/;

/**
 * Inside an element the reader can edit (contenteditable other than "false", on it or the nearest
 * ancestor that says): read from attributes, since `isContentEditable` makes the browser compute
 * the page's styles in the middle of its own changes.
 */
function isEditable(node: Node): boolean {
  const holder = (node as Element).closest?.('[contenteditable]');
  return !!holder && holder.getAttribute('contenteditable')!.toLowerCase() !== 'false';
}

/**
 * Watches the page for another address (`moved`: a single-page site's navigation, checked on every
 * DOM change and on `check`) and for substantial new text outside editable regions (a late article,
 * infinite scroll), and asks for a run: at once for a new address, a second later for growth, at
 * most RUNS_PER_MINUTE a minute either way. The observer starts with the first run (`reset`) and is
 * off while the page is hidden; text that grew meanwhile is measured on return. Kept small: it is
 * part of the bootstrap every page loads.
 */
export function watchPage(moved: () => boolean, onChange: (change: Change) => void): Watch {
  let added = 0;
  let count = 0;
  let since = 0;
  let hiddenLength = -1;
  let next: Change | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fire = () => {
    timer = undefined;
    const now = Date.now();
    if (now - since > 60_000) {
      since = now;
      count = 0;
    }
    // A hidden page is read once shown again.
    if (document.hidden || !next) return;
    if (count >= RUNS_PER_MINUTE) {
      timer = setTimeout(fire, since + 60_001 - now);
      return;
    }
    count++;
    const change = next;
    next = undefined;
    onChange(change);
  };

  const ask = (change: Change, delay: number) => {
    if (next !== 'url') next = change;
    if (change === 'url') clearTimeout(timer);
    else if (timer) return;
    timer = setTimeout(fire, delay);
  };

  const check = () => {
    if (moved()) ask('url', 0);
    return !!next;
  };

  const observer = new MutationObserver((records) => {
    if (check()) return;
    // Growth already asked for a run: a busy page's further changes cost nothing until it starts.
    // Typing in an editor or a form is the reader's own work (designMode makes everything editable).
    if (added >= GROWTH_CHARS || document.designMode === 'on') return;
    for (const r of records) {
      if (isEditable(r.target)) continue;
      for (const node of r.addedNodes) if (added < GROWTH_CHARS && !NOT_TEXT.test((node as Element).localName)) added += node.textContent?.length ?? 0;
    }
    if (added >= GROWTH_CHARS) ask('grown', GROWTH_DELAY_MS);
  });

  // The whole text of a large page is a long string to build: measured only on hiding and showing again.
  const textLength = () => document.body?.textContent?.length ?? 0;
  const onVisibility = () => {
    if (document.hidden) {
      observer.disconnect();
      hiddenLength = textLength();
    } else {
      observer.observe(document.documentElement, { childList: true, subtree: true });
      if (!check() && hiddenLength >= 0 && textLength() - hiddenLength >= GROWTH_CHARS) ask('grown', GROWTH_DELAY_MS);
      else if (next) ask(next, 0);
    }
  };
  let watching = false;

  return {
    reset() {
      added = 0;
      // Growth counts from the first run on: what the page builds before that run is read by it anyway.
      if (watching) return;
      watching = true;
      document.addEventListener('visibilitychange', onVisibility);
      onVisibility();
    },
    check,
  };
}
