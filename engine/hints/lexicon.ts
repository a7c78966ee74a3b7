import framing from '../data/framing.json';
import { foldWord } from '../fold';
import { tokenize } from '../tokenize';

export type Stance = 'neutral' | 'assertive' | 'accusatory' | 'distancing';

/** Folded word sequences by their first word, longest first, with a value for each. */
export type PhraseTable<T> = ReadonlyMap<string, readonly { words: string[]; value: T }[]>;

export function phraseTable<T>(entries: Iterable<readonly [string, T]>): PhraseTable<T> {
  const map = new Map<string, { words: string[]; value: T }[]>();
  for (const [phrase, value] of entries) {
    const words = tokenize(phrase, true).words!;
    if (!words.length) continue;
    const list = map.get(words[0]) ?? [];
    list.push({ words, value });
    map.set(words[0], list);
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
}

const verbs = framing.reportingVerbs;
export const REPORTING_VERBS: PhraseTable<Stance> = phraseTable(
  (Object.keys(verbs) as Stance[]).flatMap((stance) => [...verbs[stance].fr, ...verbs[stance].en].map((w) => [w, stance] as const)),
);

/** How strongly a verb takes sides: the strongest verb of a version is its stance. */
export const STANCE_RANK: Record<Stance, number> = { neutral: 0, assertive: 1, distancing: 2, accusatory: 3 };

export const CREDIT_MARKERS: PhraseTable<true> = phraseTable(
  [...framing.creditMarkers.fr, ...framing.creditMarkers.en].map((w) => [w, true] as const),
);
export const VAGUE_CREDITS: PhraseTable<true> = phraseTable(
  [...framing.vagueCredits.fr, ...framing.vagueCredits.en].map((w) => [w, true] as const),
);
export const HEDGES: PhraseTable<true> = phraseTable([...framing.hedges.fr, ...framing.hedges.en].map((w) => [w, true] as const));
export const LOADED: PhraseTable<true> = phraseTable([...framing.loaded.fr, ...framing.loaded.en].map((w) => [w, true] as const));

export const CONDITIONAL_ENDINGS: readonly string[] = framing.conditionalEndings.fr;
export const CONDITIONAL_EXCEPTIONS: ReadonlySet<string> = new Set(framing.conditionalExceptions.map(foldWord));

/** Pronouns that credit nobody in particular ("il a déclaré", "he said"). */
export const PRONOUNS: ReadonlySet<string> = new Set(['il', 'elle', 'ils', 'elles', 'lui', 'eux', 'on', 'he', 'she', 'they', 'him', 'her', 'them', 'it']);
