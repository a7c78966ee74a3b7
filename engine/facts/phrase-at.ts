/**
 * The first phrase of `table` (listed under its first word, longest first) whose words follow word
 * i of words[.., to) one for one, or null. Phrase tables of the word lists (events, concept idioms)
 * are read this way.
 */
export function phraseAt<P extends { readonly words: readonly string[] }>(
  table: ReadonlyMap<string, readonly P[]>,
  words: readonly string[],
  i: number,
  to: number,
): P | null {
  const list = table.get(words[i]);
  if (!list) return null;
  outer: for (const p of list) {
    if (i + p.words.length > to) continue;
    for (let k = 1; k < p.words.length; k++) if (words[i + k] !== p.words[k]) continue outer;
    return p;
  }
  return null;
}
