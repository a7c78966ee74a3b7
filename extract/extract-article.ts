import { countWords, isEditable, tagOf } from './dom-rules';
import { chooseSteps } from './choose';
import { collectSteps } from './collect-text';
import { measureSteps } from './measure';
import { runSteps, type Steps } from './steps';
import type { ExtractOptions, ExtractedArticle } from './types';

const DEFAULT_MAX_CHARS = 1_000_000;

/** The whole document is being edited: designMode, or an editable <body> or <html>. */
export function isEditableDocument(doc: Document): boolean {
  if (doc.designMode === 'on') return true;
  return [doc.body, doc.documentElement].some((el) => el && isEditable(el));
}

/**
 * Finds the main article text of a page without touching the page. Returns null when the
 * page is not article-like (navigation, search, listing and app pages) or is being edited;
 * editable regions (contenteditable, form fields) are never part of the text.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  return runSteps(articleSteps(doc, options));
}

/** The extraction, pausing every few hundred nodes (see steps.ts). */
export function* articleSteps(doc: Document, options: ExtractOptions = {}): Steps<ExtractedArticle | null> {
  const body = doc.body ?? doc.documentElement;
  if (!body || isEditableDocument(doc)) return null;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  // First without class-named page furniture; some sites name their whole page wrapper
  // "header-wrap" or similar, so try again with it before giving up.
  for (const skipUnlikely of [true, false]) {
    const m = yield* measureSteps(body, skipUnlikely);
    const choice = yield* chooseSteps(m, body);
    if (!choice) continue;
    const built = yield* collectSteps(choice.roots, m.stats, skipUnlikely, maxChars);
    const text = built.text;
    if (!text) continue;
    return {
      title: findTitle(doc, choice.roots),
      text,
      // Counted when asked: the page's content script never needs it.
      get words() {
        return countWords(text);
      },
      pieces: built.pieces,
      roots: [...built.roots],
      scope: choice.roots,
      ...(built.truncated || m.truncated ? { truncated: true } : {}),
    };
  }
  return null;
}

function findTitle(doc: Document, roots: Element[]): string {
  for (const root of roots) {
    // querySelector stops at the first match; a live collection's [0] need not (linkedom walks it all).
    const h1 = tagOf(root) === 'h1' ? root : root.querySelector('h1');
    const text = h1?.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return (doc.title ?? '').replace(/\s+/g, ' ').trim();
}
