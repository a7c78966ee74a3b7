import { diff_match_patch } from 'diff-match-patch';
import type { DiffOp } from '../engine/types';
import { diffColumns, type DiffColumns } from './diff-columns';

const dmp = new diff_match_patch();
dmp.Diff_Timeout = 1;

/** Words with the spaces after them: a word diff keeps the text's own spacing and line breaks. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+\s*/g) ?? [];
}

/**
 * A word diff of two whole texts, `before` as the source side (op -1) and `after` as the other
 * (op 1): each distinct word becomes one character for diff-match-patch, whose character diff is
 * then a word diff (as its line mode does with lines).
 */
export function textDiff(before: string, after: string): DiffOp[] {
  const codes = new Map<string, string>();
  const words: string[] = [];
  const encode = (text: string) =>
    tokens(text)
      .map((w) => {
        let c = codes.get(w);
        if (c === undefined) {
          let code = 0x100 + words.length;
          if (code >= 0xd800) code += 0x800;
          c = String.fromCharCode(code);
          codes.set(w, c);
          words.push(w);
        }
        return c;
      })
      .join('');
  const a = encode(before);
  const b = encode(after);
  const diffs = dmp.diff_main(a, b, false);
  dmp.diff_cleanupSemantic(diffs);
  const decode = (chars: string) => [...chars].map((c) => words[(c.charCodeAt(0) >= 0xe000 ? c.charCodeAt(0) - 0x800 : c.charCodeAt(0)) - 0x100]).join('');
  return diffs.map(([op, chars]) => ({ op: op as DiffOp['op'], text: decode(chars) }));
}

/** Two versions side by side: `left` keeps the words only it has marked, so does `right`. */
export function sideBySide(left: string, right: string): { left: DiffColumns['source']; right: DiffColumns['page'] } {
  const columns = diffColumns({ diff: textDiff(left, right), page: { start: 0, end: right.length, text: right }, source: { start: 0, end: left.length, text: left } });
  return { left: columns.source, right: columns.page };
}
