import { browser } from 'wxt/browser';
import { isUrlChanged } from '../../messaging/tab-messages';
import { GROWTH_CHARS, GROWTH_DELAY_MS, RUNS_PER_MINUTE } from './limits';


export type Change = 'url' | 'grown';

export interface Watch {
  /** A run just started: growth counts from here, and growth seen before it is read by it. */
  reset(): void;
}

/** The page's address without its fragment: a jump to an anchor is the same page. */
const pageOf = (href: string) => href.split('#')[0];

/** Text characters an added node brings; scripts, styles and Recoupe's own elements bring none. */
function addedText(node: Node): number {
  if (node.nodeType === 3) return (node as Text).data.trim().length;
  if (node.nodeType !== 1) return 0;
  const name = (node as Element).localName;
  if (name.startsWith('recoupe-') || name === 'script' || name === 'style' || name === 'noscript' || name === 'template') return 0;
  return node.textContent?.length ?? 0;
}

/** Typing in an editor or a form is the reader's own work, never a reason to read the page again. */
function isEditable(target: Node): boolean {
  const el = target.nodeType === 1 ? (target as HTMLElement) : target.parentElement;
  return document.designMode === 'on' || !!el?.isContentEditable;
}

/**
 * Takes ranges over text the page removed out of Recoupe's highlights. A live Range whose text is
 * removed collapses onto the removal point (Recoupe never draws an empty one); a detached node is
 * checked too, for ranges that do not follow the DOM.
 */
function pruneRemoved(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('recoupe-')) return;
    for (const range of [...highlight]) {
      const r = range as Range;
      if (r.collapsed || !r.startContainer.isConnected) highlight.delete(range);
    }
  });
}

/**
 * Watches the page for another address (a single-page site's navigation: the background's notice,
 * popstate, or a DOM change checked against location.href) and for substantial new text (a late
 * article, infinite scroll), and asks for a run: at once for a new address, after a quiet second
 * for growth, at most RUNS_PER_MINUTE a minute either way. Text the page removes is pruned from
 * the highlights. The observer is off while the page is hidden; what grew meanwhile is read on return.
 */
export function watchPage(onChange: (change: Change) => void): Watch {
  let page = pageOf(location.href);
  let added = 0;
  let removed = false;
  let pending: Change | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hiddenLength = -1;
  const runs: number[] = [];

  const fire = () => {
    timer = undefined;
    if (document.hidden || !pending) return;
    const now = Date.now();
    while (runs.length && now - runs[0] > 60_000) runs.shift();
    if (runs.length >= RUNS_PER_MINUTE) {
      timer = setTimeout(fire, runs[0] + 60_001 - now);
      return;
    }
    runs.push(now);
    const change = pending;
    pending = null;
    onChange(change);
  };

  const ask = (change: Change, delay: number) => {
    if (pending !== 'url') pending = change;
    if (change === 'url') clearTimeout(timer);
    else if (timer !== undefined) return;
    timer = setTimeout(fire, delay);
  };

  const checkUrl = () => {
    const now = pageOf(location.href);
    if (now === page) return false;
    page = now;
    ask('url', 0);
    return true;
  };

  const observer = new MutationObserver((records) => {
    if (checkUrl()) return;
    for (const r of records) {
      if (isEditable(r.target)) continue;
      if (r.removedNodes.length) removed = true;
      for (let i = 0; i < r.addedNodes.length && added < GROWTH_CHARS; i++) added += addedText(r.addedNodes[i]);
    }
    if (removed) {
      removed = false;
      pruneRemoved();
    }
    if (added >= GROWTH_CHARS) ask('grown', GROWTH_DELAY_MS);
  });
  const observe = () => observer.observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener('visibilitychange', () => {
    const length = document.body?.textContent?.length ?? 0;
    if (document.hidden) {
      observer.disconnect();
      hiddenLength = length;
      return;
    }
    observe();
    if (!checkUrl() && hiddenLength >= 0 && length - hiddenLength >= GROWTH_CHARS) ask('grown', GROWTH_DELAY_MS);
    else if (pending) ask(pending, 0);
  });
  addEventListener('popstate', checkUrl);
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isUrlChanged(message)) checkUrl();
    return undefined;
  });
  if (!document.hidden) observe();

  return {
    reset() {
      added = 0;
      if (pending === 'grown') {
        clearTimeout(timer);
        timer = undefined;
        pending = null;
      }
    },
  };
}
