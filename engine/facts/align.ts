import type { Passage, Span } from '../types';
import { framingHints } from '../hints/framing';
import { termHash, type FactsIndex } from './facts-index';
import { SAME_FACT_THRESHOLD, isSameFact, scorePair, sentenceVector, type PairScore, type SentenceVector } from './score';
import { analyzeSpan, analyzeText, dayNumber, isContent, type TermHit } from './terms';

export interface AlignFactsOptions {
  /** Publication date of the page (YYYY-MM-DD or YYYY-MM): dispatches far from it weigh less. */
  pageDate?: string;
  /** BCP 47 tag of the page's language; guessed from its words when absent. */
  pageLanguage?: string;
  /** Dispatch ids left out (the page's own dispatch when a dispatch is read against the others). */
  exclude?: readonly string[];
  /** Text of a dispatch as dispatchText makes it: fills source spans, shared terms and hints. */
  getText?: (id: string) => string | undefined;
  threshold?: number;
  /** At most this many dispatches per page sentence, best first. */
  maxPerSentence?: number;
  /** Compute framing hints for each pair (default: when getText is given). */
  hints?: boolean;
}

const DEFAULT_MAX_PER_SENTENCE = 8;
/** At most this many candidate sentences are scored exactly per page sentence. */
const MAX_EXACT = 100;

let accBuffer = new Float32Array(0);
let touchedBuffer = new Uint32Array(0);
let partialBuffer = new Float32Array(0);

/**
 * Sentences of other dispatches that tell the same facts as the page's sentences. Candidates come
 * from the postings of the page's rarer content terms (never all sentence pairs); each is then
 * scored exactly (see scorePair) and kept above the calibrated threshold, best per dispatch.
 */
export function alignFacts(pageText: string, index: FactsIndex, options: AlignFactsOptions = {}): Passage[] {
  const threshold = options.threshold ?? SAME_FACT_THRESHOLD;
  const maxPer = options.maxPerSentence ?? DEFAULT_MAX_PER_SENTENCE;
  const pageDay = dayNumber(options.pageDate);
  const excluded = new Uint8Array(index.ids.length);
  if (options.exclude?.length) {
    const ex = new Set(options.exclude);
    index.ids.forEach((id, d) => {
      if (ex.has(id)) excluded[d] = 1;
    });
  }
  const sentCount = index.sentDoc.length;
  if (accBuffer.length < sentCount) {
    accBuffer = new Float32Array(sentCount);
    touchedBuffer = new Uint32Array(sentCount);
    partialBuffer = new Float32Array(sentCount);
  }
  const acc = accBuffer;
  const touched = touchedBuffer;
  const page = analyzeText(pageText, options.pageLanguage, options.pageDate);
  const lookup = new Map<number, number>();
  const found: { v: SentenceVector; s: number; pair: PairScore }[] = [];
  const { postings, offsets, kinds, sentNorm, sentDoc, common } = index;
  for (const sentence of page.sentences) {
    const v = sentenceVector(sentence, index, lookup);
    if (v.content < 2) continue;
    let nTouched = 0;
    let passive = 0;
    for (let i = 0; i < v.terms.length; i++) {
      const k = v.terms[i];
      const w2 = v.weights[i] * v.weights[i];
      const from = offsets[k];
      const to = offsets[k + 1];
      if (!isContent(kinds[k]) || common[k]) {
        passive += w2;
        continue;
      }
      for (let e = from; e < to; e++) {
        const s = postings[e];
        if (acc[s] === 0) touched[nTouched++] = s;
        acc[s] += w2;
      }
    }
    // Only sentences that could still reach the threshold once the passive terms are counted: a
    // shared term adds its squared weight to the dot product and takes as much from the
    // candidate's own mass, so the passive terms add at most min(passive, what is left of it).
    const pool: number[] = [];
    const limit = threshold * v.norm;
    for (let t = 0; t < nTouched; t++) {
      const s = touched[t];
      const a = acc[s];
      acc[s] = 0;
      const n = sentNorm[s];
      if (a + Math.min(passive, n * n - a) >= limit * n && !excluded[sentDoc[s]]) {
        partialBuffer[pool.length] = a / n;
        pool.push(s);
      }
    }
    const candidates = pool.length > MAX_EXACT ? strongest(pool, partialBuffer.subarray(0, pool.length), MAX_EXACT) : pool;
    const bestByDoc = new Map<number, { s: number; pair: PairScore }>();
    for (const s of candidates) {
      // Shared terms are collected only for the pairs kept: most candidates fail.
      const pair = scorePair(v, index, s, pageDay, false);
      if (!isSameFact(pair, threshold)) continue;
      const d = index.sentDoc[s];
      const best = bestByDoc.get(d);
      if (!best || pair.score > best.pair.score) bestByDoc.set(d, { s, pair });
    }
    const kept = [...bestByDoc.values()].sort((a, b) => b.pair.score - a.pair.score || a.s - b.s).slice(0, maxPer);
    for (const k of kept) found.push({ v, s: k.s, pair: scorePair(v, index, k.s, pageDay) });
  }
  const wantHints = options.hints ?? options.getText !== undefined;
  const texts = new Map<number, string | undefined>();
  const out: Passage[] = [];
  for (const { v, s, pair } of found) {
    const d = index.sentDoc[s];
    const id = index.ids[d];
    if (!texts.has(d)) texts.set(d, options.getText?.(id));
    const text = texts.get(d);
    if (options.getText && text === undefined) continue;
    const start = index.sentStart[s];
    const end = index.sentEnd[s];
    const source: Span = { start, end, text: text?.slice(start, end) ?? '' };
    const sharedHashes = new Set(pair.shared.map((i) => v.hashes[i]));
    const pageHits = v.sentence.hits.filter((h) => sharedHashes.has(termHash(h.key)));
    const sourceHits = text
      ? analyzeSpan(text, index.sentLang[s] ? 'en' : 'fr', start, end).hits.filter((h) => sharedHashes.has(termHash(h.key)))
      : [];
    const passage: Passage = {
      dispatch: id,
      kind: 'same-fact',
      quote: false,
      score: Math.round(pair.score * 1000) / 1000,
      page: v.sentence.span,
      source,
      diff: [],
      shared: { page: spansOf(pageText, pageHits), source: text ? spansOf(text, sourceHits) : [] },
      sharedTerms: termWords(pageText, pageHits),
    };
    if (wantHints && text) {
      passage.hints = framingHints(pageText, passage.page, text, source, page.lang);
    }
    out.push(passage);
  }
  return out.sort((a, b) => a.page.start - b.page.start || b.score - a.score || a.dispatch.localeCompare(b.dispatch));
}

/**
 * The `max` candidates with the highest partial score (active terms only): a histogram of the
 * scores gives the bar in linear time, without sorting the pool.
 */
function strongest(pool: readonly number[], partial: Float32Array, max: number): number[] {
  let top = 0;
  for (let i = 0; i < partial.length; i++) if (partial[i] > top) top = partial[i];
  const bins = new Uint32Array(256);
  const scale = top > 0 ? 255 / top : 0;
  for (let i = 0; i < partial.length; i++) bins[(partial[i] * scale) | 0]++;
  let bar = 255;
  for (let seen = bins[255]; bar > 0 && seen < max; ) seen += bins[--bar];
  const out: number[] = [];
  for (let i = 0; i < pool.length && out.length < max; i++) if (((partial[i] * scale) | 0) >= bar) out.push(pool[i]);
  return out;
}

function spansOf(text: string, hits: readonly TermHit[]): Span[] {
  return hits.map((h) => ({ start: h.start, end: h.end, text: text.slice(h.start, h.end) }));
}

/** The shared terms as the page writes them, each once. */
function termWords(text: string, hits: readonly TermHit[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of hits) {
    if (seen.has(h.key)) continue;
    seen.add(h.key);
    out.push(text.slice(h.start, h.end));
  }
  return out;
}
