import { findKey, type CorpusIndex } from './corpus-index';
import { lowerBound, runAroundHit } from './hit-check';
import { DEFAULT_PASSAGE_PARAMS, passagesFromHits, type PassageParams, type WordPassage } from './passages';
import { PageText } from './prepared-text';
import { verdicts } from './relation';
import { shingleHashes } from './shingles';
import { tokenize, type Tokens } from './tokenize';
import type { MatchResult, Passage } from './types';

export interface MatchOptions extends Partial<Omit<PassageParams, 'k'>> {
  /** At most this many dispatches, those with the most shared fingerprints, are aligned. */
  maxCandidates?: number;
}

const DEFAULT_MAX_CANDIDATES = 50;

/**
 * A fingerprint found in more dispatches than this is a stock phrase of the corpus, not a sign of
 * reuse; small corpora keep everything, large ones drop the most common 1%.
 */
function maxPostings(index: CorpusIndex): number {
  return Math.max(16, Math.ceil(index.ids.length / 100));
}

/** Shingle hits of the page in the index, by dispatch: flat (page word, dispatch character offset) pairs. */
function lookup(tokens: Tokens, index: CorpusIndex): Map<number, number[]> {
  const shingles = shingleHashes(tokens.hashes, index.k);
  const limit = maxPostings(index);
  const hits = new Map<number, number[]>();
  for (let p = 0; p < shingles.length; p++) {
    const key = findKey(index, shingles[p]);
    if (key < 0) continue;
    const from = index.offsets[key];
    const to = index.offsets[key + 1];
    if (to - from > limit) continue;
    for (let e = from; e < to; e++) {
      const d = index.postDoc[e];
      let list = hits.get(d);
      if (!list) hits.set(d, (list = []));
      list.push(p, index.postPos[e]);
    }
  }
  return hits;
}

function rankCandidates(hits: Map<number, number[]>, max: number): number[] {
  return [...hits.keys()].sort((a, b) => hits.get(b)!.length - hits.get(a)!.length || a - b).slice(0, max);
}

/** Dispatches worth loading to match this page, strongest first. */
export function candidateIds(pageText: string, index: CorpusIndex, options: MatchOptions = {}): string[] {
  const hits = lookup(tokenize(pageText), index);
  return rankCandidates(hits, options.maxCandidates ?? DEFAULT_MAX_CANDIDATES).map((d) => index.ids[d]);
}

/**
 * Finds the passages of `pageText` that reuse text of dispatches in `index`. `getText` returns a
 * dispatch's text (as `dispatchText` makes it); only candidates are asked for.
 */
export function match(
  pageText: string,
  index: CorpusIndex,
  getText: (id: string) => string | undefined,
  options: MatchOptions = {},
): MatchResult {
  const params: PassageParams = { ...DEFAULT_PASSAGE_PARAMS, ...definedOnly(options), k: index.k };
  const tokens = tokenize(pageText);
  const hits = lookup(tokens, index);
  const candidates = rankCandidates(hits, options.maxCandidates ?? DEFAULT_MAX_CANDIDATES);
  let page: PageText | null = null;
  const found: WordPassage[] = [];
  for (const d of candidates) {
    const id = index.ids[d];
    const text = getText(id);
    if (text === undefined) continue;
    const pairs = hits.get(d)!;
    if (pairs.length <= 2 * FEW_HITS && !someLongRun(tokens, pairs, text, params)) continue;
    page ??= new PageText(pageText, tokens);
    const source = { text, tokens: tokenizeAround(text, pairs) };
    const wordPairs = pairs.slice();
    for (let h = 1; h < wordPairs.length; h += 2) wordPairs[h] = lowerBound(source.tokens.starts, wordPairs[h]);
    found.push(...passagesFromHits(page, source, id, wordPairs, params));
  }
  found.sort((a, b) => a.page.start - b.page.start || a.page.end - b.page.end || a.dispatch.localeCompare(b.dispatch));
  return {
    passages: found.map(stripWordRange),
    dispatches: verdicts(found, tokens.count),
    pageWords: tokens.count,
  };
}

/**
 * Characters of a dispatch read beyond its first and last hit (about 60 words): enough to widen a
 * passage to the sentence around it and catch edits near its ends, while a dispatch that shares
 * one passage with the page is not read whole.
 */
const SOURCE_REACH = 400;

function tokenizeAround(text: string, pairs: number[]): Tokens {
  let lo = text.length;
  let hi = 0;
  for (let h = 1; h < pairs.length; h += 2) {
    if (pairs[h] < lo) lo = pairs[h];
    if (pairs[h] > hi) hi = pairs[h];
  }
  return tokenize(text, false, Math.max(0, lo - SOURCE_REACH), Math.min(text.length, hi + SOURCE_REACH));
}

/** Below this many hits, a dispatch is aligned only if one hit sits in a long enough identical run. */
const FEW_HITS = 3;

function someLongRun(page: Tokens, pairs: number[], text: string, params: PassageParams): boolean {
  for (let h = 0; h < pairs.length; h += 2) {
    if (runAroundHit(page, pairs[h], text, pairs[h + 1], params.k) >= params.minRunWords) return true;
  }
  return false;
}

function stripWordRange({ pageFrom: _f, pageTo: _t, ...passage }: WordPassage): Passage {
  return passage;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
