import { termHash } from './facts-index';
import { TermKind, type FactSentence } from './terms';

/**
 * A retelling months or years later that names when the event happened ("condamné en mars 2021",
 * "the 2022 launch") points at it as surely as a report of the day: the gap between the two
 * publication dates (gapFactor) should not weigh it down when the year it names, and the month if
 * it names one, hold the other side's date.
 */

const DAY_MS = 86_400_000;
const namedYears = new WeakMap<FactSentence, number[]>();
const yearHashes = new Map<number, number>();

/** The years a sentence names, as its year terms ("y:2021") give them. */
export function yearsNamed(sentence: FactSentence): number[] {
  let years = namedYears.get(sentence);
  if (!years) {
    years = [];
    for (const h of sentence.hits) if (h.kind === TermKind.Year) years.push(Number(h.key.slice(2)));
    namedYears.set(sentence, years);
  }
  return years;
}

/** The hash of the year term of `day`'s year (days since 1970), as an index holds it. */
export function yearTermOf(day: number): number {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  let hash = yearHashes.get(year);
  if (hash === undefined) yearHashes.set(year, (hash = termHash('y:' + year)));
  return hash;
}

/** `day` falls in the month a sentence names, or it names none (months: bit m for month m, 1 to 12). */
export function monthHolds(months: number, day: number): boolean {
  return months === 0 || (months & (1 << (new Date(day * DAY_MS).getUTCMonth() + 1))) !== 0;
}

/** The sentence names the year of `day`, and its month when it names months. */
export function pinsDay(years: readonly number[], months: number, day: number): boolean {
  if (years.length === 0) return false;
  const year = new Date(day * DAY_MS).getUTCFullYear();
  return years.includes(year) && monthHolds(months, day);
}
