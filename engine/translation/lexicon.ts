import data from '../data/lexicon-fr-en.json';
import { stemOf, type FactLang } from '../facts/lexicon';
import { foldWord } from '../fold';
import { STOPWORDS } from '../text-sets';
import { tokenize } from '../tokenize';

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

/** The words of a form that carry meaning: all of a one-word form, the non-stopwords of a longer one. */
export function formWords(form: string): string[] {
  const tokens = tokenize(form, true);
  const words: string[] = [];
  for (let i = 0; i < tokens.count; i++) words.push(form.slice(tokens.starts[i], tokens.ends[i]).toLowerCase());
  if (words.length <= 1) return words;
  const content = words.filter((w) => !STOPWORDS.has(foldWord(w)));
  return content.length ? content : words;
}

/** Entry numbers by language and key ("fr:elect"), built on the first look-up: most pages never need it. */
let index: Map<string, number[]> | undefined;

function buildIndex(): Map<string, number[]> {
  const map = new Map<string, number[]>();
  LEXICON_ENTRIES.forEach((entry, id) => {
    for (const lang of ['fr', 'en'] as const) {
      for (const form of entry[lang]) {
        for (const word of formWords(form)) {
          for (const key of wordKeys(word, lang)) {
            const k = `${lang}:${key}`;
            const list = map.get(k);
            if (!list) map.set(k, [id]);
            else if (list[list.length - 1] !== id) list.push(id);
          }
        }
      }
    }
  });
  return map;
}

const NONE: readonly number[] = [];

/** Lexicon entries a word of a text can translate, by the word as written (any case). */
export function entriesOf(word: string, lang: FactLang): readonly number[] {
  const keys = wordKeys(word.toLowerCase(), lang);
  const INDEX = (index ??= buildIndex());
  const first = INDEX.get(`${lang}:${keys[0]}`) ?? NONE;
  if (keys.length === 1) return first;
  const second = INDEX.get(`${lang}:${keys[1]}`) ?? NONE;
  if (!second.length) return first;
  if (!first.length) return second;
  return [...new Set([...first, ...second])];
}
