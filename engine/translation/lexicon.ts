import data from '../data/lexicon-fr-en.json';
import { stemOf, type FactLang } from '../facts/lexicon';
import { foldWord } from '../fold';
import { STOPWORDS } from '../text-sets';

/** One line of the lexicon: French forms, English forms. */
export interface LexiconEntry {
  fr: string[];
  en: string[];
}

export const LEXICON_ENTRIES: readonly LexiconEntry[] = data.entries.map(parseEntry);

export function parseEntry(line: string): LexiconEntry {
  const [fr = '', en = ''] = line.split(' = ');
  const forms = (side: string) =>
    side
      .split('|')
      .map((f) => f.trim())
      .filter(Boolean);
  return { fr: forms(fr), en: forms(en) };
}

/**
 * The keys a word stands under: its Snowball stem read with its accents (as the facts engine
 * stems page words), and the stem of its folded spelling, for texts written without accents
 * ("elections" for "élections" stems differently in French).
 */
export function wordKeys(lowerWord: string, lang: FactLang): string[] {
  const a = stemOf(lowerWord, lang);
  const folded = foldWord(lowerWord);
  const b = folded === lowerWord ? a : stemOf(folded, lang);
  return a === b ? [a] : [a, b];
}

const WORD_SPLIT_RE = /[^\p{L}\p{M}\p{N}]+/u;

/**
 * The words of a form that carry meaning: all of a one-word form, the non-stopwords of a longer
 * one. Words are cut where the tokenizer cuts them (apostrophes, hyphens, spaces).
 */
export function formWords(form: string): string[] {
  const words = form.toLowerCase().split(WORD_SPLIT_RE).filter(Boolean);
  if (words.length <= 1) return words;
  const content = words.filter((w) => !STOPWORDS.has(foldWord(w)));
  return content.length ? content : words;
}

/**
 * Words stand in buckets by their first three folded letters, which a word shares with its stem
 * (Snowball only strips endings; English y becomes i). A bucket's words are stemmed the first time
 * a page word falls in it: stemming all 20,000 words of the lexicon at once cost half a second,
 * and a page meets a few hundred buckets.
 */
function bucketOf(foldedWord: string, lang: FactLang): string {
  return `${lang}:${foldedWord.slice(0, 3).replace(/y/g, 'i')}`;
}

let buckets: Map<string, { words: string[]; ids: number[] }> | undefined;
const stemmed = new Map<string, Map<string, number[]>>();

function allBuckets(): Map<string, { words: string[]; ids: number[] }> {
  const map = new Map<string, { words: string[]; ids: number[] }>();
  LEXICON_ENTRIES.forEach((entry, id) => {
    for (const lang of ['fr', 'en'] as const) {
      for (const form of entry[lang]) {
        for (const word of formWords(form)) {
          const key = bucketOf(foldWord(word), lang);
          const bucket = map.get(key) ?? { words: [], ids: [] };
          bucket.words.push(word);
          bucket.ids.push(id);
          map.set(key, bucket);
        }
      }
    }
  });
  return map;
}

/** Entry numbers of a bucket's words by their keys, stemmed on first use. */
function bucketIndex(key: string, lang: FactLang): Map<string, number[]> {
  let index = stemmed.get(key);
  if (index) return index;
  index = new Map();
  const bucket = (buckets ??= allBuckets()).get(key);
  if (bucket) {
    bucket.words.forEach((word, k) => {
      const id = bucket.ids[k];
      for (const stem of wordKeys(word, lang)) {
        const list = index!.get(stem);
        if (!list) index!.set(stem, [id]);
        else if (!list.includes(id)) list.push(id);
      }
    });
  }
  stemmed.set(key, index);
  return index;
}

const NONE: readonly number[] = [];

/** Lexicon entries a word of a text can translate, by the word as written (any case). */
export function entriesOf(word: string, lang: FactLang): readonly number[] {
  const lower = word.toLowerCase();
  const keys = wordKeys(lower, lang);
  const index = bucketIndex(bucketOf(foldWord(lower), lang), lang);
  const first = index.get(keys[0]) ?? NONE;
  if (keys.length === 1) return first;
  const second = index.get(keys[1]) ?? NONE;
  if (!second.length) return first;
  if (!first.length) return second;
  return [...new Set([...first, ...second])];
}
