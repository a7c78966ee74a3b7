import events from '../data/events.json';
import { tokenize } from '../tokenize';
import { stemOf, type FactLang } from './lexicon';
import { phraseAt } from './phrase-at';

/**
 * What a sentence says happened beyond who: the classes of act it states (demand, warn, deny...),
 * the occasion (a call, a summit, a statement...), and time words relative to the text's date
 * ("hier", "last month"). Single words match by stem, so any inflection counts; phrases match
 * word for word (folded).
 */
interface Phrase {
  words: string[];
  value: number;
}

function classBits(groups: Record<string, { fr: string[]; en: string[] }>) {
  const byStem = new Map<string, number>();
  const phrases = new Map<string, Phrase[]>();
  Object.values(groups).forEach((g, bit) => {
    for (const lang of ['fr', 'en'] as const) {
      for (const w of g[lang]) {
        // "=form": that form only, as one phrase of one word.
        if (w.startsWith('=')) addPhrase(tokenize(w.slice(1), true).words!, 1 << bit, phrases);
        else addEntry(w, lang, 1 << bit, byStem, phrases);
      }
    }
  });
  return { byStem, phrases };
}

function addEntry(entry: string, lang: FactLang, value: number, byStem: Map<string, number>, phrases: Map<string, Phrase[]>): void {
  const words = tokenize(entry, true).words!;
  if (words.length === 1 && !/['’-]/.test(entry)) {
    const key = `${lang}:${stemOf(entry.toLowerCase(), lang)}`;
    byStem.set(key, (byStem.get(key) ?? 0) | value);
    return;
  }
  addPhrase(words, value, phrases);
}

/** Phrases by their first word, longest first, so the first that fits is the longest. */
function addPhrase(words: string[], value: number, phrases: Map<string, Phrase[]>): void {
  const list = phrases.get(words[0]) ?? [];
  list.push({ words, value });
  list.sort((a, b) => b.words.length - a.words.length);
  phrases.set(words[0], list);
}

function offsets(table: { fr: Record<string, number>; en: Record<string, number> }): Map<string, Phrase[]> {
  const phrases = new Map<string, Phrase[]>();
  for (const lang of ['fr', 'en'] as const) {
    for (const [entry, offset] of Object.entries(table[lang])) addPhrase(tokenize(entry, true).words!, offset, phrases);
  }
  return phrases;
}

const ACTS = classBits(events.acts);
const OCCASIONS = classBits(events.occasions);
const RELATIVE_DAYS = offsets(events.relativeDays);
const RELATIVE_MONTHS = offsets(events.relativeMonths);
export const ACT_CLASSES: readonly string[] = Object.keys(events.acts);
export const OCCASION_CLASSES: readonly string[] = Object.keys(events.occasions);

/** No relative time word: the value `relativeDay`/`relativeMonth` take then. */
export const NO_OFFSET = 99;

export interface EventCues {
  /** Bit i set for act class ACT_CLASSES[i]. */
  acts: number;
  /** Bit i set for occasion OCCASION_CLASSES[i]. */
  occasions: number;
  /** Days from the text's date named by a word such as "hier" (-1), or NO_OFFSET. */
  relativeDay: number;
  /** Months from the text's date named by "le mois dernier" (-1)..., or NO_OFFSET. */
  relativeMonth: number;
}

/**
 * Event cues of words[from, to): `lower(i)` gives word i as written, in lower case (the stemmer
 * reads accents).
 */
export function eventCues(words: readonly string[], from: number, to: number, lang: FactLang, lower: (i: number) => string): EventCues {
  let acts = 0;
  let occasions = 0;
  let relativeDay = NO_OFFSET;
  let relativeMonth = NO_OFFSET;
  for (let i = from; i < to; i++) {
    const w = words[i];
    const day = phraseAt(RELATIVE_DAYS, words, i, to);
    if (day && relativeDay === NO_OFFSET) relativeDay = day.value;
    const month = phraseAt(RELATIVE_MONTHS, words, i, to);
    if (month && relativeMonth === NO_OFFSET) relativeMonth = month.value;
    const act = phraseAt(ACTS.phrases, words, i, to);
    if (act) acts |= act.value;
    const occasion = phraseAt(OCCASIONS.phrases, words, i, to);
    if (occasion) occasions |= occasion.value;
    if (w.length < 3 || /^\d/.test(w)) continue;
    const key = `${lang}:${stemOf(lower(i), lang)}`;
    acts |= ACTS.byStem.get(key) ?? 0;
    occasions |= OCCASIONS.byStem.get(key) ?? 0;
  }
  return { acts, occasions, relativeDay, relativeMonth };
}

/**
 * How two sentences' cues of one kind (acts or occasions, as bit sets) relate: both state some and
 * share none ('conflict'), only one states any ('one-sided'), or neither conflicts.
 */
export function cueAgreement(a: number, b: number): 'conflict' | 'one-sided' | 'agree' {
  if (a !== 0 && b !== 0) return (a & b) === 0 ? 'conflict' : 'agree';
  return a !== b ? 'one-sided' : 'agree';
}

/**
 * Whether two figures name one quantity: equal, within half a percent, or one is the other
 * rounded to an integer (58 and 58.2, 28 and 28.01).
 */
export function sameFigure(a: number, b: number): boolean {
  if (a === b) return true;
  if (Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b))) return true;
  return (Number.isInteger(a) && Math.round(b) === a) || (Number.isInteger(b) && Math.round(a) === b);
}

/** Both sentences give figures and none of one side's figures is one of the other side's. */
export function figuresConflict(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length === 0 || b.length === 0) return false;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (sameFigure(a[i], b[j])) return false;
  return true;
}
