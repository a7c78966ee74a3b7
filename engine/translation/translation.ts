import type { FactLang } from '../facts/lexicon';
import { segmentSentences } from '../segment';
import type { Span } from '../types';
import { alignSentences, type AlignedPair } from './align';
import { sentenceFeatures, type SentenceFeatures } from './features';
import { EN_PER_FR } from './similarity';

/** A pair at least this similar is a sentence and its translation, not a loose match. */
export const CONFIDENT_PAIR = 0.5;
/**
 * Share of the page's sentences paired with confidence from which the page is a translation of the
 * dispatch. The eval's real translations reach 0.85 to 1 on their excerpts; an article and another
 * outlet's article on the same story, in the other language, stay below 0.2 (npm run eval).
 */
export const TRANSLATED_MIN_COVERAGE = 0.6;
/** Fewer sentences than this tell too little to call a text a translation (a headline, a caption). */
export const TRANSLATED_MIN_PAIRS = 3;

/** A text to align: its text, language, and optionally the part of it to read. */
export interface TranslationSide {
  text: string;
  lang: FactLang;
  from?: number;
  to?: number;
}

export interface TranslationAlignment {
  /** Sentences of a and b, offsets into their texts. */
  sentencesA: Span[];
  sentencesB: Span[];
  /** Aligned pairs, in text order, sentence indices into sentencesA and sentencesB. */
  pairs: AlignedPair[];
  /** Share of a's sentences in a confident pair. */
  coverageA: number;
  /** Share of b's sentences in a confident pair. */
  coverageB: number;
}

/** Sentences of a text (or of its [from, to) part) as the aligner reads them. */
export function sentencesOf(side: TranslationSide): Span[] {
  const from = side.from ?? 0;
  const to = side.to ?? side.text.length;
  const spans = segmentSentences(side.text.slice(from, to), side.lang);
  return from === 0 ? spans : spans.map((s) => ({ ...s, start: s.start + from, end: s.end + from }));
}

/** Expected length of a sentence in `b` over its original in `a`. */
export function lengthRatio(a: FactLang, b: FactLang): number {
  if (a === b) return 1;
  return a === 'fr' ? EN_PER_FR : 1 / EN_PER_FR;
}

/** Aligns two sentence lists already cut out (the eval's hand-cut sentences, or segmented texts). */
export function alignSentenceLists(a: readonly string[], langA: FactLang, b: readonly string[], langB: FactLang): { pairs: AlignedPair[]; coverageA: number; coverageB: number } {
  const pairs = alignSentences(
    a.map((s) => sentenceFeatures(s, langA)),
    b.map((s) => sentenceFeatures(s, langB)),
    lengthRatio(langA, langB),
  );
  return { pairs, ...coverage(pairs, a.length, b.length) };
}

/** A text cut into sentences with their features, read once and aligned with several texts. */
export interface PreparedSide {
  text: string;
  lang: FactLang;
  sentences: Span[];
  features: SentenceFeatures[];
}

export function prepareSide(side: TranslationSide): PreparedSide {
  const sentences = sentencesOf(side);
  return { text: side.text, lang: side.lang, sentences, features: sentences.map((s) => sentenceFeatures(side.text, side.lang, s.start, s.end)) };
}

/** Aligns two prepared texts sentence by sentence. */
export function alignPrepared(a: PreparedSide, b: PreparedSide): TranslationAlignment {
  const pairs = alignSentences(a.features, b.features, lengthRatio(a.lang, b.lang));
  return { sentencesA: a.sentences, sentencesB: b.sentences, pairs, ...coverage(pairs, a.sentences.length, b.sentences.length) };
}

/** Aligns two texts sentence by sentence. */
export function alignTranslation(a: TranslationSide, b: TranslationSide): TranslationAlignment {
  return alignPrepared(prepareSide(a), prepareSide(b));
}

/**
 * A pair scoring this much is trusted when the pairs right before and right after it, with no
 * sentence between, are confident: a short sentence ("Bonjour à tous.", "C'est le moment de rester
 * vigilant.") has few words to match, but in a monotone alignment its place between two anchors
 * says it all.
 */
export const ANCHORED_PAIR = 0.35;

/** The pairs a reader can trust: each a sentence and its translation. */
export function confidentPairs(pairs: readonly AlignedPair[]): AlignedPair[] {
  const strong = pairs.map((p) => p.score >= CONFIDENT_PAIR);
  return pairs.filter((p, k) => {
    if (strong[k]) return true;
    if (p.score < ANCHORED_PAIR || k === 0 || k === pairs.length - 1 || !strong[k - 1] || !strong[k + 1]) return false;
    return follows(pairs[k - 1], p) && follows(p, pairs[k + 1]);
  });
}

/** b starts right where a ends, in both texts. */
function follows(a: AlignedPair, b: AlignedPair): boolean {
  return a.a[a.a.length - 1] + 1 === b.a[0] && a.b[a.b.length - 1] + 1 === b.b[0];
}

/** Whether an alignment says that a is a translation of b (or b of a: the relation is read on a's side). */
export function isTranslation(alignment: { pairs: readonly AlignedPair[]; coverageA: number }): boolean {
  return alignment.coverageA >= TRANSLATED_MIN_COVERAGE && confidentPairs(alignment.pairs).length >= TRANSLATED_MIN_PAIRS;
}

function coverage(pairs: readonly AlignedPair[], n: number, m: number): { coverageA: number; coverageB: number } {
  let a = 0;
  let b = 0;
  for (const p of confidentPairs(pairs)) {
    a += p.a.length;
    b += p.b.length;
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { coverageA: n ? round(a / n) : 0, coverageB: m ? round(b / m) : 0 };
}
