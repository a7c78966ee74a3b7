import { diff_match_patch } from 'diff-match-patch';

/**
 * One run of the word alignment: `len` words of the page (op 0, 1) and of the source (op 0, -1),
 * starting at page word `p` and source word `s`.
 */
export interface WordRun {
  op: -1 | 0 | 1;
  p: number;
  s: number;
  len: number;
}

const dmp = new diff_match_patch();
dmp.Diff_Timeout = 0.5;

/**
 * Word-level diff of page words [pFrom, pTo) against source words [sFrom, sTo): each distinct
 * word becomes one character, as diff-match-patch's line mode does with lines, so the character
 * diff is a word diff.
 */
export function wordDiff(
  page: Uint32Array,
  pFrom: number,
  pTo: number,
  src: Uint32Array,
  sFrom: number,
  sTo: number,
): WordRun[] {
  const codes = new Map<number, string>();
  let next = 0x100;
  const encode = (words: Uint32Array, from: number, to: number): string => {
    let out = '';
    for (let i = from; i < to; i++) {
      let ch = codes.get(words[i]);
      if (ch === undefined) {
        if (next === 0xd800) next = 0xe000;
        ch = String.fromCharCode(next++);
        codes.set(words[i], ch);
      }
      out += ch;
    }
    return out;
  };
  const a = encode(src, sFrom, sTo);
  const b = encode(page, pFrom, pTo);
  const diffs = dmp.diff_main(a, b, false);
  const runs: WordRun[] = [];
  let p = pFrom;
  let s = sFrom;
  for (const [op, chunk] of diffs) {
    const len = chunk.length;
    runs.push({ op: op as WordRun['op'], p, s, len });
    if (op !== -1) p += len;
    if (op !== 1) s += len;
  }
  return runs;
}
