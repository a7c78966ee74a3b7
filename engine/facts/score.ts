import { cueAgreement, figuresConflict } from './events';
import { TENSE_BITS, tensesConflict } from './tense';
import { figuresOf, findTerm, rankOf, termHash, type FactsIndex } from './facts-index';
import { emptyRecord, readSentence } from './sentence-records';
import { clauseWindows, MAX_CLAUSES, MIN_WINDOW_CONTENT, type ClauseWindows } from './clauses';
import { NO_DAY, TermKind, isContent, isWord, type FactSentence } from './terms';
import { GENERIC_CONCEPT_KEYS } from './lexicon';
import { glossFields, weighTerms } from './weigh-terms';
import { CLOCK_HASHES, givesClock } from './clock-terms';
import { monthHolds, pinsDay, yearTermOf, yearsNamed } from './year-pin';
import { ANCHORED_MIN_SHARED_CONTENT, MIN_SHARED_CONTENT, sharesEnough } from './share-bound';

/**
 * Score from which two sentences tell the same fact, on the public-news evaluation set of
 * tests/eval (npm run eval; stories alternate between halves A and B; rules read from the misses
 * of halves A and B, held-out set C only reported). At 0.20, with the clause windows of long
 * sentences (the opening clause joined with a later one included), the cross-language and entity
 * factors, the lexicon glosses, score lines, named figures, times of day, bodies read as the
 * concept their name holds, spans counted in decades and levels a figure stands at: all pairs
 * precision 0.94, recall 0.77, TOPIC pairs (same actors, another act or occasion) returned 3.4%;
 * half A (ecb, notre-dame, earthquake) 0.99 / 0.89 / 0.5%; half B (election, Roe v. Wade, World
 * Cup) 0.89 / 0.66 / 6.1%; held-out C 0.78 / 0.40 / 5.4%. Lower thresholds were not taken: on
 * stories the rules were not read from, precision falls with the threshold much faster than on
 * those they were.
 * engine/data/fact-pairs.json (pairs close to the seed dispatches) is checked by
 * calibration.test.ts, not used to choose.
 */
export const SAME_FACT_THRESHOLD = 0.2;
/**
 * A stem shared by sentences in two languages is a cognate ("structure", "action") more often
 * than a translation; translations meet through the concept lists. Such a stem weighs this much
 * of its weight and does not count as shared content.
 */
const CROSS_LANGUAGE_STEM_FACTOR = 0.25;
/**
 * Score factors when only one of the two sentences says when (a day, weekday, month or year),
 * which act (events.ts), or on which occasion: the other may tell another event. When both say
 * and disagree, the pair is blocked instead (PairScore.conflict).
 */
export const TIME_ONE_SIDED_FACTOR = 0.9;
export const ACT_ONE_SIDED_FACTOR = 0.85;
export const OCCASION_ONE_SIDED_FACTOR = 0.9;
/**
 * Score factor when both sentences give figures and none of them agree (a toll of 284 and one of
 * 912): often two reports of one event at two times, but ages, ordinals and durations also give
 * figures, so this weighs instead of blocking.
 */
export const FIGURE_CONFLICT_FACTOR = 0.4;
/**
 * Score factor when both sentences name people, places or bodies and share none of them ("Messi
 * scored" against "Mbappé scored"): same story, most often another actor's act. It weighs rather
 * than blocks, since one telling may name a person where the other names the office. Its sign came
 * from a logistic fit of the pair features on half A of the evaluation set (entity-disjoint weight
 * -0.45); 0.7 is the strongest factor that keeps every SAME pair half A finds at the threshold.
 */
export const ENTITIES_APART_FACTOR = 0.7;
/**
 * Unless the pair shares this many content terms: five words of the act and what it befell in
 * common ("struck down the constitutional right to an abortion") tell one act, named by two of its
 * parties or two of its names (a case called after either side, a person or the office). On halves
 * A and B of the evaluation set 5 found two SAME pairs more and no other pair, 4 found four and
 * one TOPIC pair.
 */
export const ENTITIES_APART_MAX_CONTENT = 5;
/**
 * Score factor of a pair in two languages: only concepts, names, numbers and dates can meet across
 * them (a shared stem is mostly a cognate, CROSS_LANGUAGE_STEM_FACTOR), so the cosine of a
 * translation runs lower than that of a same-language retelling with as much in common. It
 * applies only to pairs that share a name, a date, CROSS_LANGUAGE_MIN_CONTENT concepts or
 * CROSS_LANGUAGE_MIN_SPECIFIC specific ones. In steps of 0.25 on half A of the evaluation set:
 * 1.25 kept precision 1.0 (recall 0.73), 1.5 gives 0.99 / 0.76, 1.75 the best F1 (0.99 / 0.78);
 * 1.75 took held-out half B's precision from 0.85 to 0.83 (TOPIC pairs 6.5% to 7.9%), 1.5 kept it
 * at 0.85 and raised its recall from 0.49 to 0.52.
 */
export const CROSS_LANGUAGE_FACTOR = 1.5;
/**
 * Concepts and figures a pair in two languages must share for CROSS_LANGUAGE_FACTOR and the clause
 * windows, unless it shares a name or a date: two common concepts ("two", "points"; "concerns",
 * "responses") meet by chance between a French dispatch and an English page on another subject
 * (the saved real pages of engine/test-support), three rarely do.
 */
export const CROSS_LANGUAGE_MIN_CONTENT = 3;
/**
 * Or this many specific terms: concepts not marked generic in concepts.json and figures in digits.
 * Two such ("spire" and "collapse", "fire" and "extinguished") name an act and what it befell;
 * two generic ones ("nuclear" and "agreement", "concern" and "security") or a count written in
 * words ("two") are what unrelated texts share. On the evaluation set this raised recall across
 * languages on both halves at equal precision.
 */
export const CROSS_LANGUAGE_MIN_SPECIFIC = 2;
/**
 * A word both sentences give in two languages through the bilingual lexicon (gloss.ts: "lever" and
 * "lifting", "incendie" and "blaze": the page word's gloss, read as the other language's stems
 * that stand for it, gloss-expansion.ts) weighs this much of its weight, and does not count as shared
 * content: a gloss is one sense of the word, and loose senses meet by chance ("lever les mesures"
 * against "lifting sanctions" on another subject). On halves A and B of the evaluation set 0.5 and
 * 1 return as many SAME pairs, give or take one, with one TOPIC pair fewer at 0.5, and 0.5 is the
 * highest of 0.5, 0.6, 0.75 and 1 at which the saved real pages of other subjects pair nothing.
 * Within one language the word's stem is shared already, and its gloss is read neither in the
 * score nor in the norm. A shared gloss counts as a shared word (sharesEnough: with a name, a
 * figure or a date it makes a thin pair a candidate): on halves A and B that found two SAME pairs
 * more and no other pair.
 */
export const GLOSS_FACTOR = 0.5;
const GENERIC_CONCEPTS: ReadonlySet<number> = new Set(GENERIC_CONCEPT_KEYS.map(termHash));

/** A pair in two languages that shares a name or a date, or enough concepts, to be weighed as a translation. */
function crossLanguageFirm(sharesNameOrDate: boolean, sharedContent: number, sharedSpecific: number): boolean {
  return sharesNameOrDate || sharedContent >= CROSS_LANGUAGE_MIN_CONTENT || sharedSpecific >= CROSS_LANGUAGE_MIN_SPECIFIC;
}
/** Dispatches published this many days or fewer from the page may retell its events freely. */
const GAP_FREE_DAYS = 10;
/** Beyond that, the score falls linearly over this many days down to GAP_FLOOR. */
const GAP_SPAN_DAYS = 30;
const GAP_FLOOR = 0.3;
/** Two dates this close name one event: reports of a Tuesday call are often dated Wednesday. */
const SAME_EVENT_DAYS = 2;

/** A page sentence as a weighted vector over the index's terms. */
export interface SentenceVector {
  sentence: FactSentence;
  /** 0 French, 1 English, as FactsIndex.docLang. */
  lang: number;
  /** Term indexes in the facts index, sorted, with the weight of each. */
  terms: Uint32Array;
  weights: Float32Array;
  /** Hash of each of `terms`, same order (to name shared terms without the index's strings). */
  hashes: Uint32Array;
  /**
   * 1 for a term the sentence holds itself; 0 for a stem of the other language it only reads
   * through a gloss (glossOf), which counts in no norm, proposes no candidates and weighs only
   * against a sentence of that language.
   */
  own: Uint8Array;
  /** Of each of `terms`, the gloss (position in glossHashes) it is a stem of, or -1. */
  glossOf: Int16Array;
  /** The sentence's glosses (hash of 'x:' + gloss) and the weight of each. */
  glossHashes: Uint32Array;
  glossWeights: Float32Array;
  norm: number;
  /** Content terms the corpus knows: below MIN_SHARED_CONTENT the sentence cannot match. */
  content: number;
  /** Sum of squared weights of the terms that do not generate candidates. */
  passiveMass: number;
  hasDayMonth: boolean;
  hasYear: boolean;
  /** Figures the sentence gives (numbers other than dates). */
  figures: number[];
}

export function sentenceVector(sentence: FactSentence, index: FactsIndex, lookup: Map<number, number>): SentenceVector {
  const { found, glosses, norm, content, hasDayMonth, hasYear } = weighTerms(
    sentence,
    index.ids.length,
    (hash) => {
      let k = lookup.get(hash);
      if (k === undefined) lookup.set(hash, (k = findTerm(index, hash)));
      return k >= 0 ? k : undefined;
    },
    (k) => index.df[k],
  );
  found.sort((a, b) => a.term - b.term);
  return {
    sentence,
    lang: sentence.lang === 'en' ? 1 : 0,
    terms: Uint32Array.from(found, (e) => e.term),
    weights: Float32Array.from(found, (e) => e.weight),
    hashes: Uint32Array.from(found, (e) => e.hash),
    ...glossFields(found, glosses),
    norm,
    content,
    passiveMass: 0,
    hasDayMonth,
    hasYear,
    figures: figuresOf(sentence.hits),
  };
}

export interface PairScore {
  score: number;
  /** Cosine of the weighted term vectors, before the event checks. */
  cosine: number;
  sharedContent: number;
  /** Words shared: stems and concepts, and glosses across languages (no content of their own), not figures. */
  sharedWords: number;
  /** A name, a number or a date is shared too. */
  anchored: boolean;
  /** A name and a figure of one of them are shared ("Messi" and "108th minute"; "Afad" and "284"). */
  namedFigure: boolean;
  /**
   * The two sentences state different events: other days, other acts or other occasions. Such a
   * pair is never the same fact (score 0).
   */
  conflict: boolean;
  /** Positions in the page vector's `terms` of the shared terms (empty unless collected). */
  shared: number[];
  /** The two sentences are in different languages. */
  crossLanguage: boolean;
}

/** Exact score of page sentence `v` against corpus sentence `s`: cosine, then the event checks. */
export function scorePair(v: SentenceVector, index: FactsIndex, s: number, pageDay: number, collect = true): PairScore {
  return scoreSentence(v, v.terms, index, s, index.sentNorm[s], pageDay, collect);
}

/**
 * scorePair against sentence `s` of one segment: `local[i]` is the segment's index of the page
 * vector's term i (-1 when the segment lacks it; increasing otherwise, as both follow hash order),
 * `norm` the sentence's norm under the corpus-wide weights; `ranked`, rankedTerms(local, index)
 * when the caller keeps it for several candidates.
 */
export function scoreSentence(
  v: SentenceVector,
  local: ArrayLike<number>,
  index: FactsIndex,
  s: number,
  norm: number,
  pageDay: number,
  collect = true,
  ranked?: RankedTerms,
): PairScore {
  let dot = 0;
  let sharedContent = 0;
  let sharedWords = 0;
  /** Shared concepts not marked generic, and shared figures (see CROSS_LANGUAGE_MIN_SPECIFIC). */
  let sharedSpecific = 0;
  let anchored = false;
  const cand = readSentence(index.sentInfo, index.sentInfoAt, s, record);
  const crossLanguage = cand.lang !== v.lang;
  let candDayMonth = false;
  let candYear = false;
  let sharedDayMonth = false;
  /** The candidate gives a day and month within SAME_EVENT_DAYS of one the page gives. */
  let nearDayMonth = false;
  let sharedYear = false;
  /** The candidate names the year of the page's publication (see year-pin.ts). */
  let candNamesPageYear = false;
  const pageYearTerm = pageDay !== NO_DAY && v.sentence.cues.day === NO_DAY ? yearTermOf(pageDay) : -1;
  /** The two sentences share a number that is a figure of one of them (see figureShared). */
  let figureAgreed = false;
  let candEntity = false;
  /** The candidate gives a time of day. */
  let candClock = false;
  let sharedEntity = false;
  const figures = cand.figures;
  const shared: number[] = [];
  const clauses = clauseWindows(v);
  if (clauses) {
    clauseDot.fill(0, 0, clauses.count);
    clauseContent.fill(0, 0, clauses.count);
  }
  const { rank: pageRank, at: pageAt } = ranked ?? rankedTerms(local, index);
  const m = pageRank.length;
  if (matched.length < local.length) matched = new Uint8Array(local.length * 2);
  matched.fill(0, 0, local.length);
  const glosses = v.glossHashes.length;
  if (glossMet.length < glosses) glossMet = new Uint8Array(glosses * 2);
  glossMet.fill(0, 0, glosses);
  const terms = index.sentTerms;
  const byRank = index.byRank;
  const end = index.sentOffsets[s + 1];
  for (let e = index.sentOffsets[s], r = 0, j = 0; e < end; ) {
    // forEachTerm's loop, inlined: it runs for every candidate scored.
    let b = terms[e++];
    let gap = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = terms[e++];
      gap |= (b & 0x7f) << shift;
    }
    r += gap;
    const k = byRank[r];
    const kind = index.kinds[k] as TermKind;
    if (kind === TermKind.Entity) candEntity = true;
    else if (kind === TermKind.Number && !candClock) candClock = CLOCK_HASHES.has(index.keys[k]);
    if (kind === TermKind.DayMonth) {
      candDayMonth = true;
      if (v.hasDayMonth && !nearDayMonth) nearDayMonth = nearDayMonths(v.sentence).has(index.keys[k]);
    }
    else if (kind === TermKind.Year) {
      candYear = true;
      if (index.keys[k] === pageYearTerm) candNamesPageYear = true;
    }
    while (j < m && pageRank[j] < r) j++;
    if (j < m && pageRank[j] === r) matched[pageAt[j]] = 1;
  }
  // Summed in the page vector's order (hash order), whatever the index's rank order: a segment and
  // a rebuilt index give the same float dot product.
  for (let i = 0; i < local.length; i++) {
    if (!matched[i]) continue;
    // A stem of the other language read through a page word's gloss: the candidate shares the
    // gloss if it is in that language (within one, the page word's own stem tells the word).
    const g = v.glossOf[i];
    if (g >= 0 && crossLanguage) glossMet[g] = 1;
    if (!v.own[i]) {
      if (collect && g >= 0 && crossLanguage) shared.push(i);
      continue;
    }
    const kind = index.kinds[local[i]] as TermKind;
    const w = v.weights[i];
    if (collect) shared.push(i);
    const c = clauses ? clauses.clauseOf[i] : -1;
    if (crossLanguage && kind === TermKind.Stem) {
      dot += CROSS_LANGUAGE_STEM_FACTOR * w * w;
      if (c >= 0) clauseDot[c] += CROSS_LANGUAGE_STEM_FACTOR * w * w;
    } else {
      dot += w * w;
      if (c >= 0) clauseDot[c] += w * w;
      if (c >= 0 && isContent(kind)) clauseContent[c]++;
      if (isContent(kind)) sharedContent++;
      if (isWord(kind)) sharedWords++;
      if (!isWord(kind) && kind !== TermKind.Month) anchored = true;
      if (kind === TermKind.Entity) sharedEntity = true;
      if (kind === TermKind.DayMonth) sharedDayMonth = true;
      else if (kind === TermKind.Year) sharedYear = true;
      else if (kind === TermKind.Number) {
        const figure = figureShared(v.hashes[i], v.figures, figures) || scoreLines(v.sentence).has(v.hashes[i]);
        if (figure) sharedSpecific++;
        figureAgreed ||= figure;
      } else if (kind === TermKind.Concept && !GENERIC_CONCEPTS.has(v.hashes[i])) sharedSpecific++;
    }
  }
  // Each gloss once, however many of its stems the candidate holds, in the page vector's order of glosses.
  for (let g = 0; g < glosses; g++) {
    if (!glossMet[g]) continue;
    const w = v.glossWeights[g];
    dot += GLOSS_FACTOR * w * w;
    const c = clauses ? clauses.glossClause[g] : -1;
    if (c >= 0) clauseDot[c] += GLOSS_FACTOR * w * w;
    // A word of the act met in the other language ("scored", "marqué") beside a shared name,
    // figure or date: the thin retelling ANCHORED_MIN_SHARED_CONTENT admits, never content.
    sharedWords++;
  }
  let cosine = v.norm > 0 && norm > 0 ? dot / (v.norm * norm) : 0;
  // Across languages two words in a short clause meet by chance too often (loose translations of
  // common words): there a clause counts only when the pair also shares a name, a number or a date,
  // or CROSS_LANGUAGE_MIN_CONTENT concepts.
  if (clauses && norm > 0 && (anchored || !crossLanguage || crossLanguageFirm(false, sharedContent, sharedSpecific))) cosine = Math.max(cosine, CLAUSE_FACTOR * bestClause(clauses, norm));
  const cues = v.sentence.cues;
  const timeConflict =
    cuesConflict(cues.day, cues.weekdays, cues.months, cand.day, cand.weekdays, cand.months) ||
    (v.hasDayMonth && candDayMonth && !sharedDayMonth && !nearDayMonth) ||
    (v.hasYear && candYear && !sharedYear);
  const acts = cueAgreement(cues.acts & ~TENSE_BITS, cand.acts & ~TENSE_BITS);
  const tenseConflict = tensesConflict(cues.acts, cand.acts);
  const occasions = cueAgreement(cues.occasions, cand.occasions);
  const conflict = timeConflict || tenseConflict || acts === 'conflict' || occasions === 'conflict';
  // A retelling years later that pins the event's day is as close to it as a report of the day.
  // So does one that names the year (and month) of the other side's date.
  const pageDate = cues.day !== NO_DAY ? cues.day : pageDay;
  const candDate = cand.day !== NO_DAY ? cand.day : index.docDay[index.sentDoc[s]];
  let factor = gapFactor(pageDate, candDate);
  if (factor < 1 && ((cues.day === NO_DAY && v.hasYear && pinsDay(yearsNamed(v.sentence), cues.months, candDate)) || (cand.day === NO_DAY && candNamesPageYear && monthHolds(cand.months, pageDate)))) factor = 1;
  if (!figureAgreed && figuresConflict(v.figures, figures)) factor *= FIGURE_CONFLICT_FACTOR;
  const pageTimed = cues.day !== NO_DAY || cues.weekdays !== 0 || cues.months !== 0 || v.hasYear;
  const candTimed = cand.day !== NO_DAY || cand.weekdays !== 0 || cand.months !== 0 || candYear;
  // A time of day ("vers 19h50") says when as well: beside a date on the other side, no one-sided time.
  if (pageTimed !== candTimed && !(pageTimed ? candClock : givesClock(v.sentence))) factor *= TIME_ONE_SIDED_FACTOR;
  if (acts === 'one-sided') factor *= ACT_ONE_SIDED_FACTOR;
  // Two sentences that pin their event to the same day imply its occasion: naming it on one side only weighs nothing then.
  const sameDay = cues.day !== NO_DAY && cand.day !== NO_DAY;
  if (occasions === 'one-sided' && !sameDay) factor *= OCCASION_ONE_SIDED_FACTOR;
  // Both name who or where, and not one name in common: most often another actor's act.
  if (candEntity && !sharedEntity && namesEntity(v.sentence) && sharedContent < ENTITIES_APART_MAX_CONTENT) factor *= ENTITIES_APART_FACTOR;
  if (crossLanguage && crossLanguageFirm(sharedEntity || sharedDayMonth || sharedYear, sharedContent, sharedSpecific)) factor *= CROSS_LANGUAGE_FACTOR;
  const score = conflict ? 0 : cosine * factor;
  return { score, cosine, sharedContent, sharedWords, anchored, namedFigure: figureAgreed && sharedEntity, conflict, shared, crossLanguage };
}

/**
 * A number both sentences give that is a figure of one of them, written in words by the other
 * ("400 pompiers", "quatre cents pompiers"): they agree on that figure. A small count both write
 * in words ("sept provinces") is no such agreement beside two different tolls.
 */
function figureShared(hash: number, a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (termHash('n:' + a[i]) === hash) return true;
  for (let i = 0; i < b.length; i++) if (termHash('n:' + b[i]) === hash) return true;
  return false;
}

/**
 * A window of one or two clauses of the page sentence is scored as a sentence of its own, at this
 * share of its cosine: a fact told in one clause of a long sentence counts, a little below the
 * same fact told alone. On half A of the evaluation set 0.8 gave the best recall at precision 1.0.
 */
export const CLAUSE_FACTOR = 0.8;
const clauseDot = new Float64Array(MAX_CLAUSES);
/** Scratch of scoreSentence: which of the page terms the candidate holds, and which of its glosses it shares. */
let matched = new Uint8Array(64);
let glossMet = new Uint8Array(16);

/** The page terms an index holds, by their rank there (see rankedTerms). */
export interface RankedTerms {
  /** Ranks, increasing. */
  rank: Uint32Array;
  /** Position in the page vector of each. */
  at: Uint32Array;
}

/**
 * The page terms `local` gives an index of (-1: absent), by their rank there, the order of its
 * forward lists: what scoreSentence merges a candidate's terms with. A short insertion sort, made
 * once per page sentence and segment by alignFacts.
 */
export function rankedTerms(local: ArrayLike<number>, index: FactsIndex): RankedTerms {
  const ranks = rankOf(index);
  let n = 0;
  for (let i = 0; i < local.length; i++) if (local[i] >= 0) n++;
  const rank = new Uint32Array(n);
  const at = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < local.length; i++) {
    const k = local[i];
    if (k < 0) continue;
    const r = ranks[k];
    let j = m++;
    for (; j > 0 && rank[j - 1] > r; j--) {
      rank[j] = rank[j - 1];
      at[j] = at[j - 1];
    }
    rank[j] = r;
    at[j] = i;
  }
  return { rank, at };
}
/** The candidate's record, decoded once per scored pair into this one object. */
const record = emptyRecord();
const clauseContent = new Uint8Array(MAX_CLAUSES);

/**
 * The norm to bound the page sentence's score with before scoring exactly (candidates that could
 * not reach the threshold are skipped): the smallest of its own norm and of its clause windows'
 * norms over CLAUSE_FACTOR, since a window's score can exceed the whole sentence's.
 */
export function boundingNorm(v: SentenceVector): number {
  const w = clauseWindows(v);
  // Divided by CROSS_LANGUAGE_FACTOR: a candidate in the other language may score that much above its cosine.
  return (w ? Math.min(v.norm, w.minNorm / CLAUSE_FACTOR) : v.norm) / CROSS_LANGUAGE_FACTOR;
}

const scoreLineCache = new WeakMap<FactSentence, ReadonlySet<number>>();

/** Hashes of the score lines a sentence gives ("3-3", "4-2"): shared, they agree on the result as a shared figure does. */
function scoreLines(sentence: FactSentence): ReadonlySet<number> {
  let lines = scoreLineCache.get(sentence);
  if (lines === undefined) {
    lines = new Set(sentence.hits.filter((h) => h.kind === TermKind.Number && SCORE_LINE_KEY.test(h.key)).map((h) => termHash(h.key)));
    scoreLineCache.set(sentence, lines);
  }
  return lines;
}
const SCORE_LINE_KEY = /^n:\d+-\d+$/;


const entityCache = new WeakMap<FactSentence, boolean>();

/** Whether a sentence names a person, a place or a body (known to the corpus or not). */
function namesEntity(sentence: FactSentence): boolean {
  let named = entityCache.get(sentence);
  if (named === undefined) entityCache.set(sentence, (named = sentence.hits.some((h) => h.kind === TermKind.Entity)));
  return named;
}

/**
 * Cosine of the best window that shares enough content on its own: one or two clauses in a row, or
 * the opening clause with a later one (the subject with its act past an apposition: "La flèche,
 * haute de 93 m, ..., s'est effondrée").
 */
function bestClause(w: ClauseWindows, norm: number): number {
  let best = 0;
  for (let a = 0; a < w.count; a++) {
    let dot = 0;
    let mass = 0;
    let content = 0;
    for (let b = a; b < Math.min(w.count, a + 2); b++) {
      dot += clauseDot[b];
      mass += w.mass[b];
      content += clauseContent[b];
      if (content >= MIN_WINDOW_CONTENT && mass > 0) best = Math.max(best, dot / (Math.sqrt(mass) * norm));
    }
  }
  for (let b = 2; b < w.count; b++) {
    const mass = w.mass[0] + w.mass[b];
    if (clauseContent[0] + clauseContent[b] >= MIN_WINDOW_CONTENT && mass > 0) best = Math.max(best, (clauseDot[0] + clauseDot[b]) / (Math.sqrt(mass) * norm));
  }
  return best;
}

/**
 * True when two sentences cannot be about the same event by their time cues: pinned days far
 * apart, a pinned day whose weekday or month the other sentence contradicts, or weekdays or months
 * with nothing in common.
 */
export function cuesConflict(dayA: number, weekdaysA: number, monthsA: number, dayB: number, weekdaysB: number, monthsB: number): boolean {
  if (dayA !== NO_DAY && dayB !== NO_DAY) return Math.abs(dayA - dayB) > SAME_EVENT_DAYS;
  // Both name one month: the day one side pins may be when the act was told ("confirmé jeudi")
  // while the month is when it takes effect ("en juillet"), so the shared month stands.
  const sharedMonth = (monthsA & monthsB) !== 0;
  if (dayA !== NO_DAY) return dayContradicts(dayA, weekdaysB, sharedMonth ? 0 : monthsB);
  if (dayB !== NO_DAY) return dayContradicts(dayB, weekdaysA, sharedMonth ? 0 : monthsA);
  return (weekdaysA !== 0 && weekdaysB !== 0 && (weekdaysA & weekdaysB) === 0) || (monthsA !== 0 && monthsB !== 0 && (monthsA & monthsB) === 0);
}

function dayContradicts(day: number, weekdays: number, months: number): boolean {
  const date = new Date(day * 86_400_000);
  if (weekdays !== 0) {
    // A weekday within SAME_EVENT_DAYS of the pinned day still names the same event.
    let near = 0;
    for (let d = -SAME_EVENT_DAYS; d <= SAME_EVENT_DAYS; d++) near |= 1 << (((date.getUTCDay() + d) % 7) + 7) % 7;
    if ((weekdays & near) === 0) return true;
  }
  return months !== 0 && (months & (1 << (date.getUTCMonth() + 1))) === 0;
}

const nearDayCache = new WeakMap<FactSentence, ReadonlySet<number>>();
const DAY_MONTH_KEY = /^d:(\d+)-(\d+)$/;

/**
 * Hashes of the days and months within SAME_EVENT_DAYS of those a sentence gives, its own left
 * out: "on 23 June, a day before the ruling" and "le 24 juin" may tell one event, as two pinned
 * days that close do (cuesConflict). A year with no 29 February stands for every year.
 */
function nearDayMonths(sentence: FactSentence): ReadonlySet<number> {
  let near = nearDayCache.get(sentence);
  if (near === undefined) {
    const days = new Set<number>();
    for (const h of sentence.hits) {
      const m = h.kind === TermKind.DayMonth ? DAY_MONTH_KEY.exec(h.key) : null;
      if (!m) continue;
      const day = Date.UTC(2001, Number(m[1]) - 1, Number(m[2])) / 86_400_000;
      for (let d = -SAME_EVENT_DAYS; d <= SAME_EVENT_DAYS; d++) {
        const date = new Date((day + d) * 86_400_000);
        if (d !== 0) days.add(termHash(`d:${date.getUTCMonth() + 1}-${date.getUTCDate()}`));
      }
    }
    nearDayCache.set(sentence, (near = days));
  }
  return near;
}

/** Score factor for a dispatch published `|pageDay - docDay|` days away from the page. */
export function gapFactor(pageDay: number, docDay: number): number {
  if (pageDay === NO_DAY || docDay === NO_DAY) return 1;
  const gap = Math.abs(pageDay - docDay);
  if (gap <= GAP_FREE_DAYS) return 1;
  return Math.max(GAP_FLOOR, 1 - (gap - GAP_FREE_DAYS) / GAP_SPAN_DAYS);
}

export function isSameFact(p: PairScore, threshold = SAME_FACT_THRESHOLD): boolean {
  return !p.conflict && p.score >= threshold && sharesEnough(p);
}
