import numbers from '../data/numbers.json';
import { tokenize } from '../tokenize';

/**
 * Moves of a rate are written in points several ways: "50 basis points", "50 points de base",
 * "half a percentage point", "un demi-point de pourcentage", "a quarter point". Each of them is
 * read as its figure in percentage points, so that two tellings of one rate rise share it.
 */
const BASIS_POINTS: readonly string[][] = numbers.points.basisPoints.map((p) => tokenize(p, true).words!);
const FRACTIONS: ReadonlyMap<string, number> = new Map(Object.entries(numbers.points.fractions));
const BETWEEN: ReadonlySet<string> = new Set(numbers.points.between);
const POINT: ReadonlySet<string> = new Set(numbers.points.point);
/** At most this many words ("a percentage", "of a percentage") between a fraction and "point". */
const MAX_BETWEEN = 3;

/** Number of words of the basis-point phrase starting at words[i] (folded), or 0. */
export function basisPointsAt(words: readonly string[], i: number, to: number): number {
  outer: for (const phrase of BASIS_POINTS) {
    if (i + phrase.length > to) continue;
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return phrase.length;
  }
  return 0;
}

/** A fraction of a point from words[i] ("half a percentage point", "demi-point"): its value and length in words, or null. */
export function fractionPointAt(words: readonly string[], i: number, to: number): { value: number; length: number } | null {
  const value = FRACTIONS.get(words[i]);
  if (value === undefined) return null;
  for (let j = i + 1; j < to && j <= i + 1 + MAX_BETWEEN; j++) {
    if (POINT.has(words[j])) return { value, length: j - i + 1 };
    if (!BETWEEN.has(words[j])) return null;
  }
  return null;
}
