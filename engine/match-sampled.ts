import { DEFAULT_MAX_CANDIDATES, lookup, matchFromHits, maxPostings, rankCandidates, type CandidateHits, type MatchOptions } from './match';
import { compareIds, TextView } from './segments/text-view';
import { commonCount, type TextSample } from './segments/text-sample';
import { shingleHashes, winnow } from './shingles';
import { tokenize, type Tokens } from './tokenize';
import type { MatchResult } from './types';
import { winnowedPlaces } from './place-hits';

/** One segment's sample and the dispatches of it removed since it was built. */
export interface SamplePart {
  sample: TextSample;
  /** 1 for a removed dispatch (by its position in the segment's ids), or null when none was. */
  dead: Uint8Array | null;
}

/**
 * The samples of a corpus's segments (see TextSample): what a cold worker matches a page with
 * before the text indexes are read whole.
 */
export class SampleView {
  /** The sampled postings, looked up like the whole index (keys below `bound` only). */
  readonly view: TextView;
  readonly bound: number;
  readonly parts: readonly SamplePart[];

  constructor(parts: readonly SamplePart[]) {
    this.parts = parts;
    this.view = new TextView(parts.map((p) => ({ index: p.sample.text, dead: p.dead })));
    this.bound = parts.length ? Math.min(...parts.map((p) => p.sample.bound)) : 0;
  }

  /** Live dispatches. */
  get size(): number {
    return this.view.size;
  }

  idOf(handle: number): string {
    return this.view.idOf(handle);
  }

  /**
   * Postings of a key summed over the segments where it is common. Short of the whole count by at
   * most segments × (COMMON_POSTINGS - 1), and over it by the removed dispatches' postings, which
   * the samples do not tell apart for keys outside them.
   */
  commonCount(key: number): number {
    let n = 0;
    for (const p of this.parts) n += commonCount(p.sample, key);
    return n;
  }
}

/**
 * How many dispatches, those with the most sampled hits, are fingerprinted whole: several times
 * the candidates match aligns, since a sample count is a rough estimate of the whole one.
 */
export const SAMPLED_CANDIDATES = 200;

function sampledHits(tokens: Tokens, samples: SampleView): Map<number, number[]> {
  const bound = samples.bound;
  return lookup(tokens, samples.view, (hash) => hash < bound);
}

function sampledMax(options: MatchOptions): number {
  return Math.max(SAMPLED_CANDIDATES, 4 * (options.maxCandidates ?? DEFAULT_MAX_CANDIDATES));
}

/** A page looked up in the samples: its tokens and the dispatches whose texts matchSampled reads, strongest in the sample first. */
export interface SampledLookup {
  tokens: Tokens;
  ids: string[];
}

export function lookUpSampled(pageText: string, samples: SampleView, options: MatchOptions = {}): SampledLookup {
  const tokens = tokenize(pageText);
  return { tokens, ids: rankCandidates(sampledHits(tokens, samples), samples.view, sampledMax(options)).map((d) => samples.idOf(d)) };
}

/** Dispatches whose texts matchSampled reads, strongest in the sample first. */
export function sampledCandidateIds(pageText: string, samples: SampleView, options: MatchOptions = {}): string[] {
  return lookUpSampled(pageText, samples, options).ids;
}

/**
 * Match from the samples and the candidates' texts: the candidates are ranked by their sampled
 * hits, then their exact hits are found by fingerprinting their texts as the index does (same
 * shingles, same winnowing) against the page's fingerprints less the stock phrases, and the
 * passages are made as match makes them. For a dispatch met in the sample, the same passages as
 * match; a dispatch sharing so little with the page that no sampled fingerprint meets it is missed.
 * `looked`, when given, is the page's lookup that chose the texts read.
 */
export function matchSampled(
  pageText: string,
  samples: SampleView,
  getText: (id: string) => string | undefined,
  options: MatchOptions = {},
  looked: SampledLookup = lookUpSampled(pageText, samples, options),
): MatchResult {
  const { k, w } = samples.view;
  const { tokens, ids } = looked;
  const shingles = shingleHashes(tokens.hashes, k);
  const picked = winnow(shingles, w);
  const limit = maxPostings(samples);
  const keep = keptKeys(shingles, picked, samples, limit);
  const found: CandidateHits[] = [];
  for (const id of ids) {
    const text = getText(id);
    if (text === undefined) continue;
    const pairs = exactHits(text, k, w, shingles, picked, keep);
    if (pairs.length > 0) found.push({ id, pairs });
  }
  found.sort((a, b) => b.pairs.length - a.pairs.length || compareIds(a.id, b.id));
  return matchFromHits(pageText, tokens, k, found.slice(0, options.maxCandidates ?? DEFAULT_MAX_CANDIDATES), getText, options);
}

/**
 * The page's fingerprints that are not stock phrases: exact counts for the sampled keys, summed
 * common counts for the others (see SampleView.commonCount).
 */
function keptKeys(shingles: Uint32Array, picked: Uint32Array, samples: SampleView, limit: number): Set<number> {
  const keep = new Set<number>();
  const none = () => undefined;
  for (let i = 0; i < picked.length; i++) {
    const hash = shingles[picked[i]];
    if (keep.has(hash)) continue;
    const stock = hash < samples.bound ? !samples.view.postings(hash, limit, none) : samples.commonCount(hash) > limit;
    if (!stock) keep.add(hash);
  }
  return keep;
}

/**
 * A dispatch's hits as the index would give them: for each page fingerprint in page order, the
 * dispatch's postings of it in text order (the dispatch is winnowed like the index winnows it).
 */
function exactHits(text: string, k: number, w: number, pageShingles: Uint32Array, pagePicked: Uint32Array, keep: Set<number>): number[] {
  const where = new Map<number, number[]>();
  winnowedPlaces(text, k, w, keep, where);
  const pairs: number[] = [];
  if (where.size === 0) return pairs;
  for (let i = 0; i < pagePicked.length; i++) {
    const list = where.get(pageShingles[pagePicked[i]]);
    if (list) for (const pos of list) pairs.push(pagePicked[i], pos);
  }
  return pairs;
}
