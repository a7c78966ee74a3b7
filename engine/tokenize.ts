import { foldWord } from './fold';
import { hashString } from './hash';

/**
 * Words of a text with their original offsets. Punctuation, quote marks, apostrophes and spaces
 * separate words and are never part of one, so "l’Otan", "l'OTAN" and « OTAN » share the word "otan".
 */
export interface Tokens {
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
  /** Hash of each folded word. */
  hashes: Uint32Array;
  /** Folded words. */
  words: string[];
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

export function tokenize(text: string): Tokens {
  let cap = Math.max(16, text.length >> 2);
  let starts: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  let ends: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  let hashes: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  const words: string[] = [];
  // Many words repeat in a text: folding and hashing each spelling once is cheaper.
  const seen = new Map<string, number>();
  let n = 0;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    if (n === cap) {
      cap *= 2;
      starts = grow(starts, cap);
      ends = grow(ends, cap);
      hashes = grow(hashes, cap);
    }
    const raw = m[0];
    let id = seen.get(raw);
    let folded: string;
    if (id === undefined) {
      folded = foldWord(raw);
      id = words.length;
      seen.set(raw, n);
      hashes[n] = hashString(folded);
    } else {
      folded = words[id];
      hashes[n] = hashes[id];
    }
    words.push(folded);
    starts[n] = m.index;
    ends[n] = m.index + raw.length;
    n++;
  }
  return { count: n, starts: starts.subarray(0, n), ends: ends.subarray(0, n), hashes: hashes.subarray(0, n), words };
}

function grow(a: Uint32Array, cap: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
}
