import type { CorpusIndex } from './corpus-index';
import { runThrough } from './hit-check';
import { placeHits } from './place-hits';
import { lowerBound } from './sorted';
import { DEFAULT_PASSAGE_PARAMS, passagesFromHits, type PassageParams, type WordPassage } from './passages';
import { PageText } from './prepared-text';
import { verdicts } from './relation';
import { compareIds, textView, type TextView } from './segments/text-view';
import { shingleHashes, winnow } from './shingles';
import { tokenize, tokensWithin, type Tokens } from './tokenize';
import type { MatchResult, Passage } from './types';

export interface MatchOptions extends Partial<Omit<PassageParams, 'k'>> {
  /** At most this many dispatches, those with the most shared fingerprints, are aligned. */
  maxCandidates?: number;
}

export const DEFAULT_MAX_CANDIDATES = 50;

/**
 * The order `localeCompare` gives (the same default locale and options), with one collator made
 * once instead of one per comparison: passages of a page are sorted by it, often on ties.
 */
export const collator = new Intl.Collator();

/**
 * A fingerprint found in more dispatches than this is a stock phrase of the corpus, not a sign of
 * reuse; small corpora keep everything, large ones drop the most common 1%.
 */
export function maxPostings(view: { size: number }): number {
  return Math.max(16, Math.ceil(view.size / 100));
}

/**
 * Shingle hits of the page in the index, by dispatch handle: flat (page word, fingerprint) pairs,
 * one per posting (see placeHits for where they are in the dispatch). The page is winnowed like the
 * dispatches, so every shared run long enough to make a passage still meets a common fingerprint,
 * with 60% fewer look-ups (each a cache miss or two in a large index).
 */
export function lookup(tokens: Tokens, view: TextView, keep?: (hash: number) => boolean): Map<number, number[]> {
  const shingles = shingleHashes(tokens.hashes, view.k);
  const picked = winnow(shingles, view.w);
  const limit = maxPostings(view);
  const hits = new Map<number, number[]>();
  const words: number[] = [];
  for (let i = 0; i < picked.length; i++) if (!keep || keep(shingles[picked[i]])) words.push(picked[i]);
  const hashes = Uint32Array.from(words, (p) => shingles[p]);
  view.postingsOf(hashes, limit, (i, d) => {
    let list = hits.get(d);
    if (!list) hits.set(d, (list = []));
    list.push(words[i], hashes[i]);
  });
  return hits;
}

/**
 * The dispatches with the most hits; equal counts in id order, as one rebuilt index lists them.
 * A page meets a thousand dispatches or more in a large corpus, most of them with one or two
 * hits: the count of the max-th strongest is found first on the counts alone, and only the
 * dispatches with at least that many are sorted, their ids read only for ties.
 */
export function rankCandidates(hits: Map<number, number[]>, view: { idOf(handle: number): string }, max: number): number[] {
  let cut = 0;
  if (hits.size > max && max > 0) {
    const counts = new Uint32Array(hits.size);
    let i = 0;
    for (const list of hits.values()) counts[i++] = list.length;
    counts.sort();
    cut = counts[counts.length - max];
  }
  const ranked: { d: number; n: number; id: string | null }[] = [];
  for (const [d, list] of hits) if (list.length >= cut) ranked.push({ d, n: list.length, id: null });
  ranked.sort((a, b) => b.n - a.n || compareIds((a.id ??= view.idOf(a.d)), (b.id ??= view.idOf(b.d))));
  const out: number[] = [];
  for (let i = 0; i < ranked.length && i < max; i++) out.push(ranked[i].d);
  return out;
}

/**
 * A page looked up in the text index: its tokens, and its candidates with their hits as (page word,
 * fingerprint) pairs, strongest first. Found once per page, for reading the candidates' texts and
 * for matching with them.
 */
export interface PageLookup {
  tokens: Tokens;
  k: number;
  w: number;
  candidates: readonly CandidateHits[];
}

/** Looks a page up in the text index (see PageLookup). */
export function lookUpPage(pageText: string, index: CorpusIndex | TextView, options: MatchOptions = {}): PageLookup {
  const view = textView(index);
  const tokens = tokenize(pageText);
  const hits = lookup(tokens, view);
  const ranked = rankCandidates(hits, view, options.maxCandidates ?? DEFAULT_MAX_CANDIDATES);
  return { tokens, k: view.k, w: view.w, candidates: ranked.map((d) => ({ id: view.idOf(d), pairs: hits.get(d)! })) };
}

/** Dispatches worth loading to match this page, strongest first. */
export function candidateIds(pageText: string, index: CorpusIndex | TextView, options: MatchOptions = {}): string[] {
  return lookUpPage(pageText, index, options).candidates.map((c) => c.id);
}

/** match, from a page looked up before (the lookup is left as it was, so it can serve again). */
export function matchLooked(pageText: string, looked: PageLookup, getText: (id: string) => string | undefined, options: MatchOptions = {}): MatchResult {
  const candidates = looked.candidates.map((c) => ({ id: c.id, pairs: c.pairs.slice() }));
  return matchFromHits(pageText, looked.tokens, looked.k, candidates, getText, options, looked.w);
}

/**
 * Finds the passages of `pageText` that reuse text of dispatches in `index` (one index, or the
 * segments of one). `getText` returns a dispatch's text (as `dispatchText` makes it); only
 * candidates are asked for.
 */
export function match(
  pageText: string,
  index: CorpusIndex | TextView,
  getText: (id: string) => string | undefined,
  options: MatchOptions = {},
): MatchResult {
  const { tokens, k, w, candidates } = lookUpPage(pageText, index, options);
  return matchFromHits(pageText, tokens, k, candidates, getText, options, w);
}

/** A candidate dispatch and its hits: flat (page word, dispatch character offset) pairs. */
export interface CandidateHits {
  id: string;
  pairs: number[];
}

/**
 * The passages and verdicts of a page from its candidates' hits, strongest candidate first: the
 * part of match that follows the look-ups, shared by every way of finding the hits. With `placeW`,
 * the pairs hold fingerprints, not offsets, and are placed in the texts winnowed with that window
 * (see placeHits).
 */
export function matchFromHits(
  pageText: string,
  tokens: Tokens,
  k: number,
  candidates: readonly CandidateHits[],
  getText: (id: string) => string | undefined,
  options: MatchOptions = {},
  placeW?: number,
): MatchResult {
  const params: PassageParams = { ...DEFAULT_PASSAGE_PARAMS, ...definedOnly(options), k };
  let page: PageText | null = null;
  const found: WordPassage[] = [];
  for (const { id, pairs } of candidates) {
    const text = getText(id);
    if (text === undefined) continue;
    const whole = placeW === undefined ? null : placeHits(text, k, placeW, pairs, { text: pageText, tokens });
    if (pairs.length === 0) continue;
    const source = { text, tokens: tokenizeAround(text, pairs, whole) };
    for (let h = 1; h < pairs.length; h += 2) pairs[h] = lowerBound(source.tokens.starts, pairs[h]);
    if (pairs.length <= 2 * FEW_HITS && !someLongRun(tokens, source.tokens, pairs, params.minRunWords)) continue;
    page ??= new PageText(pageText, tokens);
    found.push(...passagesFromHits(page, source, id, pairs, params));
  }
  found.sort((a, b) => a.page.start - b.page.start || a.page.end - b.page.end || collator.compare(a.dispatch, b.dispatch));
  return {
    passages: found.map(stripWordRange),
    dispatches: verdicts(found, tokens.count),
    pageWords: tokens.count,
  };
}

/**
 * Characters of a dispatch read beyond its first and last hit (about 25 words): enough to widen a
 * passage to the sentence around it and catch edits near its ends, while a dispatch that shares
 * one passage with the page is not read whole.
 */
const SOURCE_REACH = 160;

/** `whole`: the tokens of the whole text when already made, the range's taken from them where they can be. */
function tokenizeAround(text: string, pairs: number[], whole: Tokens | null): Tokens {
  let lo = text.length;
  let hi = 0;
  for (let h = 1; h < pairs.length; h += 2) {
    if (pairs[h] < lo) lo = pairs[h];
    if (pairs[h] > hi) hi = pairs[h];
  }
  const from = Math.max(0, lo - SOURCE_REACH);
  const to = Math.min(text.length, hi + SOURCE_REACH);
  return (whole && tokensWithin(whole, text, from, to)) ?? tokenize(text, false, from, to);
}

/** Below this many hits, a dispatch is aligned only if one hit sits in a long enough identical run. */
const FEW_HITS = 3;

function someLongRun(page: Tokens, source: Tokens, pairs: number[], minRun: number): boolean {
  for (let h = 0; h < pairs.length; h += 2) if (runThrough(page, pairs[h], source, pairs[h + 1]) >= minRun) return true;
  return false;
}

function stripWordRange({ pageFrom: _f, pageTo: _t, ...passage }: WordPassage): Passage {
  return passage;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
