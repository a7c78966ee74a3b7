import numbers from '../data/numbers.json';

const CARDINALS: ReadonlyMap<string, number> = new Map(Object.entries(numbers.cardinals));
const INSIDE: ReadonlyMap<string, number> = new Map(Object.entries(numbers.inside));
const SCALE: ReadonlyMap<string, number> = new Map(Object.entries(numbers.scale));
const JOINERS: ReadonlySet<string> = new Set(numbers.joiners);
const ORDINALS: ReadonlyMap<string, number> = new Map(Object.entries(numbers.ordinals));
const DENOMINATORS: ReadonlyMap<string, number> = new Map(Object.entries(numbers.denominators));

/**
 * The fraction a count of `count` makes with the word at words[j] ("deux tiers", "three-quarters"),
 * rounded to three decimals, or undefined when that word is no denominator or the count is no
 * fraction of it.
 */
export function fractionOf(count: number, words: readonly string[], j: number, to: number): number | undefined {
  const d = j < to ? DENOMINATORS.get(words[j]) : undefined;
  return d !== undefined && count < d ? Math.round((count / d) * 1000) / 1000 : undefined;
}

/** A number written in words: its value and how many words it takes. */
export interface NumberWords {
  value: number;
  length: number;
}

/**
 * The number written in words from words[i] ("quatre cents", "quatre-vingt-dix", "twenty-one",
 * "deux mille", "troisième"), or null. Words are folded; a hyphen separates words as a space does.
 * A number starts with a cardinal or an ordinal, never with "un"/"one" (an article), nor with a
 * plural scale word ("cents", "hundreds", "douzaines"; "cent morts" is a hundred dead).
 */
export function numberWordsAt(words: readonly string[], i: number, to: number): NumberWords | null {
  const ordinal = ORDINALS.get(words[i]);
  if (ordinal !== undefined) return { value: ordinal, length: 1 };
  // A plural scale word opens no number: "des centaines", "dozens of", "50 cents".
  if (!CARDINALS.has(words[i]) && !(SCALE.has(words[i]) && !words[i].endsWith('s'))) return null;
  // "per cent" is a percent sign, not a hundred.
  if (i > 0 && words[i - 1] === 'per' && SCALE.has(words[i])) return null;
  let total = 0;
  let current = 0;
  let j = i;
  let last = i;
  for (; j < to; j++) {
    const w = words[j];
    const unit = CARDINALS.get(w) ?? (j > i ? INSIDE.get(w) : undefined);
    if (unit !== undefined) {
      // "quatre-vingt(s)": four twenties.
      if (unit === 20 && current === 4 && last === j - 1) current = 80;
      else current += unit;
      last = j;
      continue;
    }
    const scale = SCALE.get(w);
    if (scale !== undefined) {
      // "quatre cents", "two dozen" multiply what comes before; "mille", "thousand" close a group.
      if (scale < 1000) current = (current || 1) * scale;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      last = j;
      continue;
    }
    // "vingt et un", "one hundred and five": a joiner counts only between two number words.
    if (JOINERS.has(w) && j + 1 < to && (CARDINALS.has(words[j + 1]) || INSIDE.has(words[j + 1]))) continue;
    break;
  }
  const value = total + current;
  return value > 0 ? { value, length: last - i + 1 } : null;
}
