import { describe, expect, it } from 'vitest';
import { makeRng } from '../../cli/prng';
import { realTextFrom } from '../../cli/real-text';
import { syntheticCorpus } from '../../cli/synthetic-corpus';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { LIST_CAP, type FactsDoc } from '../facts/facts-index';
import { realPageTexts } from '../test-support/pages';
import { canMergeIndexes, mergeSegments } from './merge-segments';
import { encodeTextSample } from './sample-codec';
import { encodeSegmentHalves } from './segment-codec';
import { buildSegment, type LiveSegment, type Segment } from './segment-set';
import { sampleOf } from './text-sample';

const DATES = ['2021-12-07', '2022-01-28', '2022-03-02', undefined];

/** Real dispatches and synthetic ones of recycled real sentences: terms in many sentences, keys in many dispatches. */
function corpus(): FactsDoc[] {
  const real = realTextFrom(realPageTexts().slice(0, 30));
  const rng = makeRng(3);
  const synthetic = syntheticCorpus(real, { count: 120, seed: 9, minWords: 80, maxWords: 500 }).map((d) => ({
    ...d,
    date: DATES[rng.int(0, DATES.length - 1)],
    language: rng.next() < 0.5 ? 'fr' : 'en',
  }));
  const seeds = bundledCorpus.slice(0, 40).map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
  return [...seeds, ...synthetic];
}

const docs = corpus();

/** The stored bytes of a segment: its two halves and its sample. */
function blobs(segment: Segment): Uint8Array[] {
  const { text, facts } = encodeSegmentHalves(segment);
  return [text, facts, encodeTextSample(segment.id, sampleOf(segment.text))].map((b) => new Uint8Array(b));
}

/**
 * Random segments of the corpus (dispatches dealt at random, so ids interleave across segments),
 * random removals, and updates: a dispatch whose earlier copy, another text, is removed.
 */
function randomInputs(seed: number): { inputs: LiveSegment[]; live: FactsDoc[] } {
  const rng = makeRng(seed);
  const parts: FactsDoc[][] = Array.from({ length: rng.int(2, 6) }, () => []);
  const removed: number[][] = parts.map(() => []);
  const live: FactsDoc[] = [];
  for (const doc of docs) {
    const g = rng.int(0, parts.length - 1);
    if (rng.next() < 0.1 && g > 0) {
      // An update: the earlier copy, in an earlier segment, says something else and is removed.
      const old = rng.int(0, g - 1);
      parts[old].push({ ...doc, text: `${doc.text.slice(0, 300)} Une autre version de cette dépêche.` });
      parts[g].push(doc);
      live.push(doc);
    } else {
      parts[g].push(doc);
      if (rng.next() < 0.2) continue;
      live.push(doc);
    }
  }
  const liveIds = new Set(live.map((d) => d.id));
  const inputs = parts.map((part, g) => {
    const segment = buildSegment(`in-${g}`, part);
    segment.text.ids.forEach((id, at) => {
      const doc = part.find((d) => d.id === id)!;
      if (!liveIds.has(id) || !live.includes(doc)) removed[g].push(at);
    });
    return { segment, removed: removed[g] };
  });
  return { inputs, live };
}

describe('mergeSegments', () => {
  it('makes, from segments with removals and updates, the blobs buildSegment makes of the live dispatches', () => {
    for (const seed of [1, 2, 3]) {
      const { inputs, live } = randomInputs(seed);
      expect(inputs.some((l) => l.removed.length > 0)).toBe(true);
      const merged = mergeSegments('m', inputs);
      const built = buildSegment('m', live);
      expect(merged.text.ids).toEqual(built.text.ids);
      // The corpus reaches the list cap, and the removals change document frequencies and ranks.
      expect(Array.from(merged.facts.counts).some((c) => c > LIST_CAP)).toBe(true);
      expect(blobs(merged)).toEqual(blobs(built));
    }
  }, 240_000);

  it('keeps exact through merges of merges (each tier merges the segments of the one below)', () => {
    const { inputs, live } = randomInputs(7);
    const half = Math.ceil(inputs.length / 2);
    const first = mergeSegments('a', inputs.slice(0, half));
    const second = mergeSegments('b', inputs.slice(half));
    const top = mergeSegments('m', [
      { segment: first, removed: [] },
      { segment: second, removed: [0] },
    ]);
    const gone = second.text.ids[0];
    expect(blobs(top)).toEqual(blobs(buildSegment('m', live.filter((d) => d.id !== gone))));
  }, 120_000);

  it('drops segments whose dispatches are all removed, down to an empty segment', () => {
    const segment = buildSegment('one', docs.slice(0, 5));
    const merged = mergeSegments('m', [{ segment, removed: [0, 1, 2, 3, 4] }]);
    expect(merged.text.ids).toEqual([]);
    expect(blobs(merged)).toEqual(blobs(buildSegment('m', [])));
  });

  it('refuses segments indexed under other rules, which are merged by analysing their texts', () => {
    const segment = buildSegment('one', docs.slice(0, 3));
    expect(canMergeIndexes(segment)).toBe(true);
    const older = { ...segment, facts: { ...segment.facts, rules: 'older' } };
    expect(canMergeIndexes(older)).toBe(false);
    expect(() => mergeSegments('m', [{ segment: older, removed: [] }])).toThrow(/other rules/);
  });

  it('refuses a dispatch live in two segments', () => {
    const a = buildSegment('a', docs.slice(0, 3));
    const b = buildSegment('b', docs.slice(2, 4));
    expect(() => mergeSegments('m', [{ segment: a, removed: [] }, { segment: b, removed: [] }])).toThrow(/live in two/);
  });
});
