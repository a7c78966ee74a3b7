import { detectLang } from '../facts/lexicon';
import { tokenize } from '../tokenize';
import type { Passage } from '../types';
import { framingHints } from './framing';

/**
 * The passages with their framing hints, for every kind (an edited copy can change a verb or drop
 * a hedge as much as a retelling can). Passages that already carry hints keep them; a passage
 * whose dispatch text is unknown is returned as it is.
 */
export function withHints(passages: readonly Passage[], pageText: string, getText: (id: string) => string | undefined): Passage[] {
  const lang = detectLang(tokenize(pageText.slice(0, 4000), true).words!);
  return passages.map((p) => {
    if (p.hints) return p;
    const text = getText(p.dispatch);
    if (text === undefined) return p;
    return { ...p, hints: framingHints(pageText, p.page, text, p.source, lang) };
  });
}
