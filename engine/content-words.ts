import { BOILERPLATE_BY_FIRST, STOPWORDS } from './text-sets';
import type { Tokens } from './tokenize';

/**
 * 1 for each word that carries content: not a function word and not inside a stock phrase of
 * news copy (attribution formulas, agency and photo credits, datelines' agency names).
 */
export function contentMask(tokens: Tokens): Uint8Array {
  const mask = new Uint8Array(tokens.count);
  const words = tokens.words;
  for (let i = 0; i < tokens.count; i++) mask[i] = STOPWORDS.has(words[i]) ? 0 : 1;
  for (let i = 0; i < tokens.count; i++) {
    const phrases = BOILERPLATE_BY_FIRST.get(words[i]);
    if (!phrases) continue;
    for (const phrase of phrases) {
      if (i + phrase.length > tokens.count) continue;
      let ok = true;
      for (let j = 1; j < phrase.length && ok; j++) ok = words[i + j] === phrase[j];
      if (ok) mask.fill(0, i, i + phrase.length);
    }
  }
  return mask;
}
