import { LEXICON_ENTRIES, entriesOf, formWords } from '../translation/lexicon';
import { foldWord } from '../fold';
import { STOPWORDS } from '../text-sets';
import { stemOf, type FactLang } from './lexicon';

/**
 * One space for the content words of both languages: a word the French-English news lexicon
 * (engine/data/lexicon-fr-en.json) knows stands for one English stem, so that "incendie" and
 * "fire", "épicentre" and "epicenter", "hausse" and "hike" give one term and a French sentence
 * shares its fact terms with the English sentence that states the same fact.
 *
 * The stem is the one the word's lexicon entries give most often (one-word forms first), the same
 * rule in both languages: "taux" is in the entries of "rate", "interest rate", "key rate", "death
 * rate"... and "rate" wins; "hike" has the one entry "hausser|hausse = rise|increase|hike", where
 * "rise" comes first. A word has one term, as in one language, so a translated pair weighs what a
 * same-language pair weighs.
 */
/** Glosses by word as written (lower case), one map a language: a page looks up every word. */
const glossCache: Record<FactLang, Map<string, string | null>> = { fr: new Map(), en: new Map() };

/** English stem a word stands for, or null when the lexicon does not know it. `lowerWord` is as written, lower case. */
export function glossOf(lowerWord: string, lang: FactLang): string | null {
  const cache = glossCache[lang];
  let gloss = cache.get(lowerWord);
  if (gloss !== undefined) return gloss;
  const entries = entriesOf(lowerWord, lang);
  gloss = entries.length ? commonestStem(entries) : null;
  if (cache.size > 100_000) cache.clear();
  cache.set(lowerWord, gloss);
  return gloss;
}

/**
 * The English stem most entries give: each entry counts a stem once; one-word forms count before
 * the words of longer ones ("set fire" for "incendier" names the act, "fire" the thing); ties go
 * to the earlier entry, the lexicon listing common senses first.
 */
function commonestStem(entries: readonly number[]): string | null {
  const counts = new Map<string, number>();
  for (const id of entries) {
    // Within one entry a stem counts once, at its best: 2 as a one-word form, 1 inside a longer one.
    const inEntry = new Map<string, number>();
    for (const form of LEXICON_ENTRIES[id].en) {
      const words = formWords(form);
      const weight = words.length === 1 ? 2 : 1;
      for (const w of words) {
        if (STOPWORDS.has(foldWord(w))) continue;
        const stem = stemOf(w, 'en');
        if (stem.length < 2) continue;
        inEntry.set(stem, Math.max(inEntry.get(stem) ?? 0, weight));
      }
    }
    for (const [stem, weight] of inEntry) counts.set(stem, (counts.get(stem) ?? 0) + weight);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [stem, n] of counts) {
    if (n > bestCount) {
      best = stem;
      bestCount = n;
    }
  }
  return best;
}
