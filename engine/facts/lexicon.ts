import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import concepts from '../data/concepts.json';
import dates from '../data/dates.json';
import factStopwords from '../data/facts-stopwords.json';
import framing from '../data/framing.json';
import gazetteer from '../data/gazetteer.json';
import { foldWord } from '../fold';
import { STOPWORDS } from '../text-sets';
import { tokenize } from '../tokenize';
import { phraseAt } from './phrase-at';

export type FactLang = 'fr' | 'en';

/** A named-entity alias as a sequence of folded words. */
export interface EntityAlias {
  words: string[];
  key: string;
  /** Groups it stands for by metonymy (the Kremlin for Russia): their keys are given too. */
  standsFor: readonly string[];
  /**
   * Concepts its name holds ('Supreme Court' is a court, 'European Central Bank' a central bank),
   * given beside its key: a retelling that says only 'the court' or 'la banque centrale' shares them.
   */
  concepts: readonly string[];
  /** Written in capitals in the data (US, UE): the text must write it in capitals too. */
  capitals: boolean;
  /** Names an office ("président turc", "French President"): it stands for whoever holds it now. */
  role: boolean;
}

/** Words of an alias that make it an office rather than a name (folded). */
const OFFICE_WORDS: ReadonlySet<string> = new Set([
  'president', 'presidente', 'chef', 'dirigeant', 'dirigeante', 'leader', 'secretaire', 'secretary', 'premier', 'prime', 'ministre', 'minister',
  'chancelier', 'chanceliere', 'chancellor', 'roi', 'reine', 'king', 'queen', 'pape', 'pope', 'gouverneur', 'governor', 'maire', 'mayor',
]);

/** Aliases by their first folded word, longest first, so the first alias that fits is the longest. */
export const ENTITY_ALIASES: ReadonlyMap<string, readonly EntityAlias[]> = (() => {
  const map = new Map<string, EntityAlias[]>();
  for (const group of gazetteer.groups) {
    for (const alias of group.aliases) {
      const words = tokenize(alias, true).words!;
      if (!words.length) continue;
      const capitals = /\p{Lu}{2}/u.test(alias) && alias === alias.toUpperCase();
      const list = map.get(words[0]) ?? [];
      const role = words.some((w) => OFFICE_WORDS.has(w));
      list.push({ words, key: group.key, standsFor: (group as { standsFor?: string[] }).standsFor ?? [], concepts: (group as { concepts?: string[] }).concepts ?? [], capitals, role });
      map.set(words[0], list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

const stemCache = new Map<string, string>();

/**
 * Snowball stem of a word, folded afterwards: the French stemmer reads accents (it strips
 * "-ées" from "accumulées" but not "-ees"), so it gets the word as written, in lower case.
 * Stemming costs microseconds a word; news vocabulary repeats, hence the cache.
 */
export function stemOf(lowerWord: string, lang: FactLang): string {
  const cacheKey = lang === 'fr' ? lowerWord : '\u0001' + lowerWord;
  let stem = stemCache.get(cacheKey);
  if (stem === undefined) {
    stem = lang === 'fr' ? frenchVerbFamily(foldWord(stemFrench(lowerWord))) : foldWord(stemEnglish(lowerWord));
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(cacheKey, stem);
  }
  return stem;
}

/**
 * French verbs in -crire, -duire and -truire change their stem as they conjugate ("inscrire",
 * "inscrit", "inscrivant"; "réduire", "réduit", "réduisent"; "détruire", "détruit"), and Snowball
 * stems each form apart: one stem for the family, so a "but inscrit" meets "en inscrivant un but"
 * and "réduit" the concept of "réduire". A root must come before ("cri" and "cris" stay a shout
 * and a crisis), and the endings are those of the verbs only ("circuit", "bruit", "nuit" are none).
 */
const FR_VERB_FAMILY_RE = /^(.+(?:cri|dui|trui))(?:r|t|s|v|vent|sent)$/;

export function frenchVerbFamily(stem: string): string {
  const m = FR_VERB_FAMILY_RE.exec(stem);
  return m ? m[1] : stem;
}

/** Folded word forms that stand for a concept as they are. */
export const CONCEPT_BY_WORD: ReadonlyMap<string, string> = new Map(
  concepts.groups.flatMap((g) =>
    [...g.fr, ...g.en].filter((w) => w.startsWith('=')).map((w) => [foldWord(w.slice(1)), g.key] as const),
  ),
);

/**
 * Term keys of the concepts marked generic (topic, stance, time of day, degree: "war", "concern",
 * "hour"): unrelated texts share them as often as retellings do, so they alone never make a pair
 * in two languages firm (score.ts).
 */
export const GENERIC_CONCEPT_KEYS: readonly string[] = concepts.groups.filter((g) => (g as { generic?: boolean }).generic).map((g) => 'c:' + g.key);

/** Concept of a stem, keyed by language then stem ("fr:garant"). */
export const CONCEPT_BY_STEM: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const g of concepts.groups) {
    for (const lang of ['fr', 'en'] as const) {
      for (const w of g[lang]) if (!w.startsWith('=') && !isPhrase(w)) map.set(`${lang}:${stemOf(w.toLowerCase(), lang)}`, g.key);
    }
  }
  return map;
})();

/**
 * An entry of several words: spaced ("struck down") or joined by an elision ("s'impose", whose
 * stem alone would be the verb "imposer").
 */
function isPhrase(entry: string): boolean {
  return entry.includes(' ') || /['’]/.test(entry);
}

/** A concept entry of several words ("struck down"): its folded words, matched as written. */
export interface ConceptPhrase {
  words: string[];
  key: string;
}

/**
 * Concept phrases by their first folded word, longest first: idioms whose words alone say
 * something else ("struck down" is no strike, "put out" a fire is no putting).
 */
export const CONCEPT_PHRASES: ReadonlyMap<string, readonly ConceptPhrase[]> = (() => {
  const map = new Map<string, ConceptPhrase[]>();
  for (const g of concepts.groups) {
    for (const w of [...g.fr, ...g.en]) {
      if (!isPhrase(w)) continue;
      const words = tokenize(w, true).words!;
      const list = map.get(words[0]) ?? [];
      list.push({ words, key: g.key });
      map.set(words[0], list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

/** The concept phrase starting at word i of words[.., to), or null. */
export function conceptPhraseAt(words: readonly string[], i: number, to: number): ConceptPhrase | null {
  return phraseAt(CONCEPT_PHRASES, words, i, to);
}

function phraseWords(list: readonly string[]): string[] {
  return list.flatMap((p) => tokenize(p, true).words!);
}

const verbs = framing.reportingVerbs;
/**
 * Words that carry no fact: function words, narration fillers and verbs of saying (who said it is
 * framing, not the fact told; the hints compare it).
 */
export const FACT_STOPS: ReadonlySet<string> = new Set([
  ...STOPWORDS,
  ...factStopwords.fr.map(foldWord),
  ...factStopwords.en.map(foldWord),
  ...phraseWords(Object.values(verbs).flatMap((v) => [...v.fr, ...v.en])),
]);

export const WEEKDAYS: ReadonlyMap<string, number> = new Map(Object.entries(dates.weekdays));
export const MONTHS: ReadonlyMap<string, number> = new Map(Object.entries(dates.months));
export const MULTIPLIERS: ReadonlyMap<string, number> = new Map(Object.entries(dates.multipliers));

const FR_MARKERS = new Set(['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'que', 'qui', 'dans', 'pour', 'sur', 'au', 'aux']);
const EN_MARKERS = new Set(['the', 'and', 'of', 'to', 'is', 'that', 'in', 'was', 'for', 'on', 'with', 'has', 'have', 'said']);

/** French or English, by counting the commonest function words of each among the first words. */
export function detectLang(words: readonly string[]): FactLang {
  let fr = 0;
  let en = 0;
  const n = Math.min(words.length, 400);
  for (let i = 0; i < n; i++) {
    if (FR_MARKERS.has(words[i])) fr++;
    else if (EN_MARKERS.has(words[i])) en++;
  }
  return en > fr ? 'en' : 'fr';
}

/**
 * The language of one sentence: the text's language unless the sentence's own function words say
 * clearly otherwise (a quotation or a passage in the other language).
 */
export function sentenceLang(words: readonly string[], from: number, to: number, textLang: FactLang): FactLang {
  let fr = 0;
  let en = 0;
  for (let i = from; i < to; i++) {
    if (FR_MARKERS.has(words[i])) fr++;
    else if (EN_MARKERS.has(words[i])) en++;
  }
  if (textLang === 'fr' && en >= 3 && en > 3 * fr) return 'en';
  if (textLang === 'en' && fr >= 3 && fr > 3 * en) return 'fr';
  return textLang;
}

export function langOf(tag: string | undefined, words: readonly string[]): FactLang {
  if (tag) {
    const base = tag.toLowerCase().slice(0, 2);
    if (base === 'fr' || base === 'en') return base;
  }
  return detectLang(words);
}
