import type { Span } from '../types';
import type { FactLang } from './lexicon';

/** What a term is: its weight and its role in the event checks depend on it. */
export const TermKind = {
  Stem: 0,
  Concept: 1,
  Entity: 2,
  Number: 3,
  Weekday: 4,
  Month: 5,
  DayMonth: 6,
  Year: 7,
  /**
   * A word the bilingual lexicon knows, as the English stem it stands for (gloss.ts), given beside
   * its stem: neither content nor a word of its own (isContent, isWord), it weighs only across
   * languages (score.ts, GLOSS_FACTOR). A corpus index keeps none (distinctTerms): a page sentence
   * reads it as the other language's stems that stand for it (gloss-expansion.ts).
   */
  Gloss: 8,
} as const;
export type TermKind = (typeof TermKind)[keyof typeof TermKind];

/** Stems, concepts and numbers say what happened; entities say who; the rest say when. */
export function isContent(kind: number): boolean {
  return kind === TermKind.Stem || kind === TermKind.Concept || kind === TermKind.Number;
}

export function isCue(kind: number): boolean {
  return kind >= TermKind.Weekday && kind <= TermKind.Year;
}

/** Words, not names, figures or time cues. */
export function isWord(kind: number): boolean {
  return kind === TermKind.Stem || kind === TermKind.Concept;
}

/** One occurrence of a term in a text. */
export interface TermHit {
  key: string;
  kind: TermKind;
  start: number;
  end: number;
  /**
   * A number that is no figure of the fact: written in words ("sept provinces", "deux tiers"), a
   * time of day, or a span of time ("in 11 years", "à 44 ans"). It is shared like any number but
   * gives no figure to the figure check, where small counts beside a death toll would make two
   * tolls agree, and "the first hike in 11 years" would disagree with "50 basis points".
   */
  spelled?: true;
}

/** When a sentence says its event happened. */
export interface SentenceCues {
  /** Bit d set for weekday d (0 = Sunday). */
  weekdays: number;
  /** Bit m set for month m (1..12). */
  months: number;
  /** The event's day (days since 1970-01-01), when the sentence and the text's date pin it; else NO_DAY. */
  day: number;
  /** Classes of act the sentence states (bit i: ACT_CLASSES[i] of events.ts), and its tense (TENSE_BITS of tense.ts). */
  acts: number;
  /** Occasions it names (bit i: OCCASION_CLASSES[i]). */
  occasions: number;
}

export interface FactSentence {
  span: Span;
  /** Usually the text's; a sentence in the other language keeps its own (stems depend on it). */
  lang: FactLang;
  hits: TermHit[];
  cues: SentenceCues;
}

export interface AnalyzedText {
  lang: FactLang;
  sentences: FactSentence[];
}
