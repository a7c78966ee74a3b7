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
  // Most candidate regions are copies: strip the identical ends before building strings for the diff.
  let head = 0;
  while (pFrom + head < pTo && sFrom + head < sTo && page[pFrom + head] === src[sFrom + head]) head++;
  let tail = 0;
  while (pTo - tail > pFrom + head && sTo - tail > sFrom + head && page[pTo - 1 - tail] === src[sTo - 1 - tail]) tail++;
  const runs: WordRun[] = [];
  if (head > 0) runs.push({ op: 0, p: pFrom, s: sFrom, len: head });
  let p = pFrom + head;
  let s = sFrom + head;
  const pEnd = pTo - tail;
  const sEnd = sTo - tail;
  // Single words swapped between identical stretches are the commonest edit; they need no search.
  // Anything else (words added or dropped, longer changes) goes to diff-match-patch.
  while (p + 1 < pEnd && s + 1 < sEnd && page[p] !== src[s] && page[p + 1] === src[s + 1]) {
    runs.push({ op: -1, p, s, len: 1 }, { op: 1, p, s: s + 1, len: 1 });
    p++;
    s++;
    let same = 0;
    while (p + same < pEnd && s + same < sEnd && page[p + same] === src[s + same]) same++;
    runs.push({ op: 0, p, s, len: same });
    p += same;
    s += same;
  }
  if (p < pEnd && s < sEnd) {
    const codes = new Map<number, string>();
    const a = encode(codes, src, s, sEnd);
    for (const [op, chunk] of dmp.diff_main(a, encode(codes, page, p, pEnd), false)) {
      const len = chunk.length;
      runs.push({ op: op as WordRun['op'], p, s, len });
      if (op !== -1) p += len;
      if (op !== 1) s += len;
    }
  } else if (p < pEnd) {
    runs.push({ op: 1, p, s, len: pEnd - p });
  } else if (s < sEnd) {
    runs.push({ op: -1, p, s, len: sEnd - s });
  }
  if (tail > 0) runs.push({ op: 0, p: pEnd, s: sEnd, len: tail });
  return mergeRuns(runs);
}

/** Joins neighbouring runs of the same operation, as diff-match-patch's own output does. */
function mergeRuns(runs: WordRun[]): WordRun[] {
  const out: WordRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && last.op === run.op) last.len += run.len;
    else out.push(run);
  }
  return out;
}

/** Each distinct word hash becomes one character (skipping surrogates, which diff-match-patch may split). */
function encode(codes: Map<number, string>, words: Uint32Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    let ch = codes.get(words[i]);
    if (ch === undefined) {
      let code = 0x100 + codes.size;
      if (code >= 0xd800) code += 0x800;
      ch = String.fromCharCode(code);
      codes.set(words[i], ch);
    }
    out += ch;
  }
  return out;
}
