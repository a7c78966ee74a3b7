import type { Passage, Span } from '../types';
import { framingHints } from '../hints/framing';
import { compareIds } from '../segments/text-view';
import { factsView, type FactsView } from '../segments/facts-view';
import { viewVector, type ViewVector } from '../segments/facts-vector';
import { isListed, postingLists, termHash, WALK_BUDGET, type FactsIndex } from './facts-index';
import { addList, addPostings, collectPool, roomFor, scratchFor } from './candidate-pool';
import { emptyRecord, readSentence } from './sentence-records';
import { SAME_FACT_THRESHOLD, boundingNorm, isSameFact, rankedTerms, scoreSentence, type PairScore, type RankedTerms } from './score';
import { keepPageAnalysis } from './page-analysis';
import { mayShareEnough } from './share-bound';
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
  /**
   * Walk every term's postings, common ones included, and score every candidate exactly: the
   * reference the bounded candidate generation is measured against (slow on a big corpus).
   */
  exhaustive?: boolean;
}

const DEFAULT_MAX_PER_SENTENCE = 8;
/** At most this many candidate sentences are scored exactly per page sentence. */
const MAX_EXACT = 100;
/** Scratch of mayShareEnough: the page sentence's glosses a candidate holds a stem of. */
let glossMet = new Uint8Array(16);
export { WALK_BUDGET };


/** A corpus sentence: its segment, its position there, and the dispatch it belongs to. */
interface Found {
  v: ViewVector;
  g: number;
  s: number;
  pair: PairScore;
}

/**
 * Sentences of other dispatches that tell the same facts as the page's sentences. Candidates come
 * from the postings of the page's rarer content terms (never all sentence pairs); each is then
 * scored exactly (see scorePair) and kept above the calibrated threshold, best per dispatch.
 * `index` is one facts index or the segments of one: both give the same pairs.
 */
export function alignFacts(pageText: string, index: FactsIndex | FactsView, options: AlignFactsOptions = {}): Passage[] {
  const view = factsView(index);
  const threshold = options.threshold ?? SAME_FACT_THRESHOLD;
  const maxPer = options.maxPerSentence ?? DEFAULT_MAX_PER_SENTENCE;
  const pageDay = dayNumber(options.pageDate);
  const parts = view.parts;
  const excluded = parts.map((_, g) => view.excluded(g, options.exclude));
  const buffers = scratchFor(view.bases[parts.length]);
  const { acc } = buffers;
  const page = analyzeText(pageText, options.pageLanguage, options.pageDate);
  keepPageAnalysis(pageText, page);
  const found: Found[] = [];
  // Sentences in dispatch id order, then in their dispatch's order: the order of one rebuilt index.
  const before = (g1: number, s1: number, g2: number, s2: number) => {
    const a = parts[g1].index;
    const b = parts[g2].index;
    return compareIds(a.ids[a.sentDoc[s1]], b.ids[b.sentDoc[s2]]) || s1 - s2;
  };
  const vectors: { v: ViewVector; walk: Uint8Array }[] = [];
  for (const sentence of page.sentences) {
    const v = viewVector(sentence, view);
    if (v.content < 2) continue;
    vectors.push({ v, walk: options.exhaustive ? v.kinds.map((k, i) => (v.own[i] && isContent(k) ? 1 : 0)) : walkedTerms(v) });
  }
  const derived = derivedPostings(vectors, view);
  for (const { v, walk } of vectors) {
    let nTouched = 0;
    // A gloss proposes no candidates: it counts once, as a passive term, whatever its stems.
    let passive = 0;
    for (let g = 0; g < v.glossWeights.length; g++) passive += v.glossWeights[g] * v.glossWeights[g];
    for (let i = 0; i < v.hashes.length; i++) {
      const w2 = v.weights[i] * v.weights[i];
      if (!walk[i]) {
        if (v.own[i]) passive += w2;
        continue;
      }
      for (let g = 0; g < parts.length; g++) {
        const k = v.local[g][i];
        if (k < 0) continue;
        const list = derived[g]?.get(k);
        if (list) {
          roomFor(buffers, nTouched + list.length);
          nTouched = addList(acc, buffers.touched, buffers.touchedPart, nTouched, list, view.bases[g], g, w2);
          continue;
        }
        const { postings, postingAt } = parts[g].index;
        // A list of so many bytes holds at most as many sentences.
        roomFor(buffers, nTouched + postingAt[k + 1] - postingAt[k]);
        nTouched = addPostings(acc, buffers.touched, buffers.touchedPart, nTouched, postings, postingAt[k], postingAt[k + 1], view.bases[g], g, w2);
      }
    }
    const pool: number[] = [];
    collectPool(view, excluded, buffers, nTouched, passive, threshold * boundingNorm(v), pool);
    const candidates =
      pool.length > MAX_EXACT && !options.exhaustive
        ? strongest(pool, buffers.partial.subarray(0, pool.length), MAX_EXACT, (handles) => inCorpusOrder(view, handles))
        : pool;
    const bestByDoc = new Map<string, { g: number; s: number; pair: PairScore }>();
    const ranked: (RankedTerms | undefined)[] = [];
    for (const h of candidates) {
      const g = view.partOf(h);
      const s = h - view.bases[g];
      const ix = parts[g].index;
      // Shared terms are collected only for the pairs kept: most candidates fail.
      const rk = (ranked[g] ??= rankedTerms(v.local[g], ix));
      if (glossMet.length < v.glossHashes.length) glossMet = new Uint8Array(v.glossHashes.length * 2);
      if (!mayShareEnough(v, v.local[g], ix, s, rk, glossMet)) continue;
      const pair = scoreSentence(v, v.local[g], ix, s, view.norm(g, s), pageDay, false, rk);
      if (!isSameFact(pair, threshold)) continue;
      const id = ix.ids[ix.sentDoc[s]];
      const best = bestByDoc.get(id);
      if (!best || pair.score > best.pair.score) bestByDoc.set(id, { g, s, pair });
    }
    const kept = [...bestByDoc.values()].sort((a, b) => b.pair.score - a.pair.score || before(a.g, a.s, b.g, b.s)).slice(0, maxPer);
    for (const k of kept) {
      found.push({ v, g: k.g, s: k.s, pair: scoreSentence(v, v.local[k.g], parts[k.g].index, k.s, view.norm(k.g, k.s), pageDay, true, ranked[k.g]) });
    }
  }
  const wantHints = options.hints ?? options.getText !== undefined;
  const texts = new Map<string, string | undefined>();
  const out: Passage[] = [];
  for (const { v, g, s, pair } of found) {
    const index = parts[g].index;
    const id = index.ids[index.sentDoc[s]];
    if (!texts.has(id)) texts.set(id, options.getText?.(id));
    const text = texts.get(id);
    if (options.getText && text === undefined) continue;
    const { start, end, lang } = readSentence(index.sentInfo, index.sentInfoAt, s, emptyRecord());
    const source: Span = { start, end, text: text?.slice(start, end) ?? '' };
    // A gloss met across languages: the page words that give it, the source words of its stems.
    const sharedHashes = new Set(pair.shared.map((i) => v.hashes[i]));
    if (pair.crossLanguage) for (const i of pair.shared) if (v.glossOf[i] >= 0) sharedHashes.add(v.glossHashes[v.glossOf[i]]);
    const pageHits = v.sentence.hits.filter((h) => sharedHashes.has(termHash(h.key)));
    const sourceHits = text
      ? analyzeSpan(text, lang ? 'en' : 'fr', start, end).hits.filter((h) => sharedHashes.has(termHash(h.key)))
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
 * Per segment, the postings of the walked terms it does not store (see FactsIndex.listCap), read
 * from its forward lists in one pass for the whole page; null for a segment that stores them all.
 */
function derivedPostings(vectors: readonly { v: ViewVector; walk: Uint8Array }[], view: FactsView): (Map<number, Uint32Array> | null)[] {
  return view.parts.map(({ index }, g) => {
    if (index.listCap === undefined) return null;
    const ks: number[] = [];
    for (const { v, walk } of vectors) {
      for (let i = 0; i < walk.length; i++) {
        const k = v.local[g][i];
        if (walk[i] && k >= 0 && !isListed(index, k)) ks.push(k);
      }
    }
    return ks.length ? postingLists(index, ks) : null;
  });
}

/**
 * The terms of a page sentence whose postings are walked for candidates: its content terms that are
 * neither common nor in more than WALK_BUDGET sentences, rarest first, until WALK_BUDGET postings
 * are walked (so fewer than twice that in all). The others count as passive terms (present in the
 * exact score, not proposing candidates). Rarity is counted in live corpus sentences, ties broken
 * by hash: the choice does not depend on how the corpus is segmented.
 */
export function walkedTerms(v: Pick<ViewVector, 'hashes' | 'kinds' | 'common' | 'sentences' | 'own'>): Uint8Array {
  const order: number[] = [];
  for (let i = 0; i < v.hashes.length; i++) if (v.own[i] && isContent(v.kinds[i]) && !v.common[i] && v.sentences[i] <= WALK_BUDGET) order.push(i);
  order.sort((a, b) => v.sentences[a] - v.sentences[b] || v.hashes[a] - v.hashes[b]);
  const walk = new Uint8Array(v.hashes.length);
  let walked = 0;
  for (const i of order) {
    if (walked >= WALK_BUDGET) break;
    walk[i] = 1;
    walked += v.sentences[i];
  }
  return walk;
}

/**
 * The `max` candidates with the highest partial score (active terms only): a histogram of the
 * scores gives the bar in linear time, without sorting the pool. Those at the bar are taken in
 * `order`, so the choice does not depend on how the postings were laid out; the pool order is kept.
 */
function strongest(pool: readonly number[], partial: Float32Array, max: number, order: (handles: number[]) => number[]): number[] {
  let top = 0;
  for (let i = 0; i < partial.length; i++) if (partial[i] > top) top = partial[i];
  const bins = new Uint32Array(256);
  const scale = top > 0 ? 255 / top : 0;
  for (let i = 0; i < partial.length; i++) bins[(partial[i] * scale) | 0]++;
  let bar = 255;
  for (let seen = bins[255]; bar > 0 && seen < max; ) seen += bins[--bar];
  let above = 0;
  const atBar: number[] = [];
  for (let i = 0; i < pool.length; i++) {
    const bin = (partial[i] * scale) | 0;
    if (bin > bar) above++;
    else if (bin === bar) atBar.push(pool[i]);
  }
  const chosen = new Set(order(atBar).slice(0, Math.max(0, max - above)));
  const out: number[] = [];
  for (let i = 0; i < pool.length && out.length < max; i++) {
    const bin = (partial[i] * scale) | 0;
    if (bin > bar || (bin === bar && chosen.has(pool[i]))) out.push(pool[i]);
  }
  return out;
}

/**
 * Sentence handles in the order of one rebuilt index (dispatch id, then position), each handle's
 * dispatch id read once: the bar of `strongest` can hold hundreds of candidates, and a comparison
 * that searched for both segments each time cost more than the rest of the choice.
 */
function inCorpusOrder(view: FactsView, handles: readonly number[]): number[] {
  const keyed = handles.map((h) => {
    const g = view.partOf(h);
    const s = h - view.bases[g];
    const ix = view.parts[g].index;
    return { h, id: ix.ids[ix.sentDoc[s]], s };
  });
  keyed.sort((a, b) => compareIds(a.id, b.id) || a.s - b.s);
  return keyed.map((k) => k.h);
}

/** The spans of the shared hits, each once: a word's stem and its gloss cover the same span. */
function spansOf(text: string, hits: readonly TermHit[]): Span[] {
  const seen = new Set<string>();
  const out: Span[] = [];
  for (const h of hits) {
    const at = `${h.start}:${h.end}`;
    if (seen.has(at)) continue;
    seen.add(at);
    out.push({ start: h.start, end: h.end, text: text.slice(h.start, h.end) });
  }
  return out;
}

/** The shared terms as the page writes them, each once. */
function termWords(text: string, hits: readonly TermHit[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of hits) {
    const at = `${h.start}:${h.end}`;
    if (seen.has(h.key) || seen.has(at)) continue;
    seen.add(h.key);
    seen.add(at);
    out.push(text.slice(h.start, h.end));
  }
  return out;
}
