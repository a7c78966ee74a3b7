import { formWords, wordKeys, type LexiconEntry } from '../translation/lexicon';
import { foldWord } from '../fold';
import { STOPWORDS } from '../text-sets';
import { stemOf, type FactLang } from './lexicon';

/** Stem of a word of one language → the English stem it stands for. */
export type GlossTable = Record<FactLang, Record<string, string>>;

/**
 * The gloss of every stem the French-English news lexicon knows (engine/data/lexicon-fr-en.json):
 * the English stem its entries give most often, the same rule in both languages, so that
 * "incendie" and "fire", "hausse" and "hike" stand for one term. Built ahead of time into
 * engine/data/glosses.json (`npm run glosses`): stemming the 20,000 words of the lexicon takes
 * about a second, too long for a worker's first page.
 */
export function buildGlossTable(entries: readonly LexiconEntry[]): GlossTable {
  const table: GlossTable = { fr: {}, en: {} };
  const english = entries.map(englishStems);
  for (const lang of ['fr', 'en'] as const) {
    const byKey = new Map<string, number[]>();
    entries.forEach((entry, id) => {
      for (const form of entry[lang]) {
        for (const word of formWords(form)) {
          for (const key of wordKeys(word, lang)) {
            const list = byKey.get(key);
            if (!list) byKey.set(key, [id]);
            else if (list[list.length - 1] !== id) list.push(id);
          }
        }
      }
    });
    for (const key of [...byKey.keys()].sort()) {
      // Numbers are read as figures before any word is glossed ("Article 5", "F1").
      if (/\d/.test(key)) continue;
      const gloss = commonestStem(byKey.get(key)!, english);
      if (gloss) table[lang][key] = gloss;
    }
  }
  return table;
}

/**
 * An entry's English stems, each at its best weight: 2 as a one-word form, 1 inside a longer one
 * ("set fire" for "incendier" names the act, "fire" the thing).
 */
function englishStems(entry: LexiconEntry): Map<string, number> {
  const out = new Map<string, number>();
  for (const form of entry.en) {
    const words = formWords(form);
    const weight = words.length === 1 ? 2 : 1;
    for (const w of words) {
      if (STOPWORDS.has(foldWord(w))) continue;
      const stem = stemOf(w.toLowerCase(), 'en');
      if (stem.length < 2) continue;
      out.set(stem, Math.max(out.get(stem) ?? 0, weight));
    }
  }
  return out;
}

/**
 * The English stem most of `ids`' entries give (summed weights); ties go to the earlier entry and
 * form, the lexicon listing common senses first: "taux" is in the entries of "rate", "interest
 * rate", "death rate"... and "rate" wins.
 */
function commonestStem(ids: readonly number[], english: readonly Map<string, number>[]): string | null {
  const counts = new Map<string, number>();
  for (const id of ids) for (const [stem, weight] of english[id]) counts.set(stem, (counts.get(stem) ?? 0) + weight);
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

/** Gloss → the stems of one language that stand for it, per language: the gloss table read backwards. */
export type GlossStems = Record<FactLang, Record<string, string[]>>;

/**
 * The stems of each language that share a gloss ("fire" → "blaze", "fire"... in English, "feu",
 * "incendi"... in French), in the table's key order: what a page word is read as in the other
 * language (gloss-expansion.ts), so that no corpus sentence needs a gloss term of its own. Built
 * ahead of time with the table (engine/data/gloss-stems.json).
 */
export function reverseGlossTable(table: GlossTable): GlossStems {
  const out: GlossStems = { fr: {}, en: {} };
  for (const lang of ['fr', 'en'] as const) {
    for (const [stem, gloss] of Object.entries(table[lang])) (out[lang][gloss] ??= []).push(stem);
  }
  return out;
}
