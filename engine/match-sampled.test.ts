import { describe, expect, it } from 'vitest';
import { makeRng } from '../cli/prng';
import { realTextFrom } from '../cli/real-text';
import { syntheticCorpus, type TextDoc } from '../cli/synthetic-corpus';
import { match } from './match';
import { matchSampled, SampleView, sampledCandidateIds } from './match-sampled';
import { buildSegment, type Segment } from './segments/segment-set';
import { COMMON_POSTINGS, commonKeysOf, sampleOf } from './segments/text-sample';
import { TextView } from './segments/text-view';
import { realPageTexts } from './test-support/pages';
import type { Passage } from './types';

/** The bench's corpus in small: dispatches of lightly mutated real sentences, plus the real pages themselves. */
function corpus(): TextDoc[] {
  const pages = realPageTexts();
  const real = realTextFrom(pages.slice(0, 60));
  const synthetic = syntheticCorpus(real, { count: 900, seed: 7 });
  const own = pages.slice(60, 90).map((p, i) => ({ id: `page-${String(i).padStart(2, '0')}`, text: p.text.slice(0, 12_000) }));
  return [...synthetic, ...own];
}

function segmentsOf(docs: readonly TextDoc[], count: number): Segment[] {
  const size = Math.ceil(docs.length / count);
  return Array.from({ length: count }, (_, s) => buildSegment(`s${s}`, docs.slice(s * size, (s + 1) * size).map((d) => ({ ...d }))));
}

function samplesOf(segments: readonly Segment[], fraction: number, dead: (Uint8Array | null)[] = []): SampleView {
  return new SampleView(segments.map((s, g) => ({ sample: sampleOf(s.text, fraction), dead: dead[g] ?? null })));
}

function fullOf(segments: readonly Segment[], dead: (Uint8Array | null)[] = []): TextView {
  return new TextView(segments.map((s, g) => ({ index: s.text, dead: dead[g] ?? null })));
}

/** Pages that copy long passages of a few dispatches, with text of their own around. */
function copyingPages(docs: readonly TextDoc[]): { text: string; copied: string[] }[] {
  const rng = makeRng(21);
  const own = realPageTexts()[100].text.slice(0, 3000);
  return Array.from({ length: 12 }, () => {
    const copied: string[] = [];
    const parts = Array.from({ length: rng.int(1, 3) }, () => {
      const d = docs[rng.int(0, docs.length - 1)];
      copied.push(d.id);
      const from = rng.int(0, Math.max(0, d.text.length - 1500));
      return d.text.slice(from, from + rng.int(600, 1500)).replace(/ la /g, ' une ');
    });
    return { text: [own.slice(0, 800), ...parts, own.slice(800, 1600)].join('\n\n'), copied };
  });
}

const key = (p: Passage) => `${p.dispatch} ${p.page.start} ${p.page.end}`;

describe('matchSampled', () => {
  const docs = corpus();
  const byId = new Map(docs.map((d) => [d.id, d.text]));
  const getText = (id: string) => byId.get(id);
  const segments = segmentsOf(docs, 4);
  const full = fullOf(segments);

  it('gives what match gives of the dispatches a page copies long passages of, through tombstones too', () => {
    const pages = copyingPages(docs);
    const dead = segments.map((s, g) => (g === 1 ? Uint8Array.from(s.text.ids, (_, i) => (i % 7 === 0 ? 1 : 0)) : null));
    let long = 0;
    let extra = 0;
    let sampled = 0;
    for (const fraction of [2, 4, 8]) {
      const samples = samplesOf(segments, fraction, dead);
      const whole = fullOf(segments, dead);
      for (const { text: page, copied } of pages) {
        const expected = match(page, whole, getText);
        const got = matchSampled(page, samples, getText);
        // Next to nothing match would not find (beyond its 50 candidates, a page of many short
        // shared passages can have others in the sample's first 50). A stock phrase spread thinly
        // over the segments is not counted whole (see SampleView.commonCount): its passages are extra.
        const all = new Set(match(page, whole, getText, { maxCandidates: 10_000 }).passages.map((p) => JSON.stringify(p)));
        extra += got.passages.filter((p) => !all.has(JSON.stringify(p))).length;
        sampled += got.passages.length;
        // Every dispatch the page copies a long passage of: the same passages, the same verdict.
        for (const id of copied) {
          // A removed dispatch: neither finds it.
          if (expected.passages.some((p) => p.dispatch === id)) long++;
          expect(got.passages.filter((p) => p.dispatch === id)).toEqual(expected.passages.filter((p) => p.dispatch === id));
          expect(got.dispatches.find((v) => v.id === id)).toEqual(expected.dispatches.find((v) => v.id === id));
        }
      }
    }
    expect(long).toBeGreaterThan(3 * 15);
    expect(extra / sampled).toBeLessThan(0.02);
  }, 60_000);

  it('reads only the texts of its candidates', () => {
    const page = copyingPages(docs)[0].text;
    const samples = samplesOf(segments, 4);
    const wanted = new Set(sampledCandidateIds(page, samples));
    const asked = new Set<string>();
    matchSampled(page, samples, (id) => (asked.add(id), getText(id)));
    expect([...asked].every((id) => wanted.has(id))).toBe(true);
    expect(wanted.size).toBeLessThanOrEqual(200);
  });

  it('finds most passages match finds on real pages, more with larger samples', () => {
    const pages = realPageTexts()
      .slice(0, 60)
      .map((p) => p.text.slice(0, 12_000));
    const wholes = pages.map((page) => match(page, full, getText).passages);
    const expected = wholes.map((passages) => new Set(passages.map(key)));
    const total = expected.reduce((n, s) => n + s.size, 0);
    const length = (p: Passage) => p.page.end - p.page.start;
    const totalChars = wholes.flat().reduce((n, p) => n + length(p), 0);
    const share: Record<number, number> = {};
    const chars: Record<number, number> = {};
    for (const fraction of [2, 4, 8]) {
      const samples = samplesOf(segments, fraction);
      let found = 0;
      let foundChars = 0;
      pages.forEach((page, i) => {
        for (const p of matchSampled(page, samples, getText).passages) {
          if (!expected[i].has(key(p))) continue;
          found++;
          foundChars += length(p);
        }
      });
      share[fraction] = found / total;
      chars[fraction] = foundChars / totalChars;
    }
    const shares = (of: Record<number, number>) => [2, 4, 8].map((f) => `1/${f} ${(100 * of[f]).toFixed(1)}%`).join(', ');
    console.log(`sampled match on ${pages.length} real pages: share of match's ${total} passages ${shares(share)}; of their characters ${shares(chars)}`);
    expect(total).toBeGreaterThan(100);
    expect(share[2]).toBeGreaterThan(share[8]);
    expect(share[4]).toBeGreaterThan(0.85);
    expect(chars[4]).toBeGreaterThan(share[4]);
  }, 120_000);

  it('sums common keys short of the whole count by at most segments × 15', () => {
    const many = segmentsOf(docs, 9);
    const samples = samplesOf(many, 4);
    const whole = commonKeysOf({ ...buildSegment('all', docs).text });
    const postings = (hash: number) => {
      let n = 0;
      fullOf(many).postings(hash, Infinity, () => n++);
      return n;
    };
    let short = 0;
    for (let i = 0; i < whole.commonKeys.length; i += 7) {
      const hash = whole.commonKeys[i];
      const summed = samples.commonCount(hash);
      expect(postings(hash)).toBe(whole.commonCounts[i]);
      expect(summed).toBeLessThanOrEqual(whole.commonCounts[i]);
      expect(whole.commonCounts[i] - summed).toBeLessThanOrEqual(many.length * (COMMON_POSTINGS - 1));
      if (summed < whole.commonCounts[i]) short++;
    }
    // The bound is met with keys that fall short, not only with exact sums.
    expect(short).toBeGreaterThan(0);
  }, 60_000);
});
