import { countWords, tagOf } from './dom-rules';
import { chooseContainer } from './choose';
import { collectText } from './collect-text';
import { measure } from './measure';
import type { ExtractOptions, ExtractedArticle } from './types';

const DEFAULT_MAX_CHARS = 1_000_000;

/**
 * Finds the main article text of a page without touching the page. Returns null when the
 * page is not article-like (navigation, search, listing and app pages).
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  // First without class-named page furniture; some sites name their whole page wrapper
  // "header-wrap" or similar, so try again with it before giving up.
  for (const skipUnlikely of [true, false]) {
    const m = measure(body, skipUnlikely);
    const choice = chooseContainer(m, body);
    if (!choice) continue;
    const built = collectText(choice.roots, m.stats, skipUnlikely, maxChars);
    const text = built.text;
    if (!text) continue;
    return {
      title: findTitle(doc, choice.roots),
      text,
      words: countWords(text),
      pieces: built.pieces,
      ...(built.truncated || m.truncated ? { truncated: true } : {}),
    };
  }
  return null;
}

function findTitle(doc: Document, roots: Element[]): string {
  for (const root of roots) {
    const h1 = tagOf(root) === 'h1' ? root : root.getElementsByTagName('h1')[0];
    const text = h1?.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return (doc.title ?? '').replace(/\s+/g, ' ').trim();
}
