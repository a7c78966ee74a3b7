import { KIND_WEIGHT, termHash } from './facts-index';
import type { SentenceVector } from './score';
import { isContent, TermKind } from './terms';

/** Content terms a window must share to count (share-bound.ts MIN_SHARED_CONTENT). */
export const MIN_WINDOW_CONTENT = 2;

/**
 * Where a long sentence changes clause: punctuation inside it, and the words that open a
 * coordinate or subordinate clause. A fact shared by two tellings is often one clause of a long
 * sentence ("..., causing the spire to collapse and threatening ..."): the clause is scored too.
 */
const BREAK_CHARS = /[;:,()\u2014\u2013]|\s-\s/g;
const BREAK_WORDS = new Set([
  'and', 'but', 'while', 'whereas', 'which', 'who', 'when', 'after', 'before', 'amid', 'as', 'because', 'although', 'though', 'since', 'until',
  'et', 'mais', 'alors', 'tandis', 'qui', 'dont', 'lorsque', 'quand', 'après', 'avant', 'car', 'puisque', 'bien', 'depuis', 'malgré',
]);
const WORD_RE = /\p{L}+/gu;

/** Windows scored besides the whole sentence: each clause alone and each two clauses in a row. */
export interface ClauseWindows {
  /** Clause of each of the vector's terms (by position in `terms`), or -1 for none. */
  clauseOf: Int8Array;
  /** Clause of each of its glosses (by position in glossHashes), or -1. */
  glossClause: Int8Array;
  count: number;
  /** Squared norm of each clause's terms (unknown terms included), by clause. */
  mass: Float64Array;
  /** Smallest norm of a window that can count (two content terms the corpus knows). */
  minNorm: number;
}

/** Sentences cut into more clauses than this are scored whole (a list, not clauses). */
export const MAX_CLAUSES = 12;
const cache = new WeakMap<SentenceVector, ClauseWindows | null>();

/** Offsets (from the sentence's start) where a new clause begins. */
export function clauseStarts(text: string): number[] {
  const cuts = new Set<number>();
  for (const m of text.matchAll(BREAK_CHARS)) cuts.add(m.index! + m[0].length);
  for (const m of text.matchAll(WORD_RE)) if (m.index! > 0 && BREAK_WORDS.has(m[0].toLowerCase())) cuts.add(m.index!);
  return [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
}

/** The clauses of a page sentence as its vector's terms fall in them; null for a one-clause sentence. */
export function clauseWindows(v: SentenceVector): ClauseWindows | null {
  const known = cache.get(v);
  if (known !== undefined) return known;
  const { span, hits } = v.sentence;
  const starts = clauseStarts(span.text).map((c) => c + span.start);
  let out: ClauseWindows | null = null;
  if (starts.length > 0 && starts.length < MAX_CLAUSES) {
    const clauseAt = (pos: number) => {
      let c = 0;
      while (c < starts.length && starts[c] <= pos) c++;
      return c;
    };
    const position = new Map<number, number>();
    v.hashes.forEach((h, i) => position.set(h, i));
    const clauseOf = new Int8Array(v.hashes.length).fill(-1);
    const glossClause = new Int8Array(v.glossHashes.length).fill(-1);
    const mass = new Float64Array(starts.length + 1);
    const content = new Uint8Array(starts.length + 1);
    // Terms the corpus lacks weigh as much in a clause as in the sentence: their share of the mass
    // the known terms leave, by kind weight (all have the corpus's highest IDF).
    let knownMass = 0;
    const unknownKinds: { clause: number; k: number }[] = [];
    const seen = new Set<number>();
    for (const hit of hits) {
      const h = termHash(hit.key);
      if (seen.has(h)) continue;
      seen.add(h);
      const c = clauseAt(hit.start);
      // A gloss reads again the word its stem stands for: no mass or content of its own.
      if (hit.kind === TermKind.Gloss) {
        const g = v.glossHashes.indexOf(h);
        if (g >= 0) glossClause[g] = c;
        continue;
      }
      const i = position.get(h);
      if (i !== undefined) {
        clauseOf[i] = c;
        knownMass += v.weights[i] * v.weights[i];
        mass[c] += v.weights[i] * v.weights[i];
        if (isContent(hit.kind)) content[c]++;
      } else unknownKinds.push({ clause: c, k: KIND_WEIGHT[hit.kind as TermKind] ** 2 });
    }
    const unknownMass = Math.max(0, v.norm * v.norm - knownMass);
    const unknownUnits = unknownKinds.reduce((s, u) => s + u.k, 0);
    if (unknownUnits > 0) for (const u of unknownKinds) mass[u.clause] += (unknownMass * u.k) / unknownUnits;
    let minNorm = v.norm;
    for (let a = 0; a <= starts.length; a++) {
      let m = 0;
      let n = 0;
      for (let b = a; b < Math.min(starts.length + 1, a + 2); b++) {
        m += mass[b];
        n += content[b];
        if (n >= MIN_WINDOW_CONTENT) minNorm = Math.min(minNorm, Math.sqrt(m));
      }
    }
    // The opening clause with a later one is a window too (score.ts bestClause).
    for (let b = 2; b <= starts.length; b++) if (content[0] + content[b] >= MIN_WINDOW_CONTENT) minNorm = Math.min(minNorm, Math.sqrt(mass[0] + mass[b]));
    out = { clauseOf, glossClause, count: starts.length + 1, mass, minNorm };
  }
  cache.set(v, out);
  return out;
}
