/**
 * French typography for names placed into sentences: "de" elides before a vowel sound
 * ("copie d’AFP", "d’Europe 1"), contracts with a leading article ("du Monde"), and the first
 * of the month is an ordinal ("1er décembre").
 */

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;
/** Names that start with a written vowel but are said with a consonant (no elision). */
const NO_ELISION = new Set(['yahoo', 'youtube', 'yle']);

/** "de" joined to a name: "d’AFP", "d’Europe 1", "du Monde", "des Échos", "de Reuters". */
export function deName(name: string): string {
  const trimmed = name.trim();
  if (/^le\s/i.test(trimmed)) return `du ${trimmed.slice(3)}`;
  if (/^les\s/i.test(trimmed)) return `des ${trimmed.slice(4)}`;
  const firstWord = trimmed.split(/\s/)[0].toLowerCase();
  if (VOWEL.test(trimmed) && !NO_ELISION.has(firstWord)) return `d’${trimmed}`;
  return `de ${trimmed}`;
}

/** "que" joined to a name: "qu’Europe 1", "que Reuters", "que le Monde" stays as written after "que". */
export function queName(name: string): string {
  const trimmed = name.trim();
  const firstWord = trimmed.split(/\s/)[0].toLowerCase();
  return VOWEL.test(trimmed) && !NO_ELISION.has(firstWord) ? `qu’${trimmed}` : `que ${trimmed}`;
}

/** "1 décembre 2026" → "1er décembre 2026"; other days unchanged. */
export function frenchOrdinalDay(formatted: string): string {
  return formatted.replace(/(^|\s)1(\s)/, '$11er$2');
}
