import type { FactLang } from './lexicon';

/**
 * Whether a word its neighbours make carry no fact, where its stem alone would give one: French
 * "peine" after "à" is "barely" ("à peine une heure après"), no sentence or penalty (`words`
 * folded, lower case).
 */
export function noFactAt(words: readonly string[], i: number, from: number, lang: FactLang): boolean {
  return lang === 'fr' && words[i] === 'peine' && i > from && words[i - 1] === 'a';
}
