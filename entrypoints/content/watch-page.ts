import type { TextPiece } from '../../extract';
import { mayShowArticle } from '../../extract/page-article';
import { EDITED_CHARS, GROWTH_CHARS, GROWTH_DELAY_MS, RUNS_PER_MINUTE } from './limits';

/** Why the page is read again, weakest first: its article text was edited in place, it grew, it became another page. */
export type Change = 'edited' | 'grown' | 'url';
const STRENGTH: Change[] = ['edited', 'grown', 'url'];

export interface Watch {
  /** A run just started: growth counts from here. */
  reset(): void;
  /** Asks for a run if the page's address changed (the background's notice after history.pushState). */
  check(): void;
  /** The article text a run read (null: none), to tell when the page edits it in place. */
  track(article: { text: string; pieces: readonly TextPiece[]; roots: readonly Node[] } | null): void;
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
 * DOM change and on `check`), for substantial new text outside editable regions (a late article,
 * infinite scroll) and for edits of the article text a run read (text changed in place or its
 * nodes replaced, without the page growing), and asks for a run: at once for a new address, a
 * second later for growth or edits, at most RUNS_PER_MINUTE a minute in all. An edit is confirmed
 * when its second is up, by comparing the read pieces with their nodes' text now: a page's ticking
 * clock or rotating banner, outside the article, costs that comparison and never a run. The
 * observer starts with the first run (`reset`), also watches the shadow roots and same-origin
 * frames the read text lives in, and is off while the page is hidden; text that grew or was edited
 * meanwhile is measured on return. Kept small: it is part of the bootstrap every page loads.
 */
export function watchPage(moved: () => boolean, onChange: (change: Change) => void): Watch {
  let added = 0;
  let count = 0;
  let since = 0;
  let hiddenLength = -1;
  let next: Change | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let text = '';
  let pieces: readonly TextPiece[] = [];
  /** Where the read text lives beside the document: open shadow roots, same-origin frames' documents. */
  let roots: Node[] = [];

  /** Characters of the read article whose node left the page or holds other text now. */
  const editedChars = () => {
    let n = 0;
    for (const p of pieces) {
      const length = p.nodeEnd - p.nodeStart;
      if (!p.node.isConnected || p.node.data.slice(p.nodeStart, p.nodeEnd) !== text.substr(p.textStart, length)) n += length;
    }
    return n;
  };

  const fire = () => {
    timer = undefined;
    const now = Date.now();
    if (now - since > 60_000) {
      since = now;
      count = 0;
    }
    // A hidden page is read once shown again.
    if (document.hidden || !next) return;
    if (next === 'edited' && editedChars() < EDITED_CHARS) return void (next = undefined);
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
    if (STRENGTH.indexOf(change) >= STRENGTH.indexOf(next!)) next = change;
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
    let edited = false;
    for (const r of records) {
      // Text edited in an editor only costs the comparison below: the read article leaves editable regions out.
      if (isEditable(r.target)) continue;
      edited ||= r.type === 'characterData' || r.removedNodes.length > 0;
      for (const node of r.addedNodes) if (added < GROWTH_CHARS && !NOT_TEXT.test((node as Element).localName)) added += node.textContent?.length ?? 0;
    }
    if (added >= GROWTH_CHARS) ask('grown', GROWTH_DELAY_MS);
    else if (edited && pieces.length > 0) ask('edited', GROWTH_DELAY_MS);
  });
  const observe = () => {
    for (const root of [document.documentElement, ...roots]) observer.observe(root, { childList: true, subtree: true, characterData: true });
  };

  // The whole text of a large page is a long string to build: measured only on hiding and showing again.
  const textLength = () => document.body?.textContent?.length ?? 0;
  let measure: ReturnType<typeof setTimeout> | undefined;
  const onVisibility = () => {
    clearTimeout(measure);
    if (document.hidden) {
      observer.disconnect();
      hiddenLength = -1;
      // A page hidden because the reader leaves it is unloaded before the timer runs: leaving costs nothing.
      measure = setTimeout(() => (hiddenLength = textLength()), 0);
    } else {
      observe();
      if (!check() && hiddenLength >= 0 && textLength() - hiddenLength >= GROWTH_CHARS) ask('grown', GROWTH_DELAY_MS);
      // Edits made while hidden went unobserved: the comparison finds them.
      else ask(next ?? 'edited', 0);
    }
  };
  let watching = false;

  return {
    reset() {
      added = 0;
      pieces = [];
      // Growth counts from the first run on: what the page builds before that run is read by it anyway.
      if (watching) return;
      watching = true;
      document.addEventListener('visibilitychange', onVisibility);
      // A same-origin frame that loads its text (a reader frame, an embed) grows the page; a
      // cross-origin one has no document to read. Load events do not bubble: caught on the way down.
      document.addEventListener(
        'load',
        (e) => {
          // Touching a frame's document sets up Recoupe's world in it: only frames that may show an article.
          // Images and scripts, the most of a page's load events, have no document to ask about.
          const frame = e.target as HTMLIFrameElement;
          const doc = e.isTrusted && 'contentDocument' in frame && mayShowArticle(frame) && frame.contentDocument;
          if (doc && (doc.body?.textContent?.length ?? 0) >= GROWTH_CHARS) ask('grown', GROWTH_DELAY_MS);
        },
        true,
      );
      // Nothing can have been edited yet: only watching starts (a hidden page starts when shown).
      if (!document.hidden) observe();
    },
    check,
    track(article) {
      text = article?.text ?? '';
      pieces = article?.pieces ?? [];
      const before = roots.length;
      // The extraction names them: a look-up per piece cost a page of many links half a millisecond.
      roots = article ? article.roots.filter((root) => root !== document) : [];
      // The document itself is watched since the run started: observing it again only costs.
      if (!document.hidden && (roots.length > 0 || before > 0)) {
        observer.disconnect();
        observe();
      }
    },
  };
}
