import { foldWord } from './fold';

/**
 * Words of a text with their original offsets. Punctuation, quote marks, apostrophes and spaces
 * separate words and are never part of one, so "l’Otan", "l'OTAN" and « OTAN » share the word "otan".
 */
export interface Tokens {
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
  /** 32-bit FNV-1a hash of each folded word. */
  hashes: Uint32Array;
  /** Folded words, when asked for. */
  words?: string[];
}

const START_RE = /[\p{L}\p{N}]/u;
const PART_RE = /[\p{L}\p{M}\p{N}]/u;
/** Per UTF-16 code unit: 0 not seen yet, 1 separator, 2 starts or continues a word, 3 only continues one. */
const kind = new Uint8Array(65536);
/** Per code unit: its folded form (accents and case removed, ligatures expanded). */
const folded: (string | undefined)[] = new Array(65536);

function classify(code: number): number {
  let k = kind[code];
  if (k === 0) {
    const ch = String.fromCharCode(code);
    k = START_RE.test(ch) ? 2 : PART_RE.test(ch) ? 3 : 1;
    kind[code] = k;
  }
  return k;
}

function foldUnit(code: number): string {
  let f = folded[code];
  if (f === undefined) folded[code] = f = foldWord(String.fromCharCode(code));
  return f;
}

/**
 * Words of text[from, to) (a word that straddles `to` is kept whole; one that straddles `from` is left out).
 * Scans the text once, code unit by code unit, folding and hashing as it goes: this runs on every
 * page and every candidate dispatch, so it allocates nothing per word unless words are asked for.
 */
export function tokenize(text: string, withWords = false, from = 0, to = text.length): Tokens {
  let cap = Math.max(16, (to - from) >> 2);
  let starts: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  let ends: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  let hashes: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  const words: string[] | undefined = withWords ? [] : undefined;
  let n = 0;
  const len = text.length;
  let i = from;
  // Starting inside a word: that word is not whole here, skip it.
  if (i > 0) while (i < len && isPart(text, i - 1)) i++;
  while (i < to) {
    let code = text.charCodeAt(i);
    if (!isStart(text, i, code)) {
      i += code >= 0xd800 && code < 0xdc00 ? 2 : 1;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    let word = '';
    while (i < len) {
      code = text.charCodeAt(i);
      if (code < 128) {
        // ASCII fast path: letters and digits only, upper case folded by bit.
        const lower = code >= 65 && code <= 90 ? code | 32 : code;
        if (!((lower >= 97 && lower <= 122) || (code >= 48 && code <= 57))) break;
        h = Math.imul(h ^ lower, 0x01000193);
        if (words) word += String.fromCharCode(lower);
        i++;
        continue;
      }
      let f: string;
      let width = 1;
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < len) {
        const pair = text.slice(i, i + 2);
        if (!PART_RE.test(pair)) break;
        f = foldWord(pair);
        width = 2;
      } else {
        if (classify(code) === 1) break;
        f = foldUnit(code);
      }
      for (let j = 0; j < f.length; j++) h = Math.imul(h ^ f.charCodeAt(j), 0x01000193);
      if (words) word += f;
      i += width;
    }
    if (n === cap) {
      cap *= 2;
      starts = grow(starts, cap);
      ends = grow(ends, cap);
      hashes = grow(hashes, cap);
    }
    starts[n] = start;
    ends[n] = i;
    hashes[n] = h >>> 0;
    if (words) words.push(word);
    n++;
  }
  // Views, not copies: tokens are short-lived and copying them doubled the allocation per candidate.
  return { count: n, starts: starts.subarray(0, n), ends: ends.subarray(0, n), hashes: hashes.subarray(0, n), words };
}

/**
 * What tokenize(text, false, from, to) gives, taken from `whole`, the tokens of the whole text,
 * when the two scans surely meet the same words: the range's scan starts after an ASCII character
 * that is no part of a word (where the whole text's scan is between words too). Null otherwise.
 */
export function tokensWithin(whole: Tokens, text: string, from: number, to: number): Tokens | null {
  let i = from;
  if (i > 0) while (i < text.length && isPart(text, i - 1)) i++;
  if (i > 0 && i < text.length && text.charCodeAt(i - 1) >= 128) return null;
  const lo = firstAtOrAfter(whole.starts, i);
  const hi = Math.max(lo, firstAtOrAfter(whole.starts, to));
  return { count: hi - lo, starts: whole.starts.subarray(lo, hi), ends: whole.ends.subarray(lo, hi), hashes: whole.hashes.subarray(lo, hi), words: undefined };
}

function firstAtOrAfter(a: Uint32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isPart(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  if (code >= 0xdc00 && code < 0xe000) return i > 0 && PART_RE.test(text.slice(i - 1, i + 1));
  return classify(code) !== 1;
}

function isStart(text: string, i: number, code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  if (code >= 0xd800 && code < 0xdc00) return START_RE.test(text.slice(i, i + 2));
  return classify(code) === 2;
}

function grow(a: Uint32Array, cap: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
}
