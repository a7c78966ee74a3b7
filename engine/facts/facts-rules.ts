import concepts from '../data/concepts.json';
import dates from '../data/dates.json';
import events from '../data/events.json';
import factStopwords from '../data/facts-stopwords.json';
import framing from '../data/framing.json';
import gazetteer from '../data/gazetteer.json';
import numbers from '../data/numbers.json';
import stopwords from '../data/stopwords.json';

/**
 * Changes whenever the word lists that make fact terms change: an index built under other lists
 * has other terms, so a stored index whose `rules` differ must be rebuilt (an extension update can
 * change the lists without changing the corpus). The lexicon glosses are not among them: a corpus
 * sentence holds none (only the page reads its words through them, gloss-expansion.ts), and
 * 'terms-8' rebuilds the indexes stored while it did. 'terms-10': sentences no longer end at "v."
 * (abbreviations.json, not listed here), and spans of time and score lines are read anew.
 * 'terms-10': "à peine" is no "peine" (word-senses.ts). 'terms-11': French "but" after a count
 * or rank is a goal (word-senses.ts), a decimal figure from ten on gives its whole number too, a
 * span in decades or centuries the years it counts, and English "would" tells an act to come
 * (tense.ts). 'terms-12': an office after "vice-", "former", "ancien"... is not its holder's name
 * (names.ts), announcing is no act class (events.json), and the forms of a French verb in -crire,
 * -duire or -truire share one stem (lexicon.ts). 'terms-13': a renewed lease ("renouvelle son bail")
 * is a win (word-senses.ts), and a span told back from now ("five years ago", "il y a 5 ans") is a
 * time term of its own, apart from a duration. 'terms-14': a French word with a capital is no
 * future ("Pokhara"), and "s'est écrasé", "est mort" tell an act done (tense.ts).
 */
export const FACTS_RULES_VERSION: string = (
  termHash(JSON.stringify([gazetteer, concepts, dates, factStopwords, stopwords, framing.reportingVerbs, events, numbers, 'terms-14', 'packed-postings-1', 'sentence-records-1', 'ranked-terms-1', 'record-gaps-1'])) >>> 0
).toString(16);

/** FNV-1a of a term key, the same hash on both sides. */
export function termHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
