import type { FactLang } from '../facts/lexicon';
import { foldWord } from '../fold';
import { STOPWORDS } from '../text-sets';
import { tokenize } from '../tokenize';
import { entriesOf } from './lexicon';

/** One content word of a sentence, with what lets it meet its translation. */
export interface WordFeature {
  /** Folded form. */
  folded: string;
  /** Lexicon entries it can translate. */
  entries: readonly number[];
  /** Consonant skeleton: one name spelt two ways ("Poutine", "Putin") shares it. */
  skeleton: string;
  /** Written with a capital inside the sentence, or in capitals: a name. */
  name: boolean;
}

/** What the aligner reads of one sentence (or of two sentences read as one). */
export interface SentenceFeatures {
  /** Length in characters, the Gale-Church measure. */
  chars: number;
  words: WordFeature[];
  /** The words that are names. */
  names: WordFeature[];
  /** Every lexicon entry of its words, for a quick membership test. */
  entries: ReadonlySet<number>;
  skeletons: ReadonlySet<string>;
  /** Folded words cut to their first five letters: cognates ("épidémie", "epidemic") share them. */
  prefixes: ReadonlySet<string>;
  /** Numbers as values: "74 675" and "74,675" are both 74675; "0,7" and "0.7" both 0.7. */
  numbers: ReadonlySet<string>;
}

const PREFIX = 5;
/** A digit group of three after a space is the same number ("74 675"); then digits with . or , inside. */
const NUMBER_RE = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)*/g;

export function sentenceFeatures(text: string, lang: FactLang, from = 0, to = text.length): SentenceFeatures {
  const tokens = tokenize(text, true, from, to);
  const folded = tokens.words!;
  const words: WordFeature[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const w = folded[i];
    if (w.length < 2 || /^\d/.test(w)) continue;
    const written = text.slice(tokens.starts[i], tokens.ends[i]);
    const allCaps = written === written.toUpperCase();
    // "WHO" and "US" are names, not the function words "who" and "us".
    if (STOPWORDS.has(w) && !allCaps) continue;
    const capital = written[0] !== written[0].toLowerCase();
    words.push({ folded: w, entries: entriesOf(written, lang), skeleton: skeletonOf(w), name: allCaps || (capital && i > 0) });
  }
  return assemble(to - from, words, numbersOf(text.slice(from, to)));
}

/** Two neighbouring sentences read as one, for the 2-1 and 1-2 moves. */
export function joinFeatures(a: SentenceFeatures, b: SentenceFeatures): SentenceFeatures {
  return assemble(a.chars + b.chars + 1, [...a.words, ...b.words], new Set([...a.numbers, ...b.numbers]));
}

function assemble(chars: number, words: WordFeature[], numbers: ReadonlySet<string>): SentenceFeatures {
  const entries = new Set<number>();
  const skeletons = new Set<string>();
  const prefixes = new Set<string>();
  for (const w of words) {
    for (const e of w.entries) entries.add(e);
    if (w.skeleton.length >= 2) skeletons.add(w.skeleton);
    if (w.folded.length >= PREFIX) prefixes.add(w.folded.slice(0, PREFIX));
  }
  return { chars, words, names: words.filter((w) => w.name), entries, skeletons, prefixes, numbers };
}

export function prefixOf(folded: string): string | undefined {
  return folded.length >= PREFIX ? folded.slice(0, PREFIX) : undefined;
}

/** The numbers a sentence writes, as values both languages spell alike. */
export function numbersOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(NUMBER_RE)) {
    let s = m[0].replace(/[ \u00a0\u202f]/g, '');
    // "74,675" and "2.239" group thousands; "0,7" and "4,5" are decimals.
    if (/^[1-9]\d{0,2}(?:[.,]\d{3})+$/.test(s)) s = s.replace(/[.,]/g, '');
    else s = s.replace(',', '.');
    out.add(String(Number(s)));
  }
  return out;
}

/**
 * Consonant skeleton of a folded word, tolerant of transliteration: vowels and the letters that
 * stand for them (h, w, y) dropped after the first letter, k and q read as c, ph as f, doubled
 * letters once. "Poutine" and "Putin" give "ptn", "Kyiv" and "Kiev" "cv", "Mohammed" and
 * "Muhammad" "md".
 */
export function skeletonOf(folded: string): string {
  const w = foldWord(folded).replace(/ph/g, 'f').replace(/[kq]/g, 'c');
  let out = w[0] ?? '';
  for (let i = 1; i < w.length; i++) {
    const c = w[i];
    if ('aeiouyhw'.includes(c)) continue;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}
