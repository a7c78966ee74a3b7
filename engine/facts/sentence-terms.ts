import type { Span } from '../types';
import {
  CONCEPT_BY_STEM,
  CONCEPT_BY_WORD,
  conceptPhraseAt,
  FACT_STOPS,
  MONTHS,
  MULTIPLIERS,
  WEEKDAYS,
  stemOf,
  type FactLang,
} from './lexicon';
import { eventDay, NO_DAY } from './event-day';
import { eventCues, NO_OFFSET } from './events';
import { fractionOf, numberWordsAt } from './number-words';
import { basisPointsAt, fractionPointAt } from './rate-points';
import { atUnitStart, entityAt, inHyphenatedName, isUpper, unknownOpener } from './names';
import { tenseOf } from './tense';
import { glossOf } from './gloss';
import { goalAt, noFactAt, renewedLeaseAt } from './word-senses';
import { TermKind, type FactSentence, type TermHit } from './term-kinds';

const DIGITS_RE = /^\d+(?:er|e|eme|st|nd|rd|th)?$/;
/** Times of day written as one word: 19h, 19h50, 3H30, 7pm (hours, minutes, am or pm). */
const CLOCK_RE = /^(\d{1,2})(?:h(\d{2})?|h|(am|pm))$/;
/** Words that make the number before them a time of day. */
const CLOCK_UNITS = new Set(['h', 'heure', 'heures', 'am', 'pm']);
/**
 * Words after a number that make it a span of time or an age ("11 years", "44 ans", "15 weeks"):
 * no figure of the fact (see TermHit.spelled). Minutes are left out: "the 108th minute" tells one
 * goal from another.
 */
const SPAN_UNITS = new Set(['ans', 'an', 'annees', 'annee', 'mois', 'semaines', 'semaine', 'jours', 'decennies', 'siecles', 'years', 'year', 'months', 'weeks', 'days', 'decades', 'centuries']);
const SCORE_LINE_RE = /^\d{1,2}$/;
/** Span units by what they count, for a time told back from now ("five years ago", "il y a 5 ans"). */
const SPAN_CLASS: ReadonlyMap<string, string> = new Map([
  ...['ans', 'an', 'annees', 'annee', 'years', 'year'].map((u) => [u, 'y'] as const),
  ...['mois', 'months', 'month'].map((u) => [u, 'm'] as const),
  ...['semaines', 'semaine', 'weeks', 'week'].map((u) => [u, 'w'] as const),
  ...['jours', 'jour', 'days', 'day'].map((u) => [u, 'd'] as const),
]);

/**
 * The term of a span told back from the text's time, words[i..j] a count and words[j + 1] its
 * unit: "five years ago", "il y a cinq ans" say when, not how long ("un bail de 5 ans"), and meet
 * each other only. Null when the span is a duration.
 */
function agoKey(words: readonly string[], i: number, j: number, from: number, to: number, value: number): string | null {
  const unit = j + 1 < to ? SPAN_CLASS.get(words[j + 1]) : undefined;
  if (!unit) return null;
  const ago = (j + 2 < to && words[j + 2] === 'ago') || (i - 3 >= from && words[i - 3] === 'il' && words[i - 2] === 'y' && words[i - 1] === 'a');
  return ago ? `n:${value}${unit}-ago` : null;
}
/** Spans counted in decades or centuries: "five decades" and "50 years", "un demi-siècle" and "50 ans" tell one span. */
const YEARS_IN: ReadonlyMap<string, number> = new Map([['decennie', 10], ['decennies', 10], ['decade', 10], ['decades', 10], ['siecle', 100], ['siecles', 100], ['century', 100], ['centuries', 100]]);
const HALF_WORDS = new Set(['half', 'demi']);
const SCORE_DASHES = new Set(['-', '\u2013']);
const AMBIGUOUS_MONTHS = new Set(['mars', 'mai', 'march', 'may', 'jan', 'feb', 'apr', 'aug', 'sept', 'oct', 'nov', 'dec']);
const GROUP_SEPARATORS = new Set([' ', '\u00a0', '\u202f', '\u2009', '.', ',']);


/** A time of day as "H:MM" on a 24-hour clock, or null when it is none (25h, 4:75). */
function clockTime(hours: number, minutes: number, suffix?: string): string | null {
  let h = hours;
  if (suffix === 'pm' && h < 12) h += 12;
  else if (suffix === 'am' && h === 12) h = 0;
  if (h > 24 || minutes > 59) return null;
  return `${h}:${String(minutes).padStart(2, '0')}`;
}

/** The fact terms of one sentence of a text and its time cues (see analyzeText in terms.ts). */
export function sentenceTerms(
  text: string,
  span: Span,
  starts: Uint32Array,
  ends: Uint32Array,
  words: string[],
  from: number,
  to: number,
  lang: FactLang,
  midCaps: ReadonlySet<string>,
  docDay: number,
): FactSentence {
  const hits: TermHit[] = [];
  let weekdays = 0;
  let months = 0;
  let dayMonth = -1;
  let weekday = -1;
  let year = -1;
  /** Word index right after the last day and month: a year there is that day's year. */
  let dayMonthNext = -1;
  let yearOfDay = -1;
  const add = (key: string, kind: TermKind, a: number, b: number) => hits.push({ key, kind, start: starts[a], end: ends[b] });
  const addClock = (time: string | null, a: number, b: number) => {
    if (time) hits.push({ key: 'h:' + time, kind: TermKind.Number, start: starts[a], end: ends[b], spelled: true });
  };
  for (let i = from; i < to; i++) {
    const word = words[i];
    const alias = entityAt(text, starts, ends, words, i, to, from);
    if (alias) {
      add('e:' + alias.key, TermKind.Entity, i, i + alias.length - 1);
      for (const key of alias.standsFor) add('e:' + key, TermKind.Entity, i, i + alias.length - 1);
      for (const key of alias.concepts) add('c:' + key, TermKind.Concept, i, i + alias.length - 1);
      i += alias.length - 1;
      continue;
    }
    const clockWord = CLOCK_RE.exec(word);
    if (clockWord) {
      addClock(clockTime(parseInt(clockWord[1], 10), clockWord[2] ? parseInt(clockWord[2], 10) : 0, clockWord[3]), i, i);
      continue;
    }
    if (DIGITS_RE.test(word)) {
      if (i + 1 < to && SCORE_LINE_RE.test(word) && SCORE_LINE_RE.test(words[i + 1]) && SCORE_DASHES.has(text.slice(ends[i], starts[i + 1]))) {
        // "3-3", "4-2", "6-3": a score line is one term, no figure; its two numbers would otherwise
        // meet any "three" or "second" of another moment of the match.
        hits.push({ key: `n:${word}-${words[i + 1]}`, kind: TermKind.Number, start: starts[i], end: ends[i + 1], spelled: true });
        i++;
        continue;
      }
      let value = parseInt(word, 10);
      // A time of day ("19 heures", "7 pm", "4:17 am") is no figure of the fact, and too fine a
      // time cue to tell two events apart ("vers 18h50" and "peu avant 19h" tell one fire): it is
      // a term two tellings share when they give the same minute, never a conflict.
      if (value <= 24 && word.length <= 2 && i + 1 < to && CLOCK_UNITS.has(words[i + 1])) {
        const minutes = i + 2 < to && /^\d{2}$/.test(words[i + 2]);
        const last = minutes ? i + 2 : i + 1;
        addClock(clockTime(value, minutes ? parseInt(words[i + 2], 10) : 0, words[i + 1]), i, last);
        i = last;
        continue;
      }
      if (value <= 24 && word.length <= 2 && i + 1 < to && /^\d{2}$/.test(words[i + 1]) && text.slice(ends[i], starts[i + 1]) === ':') {
        const suffix = i + 2 < to && (words[i + 2] === 'am' || words[i + 2] === 'pm') ? words[i + 2] : undefined;
        const last = suffix ? i + 2 : i + 1;
        addClock(clockTime(value, parseInt(words[i + 1], 10), suffix), i, last);
        i = last;
        continue;
      }
      let j = i;
      // Digit groups: "94 000", "94.000", "94,000" are one number.
      while (j + 1 < to && /^\d{3}$/.test(words[j + 1]) && starts[j + 1] - ends[j] === 1 && GROUP_SEPARATORS.has(text[ends[j]]) && /^\d+$/.test(words[j])) {
        value = value * 1000 + parseInt(words[j + 1], 10);
        j++;
      }
      const month = j + 1 < to ? MONTHS.get(words[j + 1]) : undefined;
      if (j === i && value >= 1 && value <= 31 && month !== undefined) {
        add(`d:${month}-${value}`, TermKind.DayMonth, i, i + 1);
        add('m:' + month, TermKind.Month, i + 1, i + 1);
        months |= 1 << month;
        dayMonth = month * 32 + value;
        dayMonthNext = i + 2;
        i++;
        continue;
      }
      if (j === i && word.length === 4 && value >= 1900 && value <= 2099) {
        add('y:' + value, TermKind.Year, i, i);
        year = value;
        if (i === dayMonthNext) yearOfDay = value;
        continue;
      }
      // A decimal: "4,5" and "4.5" (a group of other than three digits after the mark, or "0,250").
      if (j + 1 < to && /^\d+$/.test(words[j]) && /^\d+$/.test(words[j + 1]) && starts[j + 1] - ends[j] === 1 && (text[ends[j]] === ',' || text[ends[j]] === '.') && (words[j + 1].length !== 3 || value === 0)) {
        value = parseFloat(`${value}.${words[j + 1]}`);
        j++;
      }
      const mult = j + 1 < to ? MULTIPLIERS.get(words[j + 1]) : undefined;
      if (mult) {
        value = Math.round(value * mult * 1000) / 1000;
        j++;
      }
      if (j + 1 < to && SPAN_UNITS.has(words[j + 1])) {
        hits.push({ key: agoKey(words, i, j, from, to, value) ?? 'n:' + value, kind: TermKind.Number, start: starts[i], end: ends[j], spelled: true });
        const per = YEARS_IN.get(words[j + 1]);
        if (per) hits.push({ key: 'n:' + value * per, kind: TermKind.Number, start: starts[i], end: ends[j + 1], spelled: true });
      }
      else {
        // A decimal figure gives no term for its whole number: "28,01 %" would then meet every other
        // "28" of a story (a count, a day, an age), and held-out pairs showed more false pairs than
        // figures told at two precisions (sameFigure, events.ts, still lets those agree).
        add('n:' + value, TermKind.Number, i, j);
      }
      const points = j + 1 < to ? basisPointsAt(words, j + 1, to) : 0;
      if (points) {
        // "50 points de base" is half a point: both figures stand, as either telling may give either.
        add('n:' + Math.round(value * 10) / 1000, TermKind.Number, i, j + points);
        j += points;
      }
      i = j;
      continue;
    }
    const wd = WEEKDAYS.get(word);
    if (wd !== undefined) {
      add('w:' + wd, TermKind.Weekday, i, i);
      weekdays |= 1 << wd;
      weekday = wd;
      continue;
    }
    const month = MONTHS.get(word);
    // "mai", "mars", "march" are also common words: those need a capital or a number beside them.
    // Inside a hyphenated name ("Champ-de-Mars") a month name is no month.
    const inCompound = starts[i] > 0 && text[starts[i] - 1] === '-';
    if (month !== undefined && !inCompound && (!AMBIGUOUS_MONTHS.has(word) || /\d/.test(words[i + 1] ?? '') || /\d/.test(words[i - 1] ?? '') || isUpper(text.charCodeAt(starts[i])))) {
      const day = i + 1 < to && /^\d{1,2}(?:st|nd|rd|th)?$/.test(words[i + 1]) ? parseInt(words[i + 1], 10) : 0;
      if (day >= 1 && day <= 31) {
        add(`d:${month}-${day}`, TermKind.DayMonth, i, i + 1);
        dayMonth = month * 32 + day;
        dayMonthNext = i + 2;
      }
      add('m:' + month, TermKind.Month, i, i);
      months |= 1 << month;
      if (day) i++;
      continue;
    }
    if (HALF_WORDS.has(word) && i + 1 < to && YEARS_IN.get(words[i + 1]) === 100) {
      // "half-century", "demi-siècle": fifty years, beside the words' own terms.
      hits.push({ key: 'n:50', kind: TermKind.Number, start: starts[i], end: ends[i + 1], spelled: true });
    }
    // "Half a percentage point", "un demi-point": the fraction writes the figure, and the words
    // after it keep their own terms, as "point" and "pourcentage" do after a figure in digits.
    const fraction = fractionPointAt(words, i, to);
    if (fraction) {
      add('n:' + fraction.value, TermKind.Number, i, i);
      continue;
    }
    const spelled = numberWordsAt(words, i, to);
    if (spelled) {
      let j = i + spelled.length - 1;
      if (spelled.value <= 24 && j + 1 < to && CLOCK_UNITS.has(words[j + 1])) {
        // "quatre heures trente": a time of day, as "4h30".
        i = j + 1 + (j + 2 < to ? (numberWordsAt(words, j + 2, to)?.length ?? 0) : 0);
        continue;
      }
      let value = spelled.value;
      const fraction = fractionOf(value, words, j + 1, to);
      if (fraction !== undefined) {
        // "deux tiers du toit", "two-thirds of its roof": one figure, whatever the language.
        hits.push({ key: 'n:' + fraction, kind: TermKind.Number, start: starts[i], end: ends[j + 1], spelled: true });
        i = j + 1;
        continue;
      }
      const mult = j + 1 < to ? MULTIPLIERS.get(words[j + 1]) : undefined;
      if (mult) {
        value *= mult;
        j++;
      }
      hits.push({ key: agoKey(words, i, j, from, to, value) ?? 'n:' + value, kind: TermKind.Number, start: starts[i], end: ends[j], spelled: true });
      const per = j + 1 < to ? YEARS_IN.get(words[j + 1]) : undefined;
      if (per) hits.push({ key: 'n:' + value * per, kind: TermKind.Number, start: starts[i], end: ends[j + 1], spelled: true });
      i = j;
      continue;
    }
    const idiom = conceptPhraseAt(words, i, to);
    if (idiom) {
      add('c:' + idiom.key, TermKind.Concept, i, i + idiom.words.length - 1);
      i += idiom.words.length - 1;
      continue;
    }
    if (goalAt(words, i, from, lang)) {
      add('c:goal', TermKind.Concept, i, i);
      continue;
    }
    const lease = renewedLeaseAt(words, i, to, lang);
    if (lease) {
      add('c:win', TermKind.Concept, i, i + lease - 1);
      i += lease - 1;
      continue;
    }
    if (word.length < 2 || FACT_STOPS.has(word) || noFactAt(words, i, from, lang)) continue;
    const c = text.charCodeAt(starts[i]);
    if (isUpper(c) && (midCaps.has(word) || !atUnitStart(text, span.start, starts[i]) || inHyphenatedName(text, starts, ends, i, from))) {
      add('e:' + word, TermKind.Entity, i, i);
      continue;
    }
    const exact = CONCEPT_BY_WORD.get(word);
    if (exact) {
      add('c:' + exact, TermKind.Concept, i, i);
      continue;
    }
    const lower = text.slice(starts[i], ends[i]).toLowerCase();
    const stem = stemOf(lower, lang);
    if (stem.length < 2) continue;
    const concept = CONCEPT_BY_STEM.get(`${lang}:${stem}`);
    if (concept) {
      add('c:' + concept, TermKind.Concept, i, i);
      continue;
    }
    if (isUpper(c) && unknownOpener(word, stem, lower, lang)) {
      add('e:' + word, TermKind.Entity, i, i);
      continue;
    }
    add('s:' + stem, TermKind.Stem, i, i);
    // The word's sense in the bilingual lexicon, beside its stem: what a sentence in the other
    // language shares with it (read on the page side only, across languages only: score.ts).
    const gloss = glossOf(stem, word === lower ? stem : stemOf(word, lang), lang);
    if (gloss) add('x:' + gloss, TermKind.Gloss, i, i);
  }
  const events = eventCues(words, from, to, lang, (i) => text.slice(starts[i], ends[i]).toLowerCase());
  if (events.relativeMonth !== NO_OFFSET && docDay !== NO_DAY) {
    // "Le mois dernier" in a text of 3 March is February.
    const month = new Date(docDay * 86_400_000).getUTCMonth() + events.relativeMonth;
    months |= 1 << ((((month % 12) + 12) % 12) + 1);
  }
  // A year elsewhere in the sentence ("comme en 2017, ... dimanche 24 avril") is not the day's year.
  const day = eventDay(docDay, dayMonth, weekday, dayMonth >= 0 ? yearOfDay : year, events.relativeDay);
  return { span, lang, hits, cues: { weekdays, months, day, acts: events.acts | tenseOf(words, from, to, lang, (i) => text.slice(starts[i], ends[i])), occasions: events.occasions } };
}
