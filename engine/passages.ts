import { endsSentence, sentenceEnd, sentenceStart } from './boundaries';
import type { PageText, SourceText } from './prepared-text';
import type { DiffOp, Passage } from './types';
import { wordDiff, type WordRun } from './word-diff';

/** Tuning of passage building; the defaults are calibrated in passages.test.ts and relation.test.ts. */
export interface PassageParams {
  /** Words per shingle in the index. */
  k: number;
  /** A passage shares at least this many words... */
  minWords: number;
  /** ...of which this many carry content (not function words, not stock phrases). */
  minContentWords: number;
  /** Longest run of added or dropped words that still counts as an edit inside one passage. */
  maxEditWords: number;
  /** The longest stretch of identical words is at least this long: stock phrases strung together are not reuse. */
  minRunWords: number;
  /** Least share of identical words for an edited passage. */
  minScore: number;
  /** Share of shared words inside quotation marks from which a passage is a quotation. */
  quoteShare: number;
}

export const DEFAULT_PASSAGE_PARAMS: Omit<PassageParams, 'k'> = {
  minWords: 8,
  minContentWords: 4,
  minRunWords: 7,
  maxEditWords: 20,
  minScore: 0.5,
  quoteShare: 0.75,
};

/** A passage with the word ranges it came from, for coverage counting. */
export interface WordPassage extends Passage {
  pageFrom: number;
  pageTo: number;
}

interface Chain {
  p0: number;
  p1: number;
  s0: number;
  s1: number;
}

const MAX_HIT_GAP = 12;
const MAX_DRIFT = 12;
const SENTENCE_REACH = 80;
/** Equal runs shorter than this inside a changed stretch are coincidences ("de", "la"). */
const MIN_ANCHOR = 3;

/**
 * From shingle hits between a page and one dispatch to aligned passages:
 * hits on nearby diagonals are chained, chains are widened to whole sentences on both sides,
 * aligned word by word, and cut wherever the texts part for more than `maxEditWords` words.
 * `hits` holds pairs (page word, source word) sorted by page word.
 */
export function passagesFromHits(
  page: PageText,
  src: SourceText,
  dispatch: string,
  hits: readonly number[],
  params: PassageParams,
): WordPassage[] {
  const chains = strongest(chainHits(hits, params.k), params.k);
  const regions = widen(page, src, chains, params.k);
  const out: WordPassage[] = [];
  for (const r of regions) {
    const runs = wordDiff(page.tokens.hashes, r.p0, r.p1, src.tokens.hashes, r.s0, r.s1);
    for (const seg of segments(runs, params.maxEditWords, page, src)) {
      const passage = toPassage(page, src, dispatch, seg, params);
      if (passage) out.push(passage);
    }
  }
  return out;
}

function chainHits(hits: readonly number[], k: number): Chain[] {
  const chains: Chain[] = [];
  const open: Chain[] = [];
  for (let h = 0; h < hits.length; h += 2) {
    const p = hits[h];
    const s = hits[h + 1];
    let joined = false;
    for (let c = open.length - 1; c >= 0; c--) {
      const ch = open[c];
      if (p - ch.p1 > k + MAX_HIT_GAP) {
        open.splice(c, 1);
        continue;
      }
      const drift = s - p - (ch.s1 - ch.p1);
      if (s >= ch.s1 - k && Math.abs(drift) <= MAX_DRIFT) {
        ch.p1 = Math.max(ch.p1, p);
        ch.s1 = Math.max(ch.s1, s);
        joined = true;
        break;
      }
    }
    if (!joined) {
      const ch = { p0: p, p1: p, s0: s, s1: s };
      chains.push(ch);
      open.push(ch);
    }
  }
  return chains;
}

/**
 * The page words of a chain are explained once: where chains overlap on the page (a phrase that
 * recurs in the source, such as a heading repeating its paragraph), the longer chain wins.
 */
function strongest(chains: Chain[], k: number): Chain[] {
  const bySize = [...chains].sort((a, b) => b.p1 - b.p0 - (a.p1 - a.p0) || a.p0 - b.p0);
  const kept: Chain[] = [];
  for (const c of bySize) {
    const len = c.p1 + k - c.p0;
    let overlap = 0;
    for (const o of kept) overlap += Math.max(0, Math.min(c.p1 + k, o.p1 + k) - Math.max(c.p0, o.p0));
    if (overlap * 2 <= len) kept.push(c);
  }
  return kept.sort((a, b) => a.p0 - b.p0);
}

/** Word ranges [p0, p1) of the page and [s0, s1) of the source to align, sentence-aligned and disjoint. */
function widen(page: PageText, src: SourceText, chains: Chain[], k: number): Chain[] {
  const regions = chains
    .map((c) => ({
      p0: sentenceStart(page.text, page.tokens, c.p0, SENTENCE_REACH),
      p1: sentenceEnd(page.text, page.tokens, c.p1 + k - 1, SENTENCE_REACH) + 1,
      s0: sentenceStart(src.text, src.tokens, c.s0, SENTENCE_REACH),
      s1: sentenceEnd(src.text, src.tokens, c.s1 + k - 1, SENTENCE_REACH) + 1,
    }))
    .sort((a, b) => a.p0 - b.p0 || a.s0 - b.s0);
  const merged: Chain[] = [];
  for (const r of regions) {
    const last = merged[merged.length - 1];
    // Consecutive sentences of both texts in the same order are aligned together, so that an
    // edit at a sentence boundary does not split a passage.
    if (last && r.p0 <= last.p1 && r.s0 <= last.s1 + 1 && r.s1 >= last.s0) {
      last.p1 = Math.max(last.p1, r.p1);
      last.s0 = Math.min(last.s0, r.s0);
      last.s1 = Math.max(last.s1, r.s1);
    } else if (last && r.p0 < last.p1) {
      // Overlapping page text aligned to another place of the source: keep the part after.
      r.p0 = last.p1;
      if (r.p0 < r.p1) merged.push(r);
    } else {
      merged.push(r);
    }
  }
  return merged;
}

/**
 * Runs of the alignment split where the texts part, and at the page's paragraph breaks, so that a
 * passage is never larger than a paragraph and each keeps its own kind. Each segment starts and
 * ends on a solid equal run, except that words the page drops at either end stay in the diff when
 * they belong to the same source sentence as the shared words next to them (a copy that cuts a
 * sentence short is an edit; a crosshead the page leaves out between two paragraphs is not).
 */
function segments(runs: WordRun[], maxEdit: number, page: SourceText, src: SourceText): WordRun[][] {
  const b = new SegmentBuilder(src);
  for (const run of splitAtParagraphs(runs, page)) {
    if (run === CUT) {
      b.close();
      b.reset();
    } else if (run.op === 0 && run.len >= MIN_ANCHOR) {
      if (b.current.length && Math.max(b.added, b.dropped) <= maxEdit) {
        b.current.push(...b.pending);
      } else {
        b.close();
        if (b.onlyDropped() && !endsSentence(src.text, src.tokens, run.s - 1)) b.current.push(...b.pending);
      }
      b.current.push(run);
      b.reset();
    } else {
      b.hold(run);
    }
  }
  b.close();
  return b.out;
}

/** State of `segments`: the segment being built and the changed stretch after its last solid run. */
class SegmentBuilder {
  out: WordRun[][] = [];
  current: WordRun[] = [];
  pending: WordRun[] = [];
  added = 0;
  dropped = 0;

  constructor(private readonly src: SourceText) {}

  onlyDropped(): boolean {
    return this.pending.length > 0 && this.added === 0;
  }

  hold(run: WordRun): void {
    this.pending.push(run);
    if (run.op !== -1) this.added += run.len;
    if (run.op !== 1) this.dropped += run.len;
  }

  close(): void {
    if (this.current.length) {
      const last = this.current[this.current.length - 1];
      if (this.onlyDropped() && !endsSentence(this.src.text, this.src.tokens, last.s + last.len - 1)) {
        this.current.push(...this.pending);
      }
      this.out.push(this.current);
    }
    this.current = [];
  }

  reset(): void {
    this.pending = [];
    this.added = 0;
    this.dropped = 0;
  }
}

const CUT = { op: 0, p: -1, s: -1, len: 0 } as const satisfies WordRun;

/** The runs, with page-word runs cut at paragraph and line breaks of the page and a CUT marker there. */
function splitAtParagraphs(runs: WordRun[], page: SourceText): WordRun[] {
  const out: WordRun[] = [];
  for (const run of runs) {
    if (run.op === -1) {
      out.push(run);
      continue;
    }
    let from = run.p;
    const to = run.p + run.len;
    for (let i = run.p; i < to; i++) {
      if (i === 0 || !breakBefore(page, i)) continue;
      if (i > from) out.push(piece(run, from, i));
      out.push(CUT);
      from = i;
    }
    out.push(piece(run, from, to));
  }
  return out;
}

function piece(run: WordRun, from: number, to: number): WordRun {
  const shift = from - run.p;
  return { op: run.op, p: from, s: run.op === 0 ? run.s + shift : run.s, len: to - from };
}

function breakBefore(page: SourceText, i: number): boolean {
  for (let c = page.tokens.ends[i - 1]; c < page.tokens.starts[i]; c++) if (page.text.charCodeAt(c) === 10) return true;
  return false;
}

function toPassage(
  page: PageText,
  src: SourceText,
  dispatch: string,
  seg: WordRun[],
  params: PassageParams,
): WordPassage | null {
  const first = seg[0];
  const last = seg[seg.length - 1];
  const pFrom = first.p;
  const pTo = last.op === -1 ? last.p : last.p + last.len;
  const sFrom = first.s;
  const sTo = last.op === 1 ? last.s : last.s + last.len;
  let equal = 0;
  let content = 0;
  let quoted = 0;
  let edited = false;
  let longest = 0;
  for (const run of seg) {
    if (run.op !== 0) {
      edited = true;
      continue;
    }
    equal += run.len;
    longest = Math.max(longest, run.len);
    for (let i = run.p; i < run.p + run.len; i++) {
      if (page.isContent(i)) content++;
      if (page.isQuoted(i)) quoted++;
    }
  }
  const score = equal / Math.max(pTo - pFrom, sTo - sFrom);
  if (
    equal < params.minWords ||
    longest < params.minRunWords ||
    content < params.minContentWords ||
    score < params.minScore
  ) {
    return null;
  }
  const pt = page.tokens;
  const st = src.tokens;
  const pageStart = pt.starts[pFrom];
  const pageEnd = pt.ends[pTo - 1];
  const srcStart = st.starts[sFrom];
  const srcEnd = st.ends[sTo - 1];
  return {
    dispatch,
    kind: edited ? 'edited' : 'verbatim',
    quote: quoted / equal >= params.quoteShare,
    score: Math.round(score * 1000) / 1000,
    page: { start: pageStart, end: pageEnd, text: page.text.slice(pageStart, pageEnd) },
    source: { start: srcStart, end: srcEnd, text: src.text.slice(srcStart, srcEnd) },
    diff: diffOps(page, src, seg, pTo, sTo),
    pageFrom: pFrom,
    pageTo: pTo,
  };
}

/** Diff operations carrying the original text of each side, spaces and punctuation included. */
function diffOps(page: PageText, src: SourceText, seg: WordRun[], pTo: number, sTo: number): DiffOp[] {
  const slice = (t: SourceText, from: number, to: number, end: number): string =>
    t.text.slice(t.tokens.starts[from], to < end ? t.tokens.starts[to] : t.tokens.ends[to - 1]);
  const ops: DiffOp[] = [];
  for (const run of seg) {
    const text = run.op === -1 ? slice(src, run.s, run.s + run.len, sTo) : slice(page, run.p, run.p + run.len, pTo);
    const prev = ops[ops.length - 1];
    if (prev && prev.op === run.op) prev.text += text;
    else ops.push({ op: run.op, text });
  }
  return ops;
}
