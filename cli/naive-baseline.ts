import DiffMatchPatch from 'diff-match-patch';

/**
 * The naive way to find reuse: diff the page against every dispatch with diff-match-patch
 * (default settings, Diff_Timeout 1 s), in one of its two modes.
 */
export type NaiveMode = 'word' | 'char';

const dmp = new DiffMatchPatch();

/**
 * Word mode, as diff_linesToChars_ does for lines: each distinct word (with its following
 * spaces) becomes one character, the encoded strings are diffed, then decoded back to words.
 */
export function wordModeDiff(page: string, text: string): DiffMatchPatch.Diff[] {
  const wordArray: string[] = [''];
  const wordHash = new Map<string, number>();
  const encode = (s: string): string => {
    let chars = '';
    const re = /\S+\s*|\s+/g;
    for (let m = re.exec(s); m !== null; m = re.exec(s)) {
      let code = wordHash.get(m[0]);
      if (code === undefined) {
        code = wordArray.length;
        if (code > 0xffff) throw new Error('wordModeDiff: more than 65535 distinct words');
        wordHash.set(m[0], code);
        wordArray.push(m[0]);
      }
      chars += String.fromCharCode(code);
    }
    return chars;
  };
  const a = encode(page);
  const b = encode(text);
  const diffs = dmp.diff_main(a, b, false);
  dmp.diff_charsToLines_(diffs, wordArray);
  return diffs;
}

/** Character mode: diff_main on the texts themselves, without the line-mode speed-up. */
export function charModeDiff(page: string, text: string): DiffMatchPatch.Diff[] {
  return dmp.diff_main(page, text, false);
}

export function naiveDiff(mode: NaiveMode, page: string, text: string): DiffMatchPatch.Diff[] {
  return mode === 'word' ? wordModeDiff(page, text) : charModeDiff(page, text);
}

/** Milliseconds per dispatch, averaged over a sample: the naive cost grows linearly with the corpus. */
export function naiveMsPerDispatch(mode: NaiveMode, page: string, texts: readonly string[]): number {
  const t0 = performance.now();
  let sink = 0;
  for (const text of texts) sink += naiveDiff(mode, page, text).length;
  const ms = performance.now() - t0;
  if (sink < 0) throw new Error('unreachable');
  return ms / texts.length;
}
