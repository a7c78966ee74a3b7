import type { FactLang } from './lexicon';

/**
 * Whether a word its neighbours make carry no fact, where its stem alone would give one: French
 * "peine" after "à" is "barely" ("à peine une heure après"), no sentence or penalty (`words`
 * folded, lower case).
 */
export function noFactAt(words: readonly string[], i: number, from: number, lang: FactLang): boolean {
  return lang === 'fr' && words[i] === 'peine' && i > from && words[i - 1] === 'a';
}

/** Words before French "but" that make it a goal scored: a count or rank, or a goal's praise. */
const GOAL_BEFORE = new Set([
  'un', 'premier', 'deuxieme', 'troisieme', 'quatrieme', 'cinquieme', 'sixieme', 'septieme', 'huitieme', 'neuvieme', 'dixieme',
  'second', 'dernier', 'nouveau', 'seul', 'unique', 'beau', 'joli', 'superbe', 'magnifique', 'splendide', 'sublime',
]);
/** Before those, "but" is an aim again: "dans un but politique", "pour seul but". */
const AIM_BEFORE = new Set(['dans', 'pour', 'avec']);
const ORDINAL_RE = /^\d+(?:e|eme|er)?$/;

/**
 * Whether French "but", a stop word as English "but", is a goal scored: "son deuxième but", "le
 * 7e but", "un superbe but", and not "dans le but de", "son but est de" (`words` folded, lower case).
 */
export function goalAt(words: readonly string[], i: number, from: number, lang: FactLang): boolean {
  if (lang !== 'fr' || words[i] !== 'but' || i === from) return false;
  const before = words[i - 1];
  if (!GOAL_BEFORE.has(before) && !ORDINAL_RE.test(before)) return false;
  return !((i - 2 >= from && AIM_BEFORE.has(words[i - 2])) || (i - 3 >= from && AIM_BEFORE.has(words[i - 3])));
}

/** Forms of the verbs that renew a lease: "renouvelle", "renouvelé", "prolonge"... (folded prefixes). */
const RENEW_PREFIXES = ['renouvel', 'prolong'];
/** Words a renewal may stand before "bail" at most: "renouvelle donc son bail". */
const RENEWAL_REACH = 3;

/**
 * Words from word i, a form of "renouveler" or "prolonger", to the "bail" it renews ("renouvelle
 * donc son bail"), or 0: French news says an office holder renews the lease of the seat ("son bail
 * à l'Élysée") for a re-election, which counts as a win. A lease signed, ended or named alone is
 * none, nor a renewed contract (`words` folded, lower case).
 */
export function renewedLeaseAt(words: readonly string[], i: number, to: number, lang: FactLang): number {
  if (lang !== 'fr' || !RENEW_PREFIXES.some((p) => words[i].startsWith(p))) return 0;
  for (let j = i + 1; j < Math.min(to, i + 1 + RENEWAL_REACH); j++) if (words[j] === 'bail') return j - i + 1;
  return 0;
}
