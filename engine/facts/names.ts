import { glossOf } from './gloss';
import { ENTITY_ALIASES, stemOf, type FactLang } from './lexicon';

/** Where a capitalised word is a name: gazetteer aliases, and capitals that open no sentence-like unit. */

/** Right after one of these a capital letter starts a sentence-like unit, not a name. */
const OPENERS_RE = /[«“„"‹:—–(\-\n]\s*$/;
/** After one of these a capital letter may open a sentence: a word there is not known to be a name. */
export const UNIT_BREAK_RE = /[.!?«“„"‹:—–(\-\n]\s*$/;

export function isUpper(code: number): boolean {
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/**
 * Before an office, words that make it another office or another holder: "vice-président turc",
 * "former French President", "l'ancien président américain" name someone other than the president.
 */
const NOT_HOLDER = new Set(['vice', 'ex', 'ancien', 'ancienne', 'former', 'deputy', 'futur', 'future', 'prochain', 'prochaine', 'next', 'late', 'feu']);

/** A gazetteer alias starting at word i (words of the sentence from `from`), as its key and length in words. */
export function entityAt(
  text: string,
  starts: Uint32Array,
  ends: Uint32Array,
  words: string[],
  i: number,
  to: number,
  from = i,
): { key: string; standsFor: readonly string[]; concepts: readonly string[]; length: number } | null {
  const list = ENTITY_ALIASES.get(words[i]);
  if (!list) return null;
  const otherHolder = i > from && NOT_HOLDER.has(words[i - 1]);
  outer: for (const alias of list) {
    if (otherHolder && alias.role) continue;
    const n = alias.words.length;
    if (i + n > to) continue;
    for (let k = 1; k < n; k++) {
      if (words[i + k] !== alias.words[k]) continue outer;
      // An alias does not run across a sentence-internal break such as a comma or a quote mark.
      if (/[^\s'’\-.]/.test(text.slice(ends[i + k - 1], starts[i + k]))) continue outer;
    }
    if (alias.capitals) {
      for (let k = 0; k < n; k++) {
        const original = text.slice(starts[i + k], ends[i + k]);
        if (original !== original.toUpperCase()) continue outer;
      }
    }
    return { key: alias.key, standsFor: alias.standsFor, concepts: alias.concepts, length: n };
  }
  return null;
}

/**
 * Word i is the capitalised second part of a hyphenated name ("Notre-Dame", "Saint-Germain"):
 * the hyphen joins it to a capitalised word, so it is no dash opening a unit.
 */
export function inHyphenatedName(text: string, starts: Uint32Array, ends: Uint32Array, i: number, from: number): boolean {
  return i > from && ends[i - 1] + 1 === starts[i] && text[ends[i - 1]] === '-' && isUpper(text.charCodeAt(starts[i - 1]));
}

export function atUnitStart(text: string, sentenceStart: number, at: number): boolean {
  if (at <= sentenceStart) return true;
  return OPENERS_RE.test(text.slice(Math.max(sentenceStart, at - 4), at));
}

/**
 * A capitalised word opening a sentence that the bilingual lexicon does not know: a name ("Messi
 * thought...", "Kylian Mbappé a..."), keyed as the name it is inside sentences. The lexicon holds
 * the common words of both languages, so an opening noun or adverb ("Firefighters", "Selon")
 * keeps its stem; a short text where the name appears only there (a headline, one sentence) would
 * otherwise key it as a word and miss every telling that names it mid-sentence.
 */
export function unknownOpener(word: string, stem: string, lower: string, lang: FactLang): boolean {
  if (word.length < 3 || !/^\p{L}+$/u.test(word)) return false;
  return glossOf(stem, word === lower ? stem : stemOf(word, lang), lang) === null;
}
