import { foldWord } from './fold';

/** Text folded for comparison, with the offset in the original text of every folded character. */
export interface Normalized {
  text: string;
  /** map[i] is the original offset of text[i]; map[text.length] is the original length. */
  map: Uint32Array;
}

const APOSTROPHES = new Set(['’', '‘', 'ʼ', '′', '`', '´', 'ʹ']);
const QUOTES = new Set(['«', '»', '“', '”', '„', '‟', '″', '‹', '›']);
const OPENING = new Set(['«', '‹']);
const CLOSING = new Set(['»', '›']);
const DASHES = new Set(['‐', '‑', '‒', '–', '—', '―', '−']);
const INVISIBLE = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);
const SPACE_RE = /\s/;

/**
 * Folds what news text really contains so that two copies of one sentence compare equal:
 * typographic apostrophes and quote marks, guillemets with their no-break spaces, dashes,
 * ligatures, case, accents, invisible characters and runs of spaces.
 */
export function normalize(input: string): Normalized {
  const out: string[] = [];
  const map: number[] = [];
  let pendingSpace = -1;
  let afterOpening = false;
  const emit = (s: string, at: number) => {
    for (const ch of s) {
      out.push(ch);
      map.push(at);
    }
  };
  let i = 0;
  for (const ch of input) {
    const at = i;
    i += ch.length;
    if (INVISIBLE.has(ch)) continue;
    if (SPACE_RE.test(ch)) {
      if (pendingSpace < 0 && !afterOpening && out.length > 0) pendingSpace = at;
      continue;
    }
    // The no-break space inside « » is typography, not text: « oui » and "oui" are the same.
    if (pendingSpace >= 0 && !CLOSING.has(ch)) emit(' ', pendingSpace);
    pendingSpace = -1;
    afterOpening = OPENING.has(ch);
    if (APOSTROPHES.has(ch)) emit("'", at);
    else if (QUOTES.has(ch)) emit('"', at);
    else if (DASHES.has(ch)) emit('-', at);
    else if (ch === '…') emit('...', at);
    else emit(foldWord(ch), at);
  }
  map.push(input.length);
  return { text: out.join(''), map: Uint32Array.from(map) };
}
