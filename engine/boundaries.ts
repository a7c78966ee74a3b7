import { foldWord } from './fold';
import { ABBREVIATIONS } from './text-sets';
import type { Tokens } from './tokenize';


/**
 * True when a sentence ends between word i and word i + 1: a paragraph or line break, or final
 * punctuation that does not close an abbreviation ("M. Macron") or an initial ("J. Biden").
 */
export function endsSentence(text: string, tokens: Tokens, i: number): boolean {
  if (i >= tokens.count - 1) return true;
  const gapStart = tokens.ends[i];
  const gapEnd = tokens.starts[i + 1];
  let sawEnd = false;
  let sawParen = false;
  for (let p = gapStart; p < gapEnd; p++) {
    const c = text.charCodeAt(p);
    if (c === 10) return true;
    // . ! ? …
    if (c === 46 || c === 33 || c === 63 || c === 0x2026) sawEnd = true;
    if (c === 41) sawParen = true;
  }
  if (sawParen && !sawEnd) return endsDateline(text, gapEnd);
  if (!sawEnd) return false;
  if (text[gapStart] === '.') {
    const word = text.slice(tokens.starts[i], gapStart);
    if (word.length === 1 && word !== word.toLowerCase()) return false;
    if (ABBREVIATIONS.has(foldWord(word))) return false;
  }
  return true;
}

/** First word of the sentence holding word i, looking back at most `limit` words. */
export function sentenceStart(text: string, tokens: Tokens, i: number, limit: number): number {
  const floor = Math.max(0, i - limit);
  let j = i;
  while (j > floor && !endsSentence(text, tokens, j - 1)) j--;
  return j;
}

/** Last word of the sentence holding word i, looking ahead at most `limit` words. */
export function sentenceEnd(text: string, tokens: Tokens, i: number, limit: number): number {
  const ceil = Math.min(tokens.count - 1, i + limit);
  let j = i;
  while (j < ceil && !endsSentence(text, tokens, j)) j++;
  return j;
}

const DATELINE_RE = /^[^\n().!?]{1,50}\([^()\n]{1,30}\)\s*[-–—:]?\s*$/u;
const DATELINE_MAX = 90;

/**
 * A dateline ("PARIS (AFP) –", "Moscou 16 décembre (RHC)") opens a paragraph without belonging to
 * its first sentence: an outlet that drops it has not edited that sentence.
 */
function endsDateline(text: string, gapEnd: number): boolean {
  let start = gapEnd;
  while (start > 0 && gapEnd - start <= DATELINE_MAX && text.charCodeAt(start - 1) !== 10) start--;
  if (start > 0 && text.charCodeAt(start - 1) !== 10) return false;
  return DATELINE_RE.test(text.slice(start, gapEnd));
}
