import { diff_match_patch } from 'diff-match-patch';
import type { TextPositionSelector, TextQuoteSelector } from '../saved/types';

/** Where a saved passage is in the current article text, or that it is gone. */
export type Anchor =
  | { status: 'exact' | 'fuzzy'; start: number; end: number; /** Share of the saved quote's characters found, 0..1. */ similarity: number }
  | { status: 'orphaned' };

export interface AnchorOptions {
  /**
   * Least similarity (1 - edit distance / quote length) for a fuzzy anchor. Below it the passage is
   * orphaned: a paragraph that merely looks like the saved one (same template, other names and
   * figures) stays well under 0.75, while a passage with a word or two changed stays above 0.85.
   */
  threshold?: number;
}

const DEFAULT_THRESHOLD = 0.8;
/** diff-match-patch's bitap search handles patterns up to this many characters. */
const CHUNK = 32;
/** Probes cut from the quote to find where its surviving parts are. */
const PROBES = 8;
/** Candidate placements scored in full at most; enough for repeated boilerplate. */
const MAX_CANDIDATES = 24;
const MAX_OCCURRENCES = 200;

const dmp = new diff_match_patch();
dmp.Diff_Timeout = 0.2;

/**
 * Finds a saved passage in the current article text:
 * 1. the quote, where it was or elsewhere; among repeats the one whose prefix/suffix match best,
 *    then the nearest to the old position ('exact');
 * 2. the text best resembling the quote near its surviving pieces, if similar enough ('fuzzy');
 * 3. otherwise 'orphaned', never the nearest lookalike.
 */
export function anchorPassage(text: string, quote: TextQuoteSelector, position: TextPositionSelector, options: AnchorOptions = {}): Anchor {
  const { exact } = quote;
  if (exact.length === 0) return { status: 'orphaned' };
  const repeats = occurrences(text, exact, MAX_OCCURRENCES);
  if (repeats.length > 0) {
    const best = pickBest(repeats.map((start) => ({ start, end: start + exact.length, similarity: 1 })), text, quote, position);
    return { status: 'exact', start: best.start, end: best.end, similarity: 1 };
  }

  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const candidates = candidateStarts(text, exact, position.start)
    .map((start) => align(text, exact, start))
    .filter((c): c is Placement => c !== null && c.similarity >= threshold);
  if (candidates.length === 0) return { status: 'orphaned' };
  const top = Math.max(...candidates.map((c) => c.similarity));
  // Near-equal similarities: the context and the old position decide, as for exact repeats.
  const best = pickBest(candidates.filter((c) => c.similarity >= top - 0.02), text, quote, position);
  return { status: 'fuzzy', start: best.start, end: best.end, similarity: best.similarity };
}

interface Placement {
  start: number;
  end: number;
  similarity: number;
}

function occurrences(text: string, needle: string, max: number): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i >= 0 && found.length < max; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/** Prefix and suffix agreement first (characters in common next to the passage), then distance from the old start. */
function pickBest(list: Placement[], text: string, quote: TextQuoteSelector, position: TextPositionSelector): Placement {
  let best = list[0];
  let bestScore = -Infinity;
  for (const c of list) {
    const before = text.slice(Math.max(0, c.start - quote.prefix.length), c.start);
    const after = text.slice(c.end, c.end + quote.suffix.length);
    const context = commonSuffix(before, quote.prefix) + commonPrefix(after, quote.suffix);
    const score = c.similarity * 1000 + context - Math.abs(c.start - position.start) / Math.max(1, text.length);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * Where the passage could start now: every exact occurrence of a probe (a 32-character piece of the
 * quote) minus its offset in the quote, plus bitap's best approximate match of each probe near
 * where it used to be. Edits are local, so most probes of a changed passage survive intact.
 */
function candidateStarts(text: string, exact: string, oldStart: number): number[] {
  const probes: { offset: number; piece: string }[] = [];
  if (exact.length <= CHUNK) probes.push({ offset: 0, piece: exact });
  else {
    const step = (exact.length - CHUNK) / (PROBES - 1);
    for (let i = 0; i < PROBES; i++) {
      const offset = Math.round(i * step);
      probes.push({ offset, piece: exact.slice(offset, offset + CHUNK) });
    }
  }
  const starts = new Map<number, number>();
  const vote = (start: number) => starts.set(start, (starts.get(start) ?? 0) + 1);
  for (const { offset, piece } of probes) {
    const hits = occurrences(text, piece, MAX_CANDIDATES);
    for (const hit of hits) vote(hit - offset);
    if (hits.length === 0) {
      dmp.Match_Threshold = 0.4;
      dmp.Match_Distance = Math.max(1000, text.length);
      const near = Math.max(0, Math.min(text.length, oldStart + offset));
      const loc = dmp.match_main(text, piece, near);
      if (loc >= 0) vote(loc - offset);
    }
  }
  // Placements backed by more probes first; nearby starts are the same placement (align finds its edges).
  const ordered = [...starts.entries()].sort((a, b) => b[1] - a[1] || Math.abs(a[0] - oldStart) - Math.abs(b[0] - oldStart));
  const kept: number[] = [];
  for (const [start] of ordered) {
    if (kept.some((k) => Math.abs(k - start) < CHUNK)) continue;
    kept.push(start);
    if (kept.length >= MAX_CANDIDATES) break;
  }
  return kept;
}

/**
 * Aligns the quote with the text around a candidate start and returns the range it covers there,
 * with its similarity. The window has slack on both sides for words added or dropped.
 */
function align(text: string, exact: string, start: number): Placement | null {
  const slack = Math.max(CHUNK, Math.round(exact.length * 0.3));
  const from = Math.max(0, start - slack);
  const to = Math.min(text.length, start + exact.length + slack);
  if (to <= from) return null;
  const window = text.slice(from, to);
  const diffs = dmp.diff_main(exact, window, false);
  // Without it, a character of the quote that recurs in the slack pulls an edge outward.
  dmp.diff_cleanupSemantic(diffs);
  const s = dmp.diff_xIndex(diffs, 0);
  const e = dmp.diff_xIndex(diffs, exact.length - 1) + 1;
  if (e <= s) return null;
  const found = window.slice(s, e);
  const check = dmp.diff_main(exact, found, false);
  const distance = dmp.diff_levenshtein(check);
  const similarity = 1 - distance / Math.max(exact.length, found.length);
  return { start: from + s, end: from + e, similarity };
}
