/**
 * Folding used for matching: case, accents, ligatures. Two spellings of a word that a reader
 * would call the same word ("Élysée" / "Elysee", "œuvre" / "oeuvre") fold to the same key.
 */
const LIGATURES: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'st',
  ﬆ: 'st',
};
const LIGATURE_RE = /[œæßﬀ-ﬆ]/g;
const MARKS_RE = /\p{M}+/gu;
const NON_ASCII_RE = /[^\x00-\x7f]/;

export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (!NON_ASCII_RE.test(lower)) return lower;
  return lower
    .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase();
}
