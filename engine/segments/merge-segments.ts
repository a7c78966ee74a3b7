import { indexOfEntriesSteps, INDEX_VERSION, SHINGLE_WORDS, WINNOW_WINDOW } from '../corpus-index';
import { FACTS_RULES_VERSION, FactsBuilder, forEachTerm, type FactsIndex } from '../facts/facts-index';
import { emptyRecord, readSentence } from '../facts/sentence-records';
import type { TermKind } from '../facts/terms';
import { readBits } from './bits';
import { forEachPackedKey, PACKED_LAYOUT, packTextSteps, type PackedText } from './packed-text';
import type { LiveSegment, Segment } from './segment-set';
import { freshArray, runSteps, STEP_MASK, type Steps } from './steps';
import { compareIds } from './text-view';

/**
 * Merging segments from their own indexes, without analysing a text again: a segment holds, for
 * every dispatch, all its winnowed postings (key, dispatch) and, for every sentence, all
 * its fact terms and its record. What depends on the other dispatches of a segment (dispatch
 * numbers, bit widths, document frequencies, sentence counts, ranks, the list cap) is computed
 * again from the merged dispatches, by the same code a build runs after its analysis
 * (indexOfEntries, FactsBuilder): the merged segment is the one buildSegment makes of the live
 * dispatches.
 */

/**
 * True when a segment's indexes were made by this engine's rules and layout, so that its postings
 * and terms are those an analysis would give today. Others are merged by analysing their texts.
 */
export function canMergeIndexes(segment: Segment): boolean {
  const { text, facts } = segment;
  return (
    text.packed === true &&
    text.layout === PACKED_LAYOUT &&
    text.version === INDEX_VERSION &&
    text.k === SHINGLE_WORDS &&
    text.w === WINNOW_WINDOW &&
    facts.version === 1 &&
    facts.rules === FACTS_RULES_VERSION &&
    facts.sentInfo !== undefined &&
    facts.sentInfoAt !== undefined &&
    facts.byRank !== undefined
  );
}

/** Where a live dispatch of the merged segment comes from: input g, position at. */
interface Source {
  g: number;
  at: number;
  id: string;
}

/** Blocks of a packed index read per step (PACKED_BLOCK keys each, a posting or two per key). */
const BLOCKS_PER_STEP = 1024;
/** Dispatches whose sentences are added per step (a few dozen sentences each). */
const DOCS_PER_STEP = 32;

/** The segment of the live dispatches of these segments (removed ones dropped), in id order. */
export function mergeSegments(id: string, inputs: readonly LiveSegment[]): Segment {
  return runSteps(mergeSegmentsSteps(id, inputs));
}

/**
 * mergeSegments in bounded steps (see Steps): the same segment, built a few milliseconds at a
 * time, so that a worker merging a large tier still answers pages between steps.
 */
export function* mergeSegmentsSteps(id: string, inputs: readonly LiveSegment[]): Steps<Segment> {
  for (const { segment } of inputs) {
    if (!canMergeIndexes(segment)) throw new Error(`mergeSegments: segment "${segment.id}" was indexed under other rules`);
  }
  const sources: Source[] = [];
  inputs.forEach(({ segment, removed }, g) => {
    const dead = new Uint8Array(segment.text.ids.length);
    for (const at of removed) dead[at] = 1;
    segment.text.ids.forEach((doc, at) => {
      if (!dead[at]) sources.push({ g, at, id: doc });
    });
  });
  yield;
  sources.sort((a, b) => compareIds(a.id, b.id));
  yield;
  for (let d = 1; d < sources.length; d++) {
    if (sources[d].id === sources[d - 1].id) throw new Error(`mergeSegments: dispatch "${sources[d].id}" is live in two segments`);
  }
  // Number of each input dispatch in the merged segment, -1 for a removed one.
  const newDoc = inputs.map(({ segment }) => new Int32Array(segment.text.ids.length).fill(-1));
  sources.forEach((s, d) => (newDoc[s.g][s.at] = d));
  const segments = inputs.map((l) => l.segment);
  yield;
  const text = yield* mergeText(segments, sources, newDoc);
  return { id, text, facts: yield* mergeFacts(segments, sources) };
}

function* mergeText(segments: readonly Segment[], sources: readonly Source[], newDoc: readonly Int32Array[]): Steps<PackedText> {
  const n = sources.length;
  const docWords = new Uint32Array(n);
  sources.forEach((s, d) => (docWords[d] = segments[s.g].text.docWords[s.at]));
  // Live postings, input by input, key by key.
  let total = 0;
  for (const { text } of segments) {
    for (let b = 0; b < text.blockKey.length; b += BLOCKS_PER_STEP) {
      forEachPackedKey(text, (_key, count) => (total += count), b, b + BLOCKS_PER_STEP);
      yield;
    }
  }
  const hashes = new Uint32Array(total);
  const docOf = new Uint32Array(total);
  let e = 0;
  for (let g = 0; g < segments.length; g++) {
    const { text } = segments[g];
    const { data, docBits } = text;
    const to = newDoc[g];
    const each = (key: number, count: number, bitAt: number) => {
      for (let i = 0, at = bitAt; i < count; i++, at += docBits) {
        const d = to[readBits(data, at, docBits)];
        if (d < 0) continue;
        hashes[e] = key;
        docOf[e] = d;
        e++;
      }
    };
    for (let b = 0; b < text.blockKey.length; b += BLOCKS_PER_STEP) {
      forEachPackedKey(text, each, b, b + BLOCKS_PER_STEP);
      yield;
    }
  }
  // Stable counting sort by merged dispatch: postings in dispatch order, each dispatch's keys in
  // increasing order, which grouping by key turns into the order buildIndex gives (by key, then
  // dispatch). Positions are not stored (see PackedText): all left 0.
  const starts = new Uint32Array(n + 1);
  for (let i = 0; i < e; i++) {
    starts[docOf[i] + 1]++;
    if ((i & STEP_MASK) === STEP_MASK) yield;
  }
  for (let d = 0; d < n; d++) starts[d + 1] += starts[d];
  // Tens of megabytes at the largest merges, written in the dispatches' order.
  const byDoc = { hashes: yield* freshArray(e), docOf: yield* freshArray(e), posOf: yield* freshArray(e) };
  for (let i = 0; i < e; i++) {
    const j = starts[docOf[i]]++;
    byDoc.hashes[j] = hashes[i];
    byDoc.docOf[j] = docOf[i];
    if ((i & STEP_MASK) === STEP_MASK) yield;
  }
  const index = yield* indexOfEntriesSteps(sources.map((s) => s.id), docWords, byDoc);
  return yield* packTextSteps(index);
}

function* mergeFacts(segments: readonly Segment[], sources: readonly Source[]): Steps<FactsIndex> {
  // First sentence of each dispatch of each input (sentences are in dispatch order).
  const firstSentence: Uint32Array[] = [];
  for (const { facts } of segments) {
    const first = new Uint32Array(facts.ids.length + 1);
    for (let s = 0; s < facts.sentDoc.length; s++) first[facts.sentDoc[s] + 1]++;
    for (let d = 0; d < facts.ids.length; d++) first[d + 1] += first[d];
    firstSentence.push(first);
    yield;
  }
  const builder = new FactsBuilder();
  // Term ids in the builder of each input's terms: every term of the inputs is given one, and
  // those of removed dispatches alone are left out of the index as no sentence holds them.
  const termIds: Uint32Array[] = [];
  for (const { facts } of segments) {
    termIds.push(Uint32Array.from(facts.keys, (hash, k) => builder.termId(hash, facts.kinds[k] as TermKind)));
    yield;
  }
  let terms = new Uint32Array(256);
  const record = emptyRecord();
  yield;
  for (let d = 0; d < sources.length; d++) {
    if (d % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
    const { g, at, id } = sources[d];
    const facts = segments[g].facts;
    const ids = termIds[g];
    const { sentOffsets } = facts;
    builder.addDoc(id, facts.docDay[at], facts.docLang[at]);
    const end = firstSentence[g][at + 1];
    for (let s = firstSentence[g][at]; s < end; s++) {
      // The sentence's terms, as the builder's term ids.
      if (sentOffsets[s + 1] - sentOffsets[s] > terms.length) terms = new Uint32Array(sentOffsets[s + 1] - sentOffsets[s]);
      let n = 0;
      forEachTerm(facts, s, (k) => {
        terms[n++] = ids[k];
      });
      builder.addSentence(terms, readSentence(facts.sentInfo, facts.sentInfoAt, s, record), n);
    }
  }
  // As buildSegment builds a segment: every posting kept, the default list cap.
  return yield* builder.finishSteps({ keepAllPostings: true });
}
