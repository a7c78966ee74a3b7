import { describe, expect, it } from 'vitest';
import { realTextFrom } from '../../cli/real-text';
import { syntheticCorpus } from '../../cli/synthetic-corpus';
import { bucketStarts, buildIndex, findKey, INDEX_VERSION, type CorpusIndex } from '../corpus-index';
import { realPageTexts } from '../test-support/pages';
import { dropPositions, packLegacy, packPositioned, repackLegacy } from './legacy-packed-text';
import { readBits } from './bits';
import { FILTER_BITS, mayHold } from './key-filter';
import { EARLIER_BLOCK, findPacked, forEachPackedKey, PACKED_BLOCK, packText, type PackedText } from './packed-text';
import { decodeTextSample, encodeTextSample } from './sample-codec';
import { sampleOf } from './text-sample';
import { TextView } from './text-view';

/** An index of explicit keys, each with its (dispatch, position) postings. */
function indexOf(docs: number, entries: [number, [number, number][]][]): CorpusIndex {
  const keys = Uint32Array.from(entries, ([k]) => k);
  const offsets = new Uint32Array(entries.length + 1);
  const postDoc: number[] = [];
  const postPos: number[] = [];
  entries.forEach(([, list], i) => {
    for (const [d, p] of list) {
      postDoc.push(d);
      postPos.push(p);
    }
    offsets[i + 1] = postDoc.length;
  });
  const ids = Array.from({ length: docs }, (_, d) => `d-${String(d).padStart(5, '0')}`);
  return {
    version: INDEX_VERSION,
    k: 5,
    w: 4,
    ids,
    docWords: new Uint32Array(docs).fill(100),
    keys,
    offsets,
    postDoc: Uint32Array.from(postDoc),
    postPos: Uint32Array.from(postPos),
    bucketBits: 4,
    buckets: bucketStarts(keys, 4),
  } as CorpusIndex;
}

type Seen = [number, number][];

/** Every key of a packed index with its postings' dispatch numbers, in order. */
function entriesOf(p: PackedText): [number, number[]][] {
  const out: [number, number[]][] = [];
  forEachPackedKey(p, (key, count, at) => out.push([key, Array.from({ length: count }, (_, i) => readBits(p.data, at + i * p.docBits, p.docBits))]));
  return out;
}

/** Every posting visited for `hashes`, looked up one by one and all at once, through a view. */
function visitsOf(view: TextView, hashes: number[], limit: number): { one: Seen; all: Seen } {
  const one: Seen = [];
  hashes.forEach((h, i) => view.postings(h, limit, (d) => one.push([i, d])));
  const all: Seen = [];
  view.postingsOf(Uint32Array.from(hashes), limit, (i, d) => all.push([i, d]));
  return { one, all };
}

describe('packed text layout', () => {
  const docs = syntheticCorpus(realTextFrom(realPageTexts().slice(0, 12)), { count: 150, seed: 4, minWords: 80, maxWords: 300 });
  const plain = buildIndex(docs);
  const packed = packText(plain);

  it('finds the keys at block edges and misses the hashes beside them, in blocks of today and of before', () => {
    const out = new Uint32Array(2);
    for (const block of [PACKED_BLOCK, EARLIER_BLOCK]) {
      const p = packText(plain, block);
      expect(p.block).toBe(block);
      let edges = 0;
      for (let key = 0; key < plain.keys.length; key++) {
        const at = key % block;
        if (at !== 0 && at !== block - 1 && key !== plain.keys.length - 1) continue;
        edges++;
        for (const hash of [plain.keys[key] - 1, plain.keys[key], plain.keys[key] + 1]) {
          if (hash < 0 || hash > 0xffffffff) continue;
          expect(findPacked(p, hash, out)).toBe(findKey(plain, hash) >= 0);
          if (hash === plain.keys[key]) expect(out[1]).toBe(plain.offsets[key + 1] - plain.offsets[key]);
        }
      }
      expect(edges).toBeGreaterThan(50);
    }
  });

  it('an index in blocks of EARLIER_BLOCK keys (stored before the block size was) holds the same, and its sample is read as stored', () => {
    const earlier = packText(plain, EARLIER_BLOCK);
    expect(entriesOf(earlier)).toEqual(entriesOf(packed));
    const sample = sampleOf(earlier);
    const back = decodeTextSample(encodeTextSample('seg-1', sample)).sample;
    expect(back).toEqual(sample);
    expect(back.text.block).toBe(EARLIER_BLOCK);
  });

  it('looks up a page of hashes at once as one by one, with misses, repeats and removed dispatches', () => {
    const dead = new Uint8Array(plain.ids.length);
    for (let d = 1; d < dead.length; d += 4) dead[d] = 1;
    const hashes: number[] = [];
    for (let key = 0; key < plain.keys.length; key += 5) hashes.push(plain.keys[key], (plain.keys[key] + 1) >>> 0);
    // Out of order and repeated, as a page's fingerprints are.
    hashes.reverse();
    hashes.push(...hashes.slice(0, 40), 0, 0xffffffff);
    const a = new TextView([{ index: plain, dead }]);
    const b = new TextView([
      { index: packed, dead },
      { index: packText(buildIndex(docs.slice(0, 30))), dead: null },
    ]);
    const c = new TextView([
      { index: plain, dead },
      { index: buildIndex(docs.slice(0, 30)), dead: null },
    ]);
    for (const limit of [1, 3, 1000]) {
      const plainVisits = visitsOf(a, hashes, limit);
      expect(plainVisits.one.length).toBeGreaterThan(0);
      const packedVisits = visitsOf(new TextView([{ index: packed, dead }]), hashes, limit);
      expect(packedVisits.one).toEqual(plainVisits.one);
      expect(packedVisits.all).toEqual(plainVisits.one);
      const two = visitsOf(b, hashes, limit);
      expect(two.all).toEqual(two.one);
      expect(two.one).toEqual(visitsOf(c, hashes, limit).one);
    }
  });

  it('its key filter rules out absent keys only, and an index stored without one looks up the same', () => {
    const filter = packed.filter!;
    expect(filter.length * 32).toBe(Math.ceil((plain.keys.length * FILTER_BITS) / 32) * 32);
    for (const key of plain.keys) expect(mayHold(filter, key)).toBe(true);
    let passed = 0;
    const absent: number[] = [];
    for (let i = 0; absent.length < 20_000; i++) {
      const hash = Math.imul(i, 2654435761) >>> 0;
      if (findKey(plain, hash) >= 0) continue;
      absent.push(hash);
      if (mayHold(filter, hash)) passed++;
    }
    // About 6% with 8 bits per key.
    expect(passed / absent.length).toBeLessThan(0.1);
    const { filter: _f, ...before } = packed;
    const hashes = [...absent.slice(0, 2000), ...Array.from(plain.keys).filter((_, i) => i % 3 === 0)];
    const visits = visitsOf(new TextView([{ index: packed, dead: null }]), hashes, 1000);
    expect(visitsOf(new TextView([{ index: before, dead: null }]), hashes, 1000)).toEqual(visits);
    expect(visits.all.length).toBeGreaterThan(plain.keys.length / 3);
  });

  it('holds huge posting lists, a dispatch listed twice under a key, one dispatch and none', () => {
    const huge: [number, number][] = Array.from({ length: 5000 }, (_, i) => [i % 3 === 0 ? 0 : 1, i * 7]);
    huge.sort((x, y) => x[0] - y[0]);
    const entries: [number, [number, number][]][] = [
      [0, [[0, 0]]],
      [5, huge],
      [6, [[1, 2 ** 26 + 3]]],
      ...Array.from({ length: 20 }, (_, i) => [100 + i * 3, [[i % 2, i]]] as [number, [number, number][]]),
      [0xffffffff, [[0, 1], [1, 2 ** 31 + 5]]],
    ];
    const wide = indexOf(2, entries);
    const view = new TextView([{ index: packText(wide), dead: null }]);
    const plainView = new TextView([{ index: wide, dead: null }]);
    const hashes = [0, 1, 5, 6, 7, 100, 101, 157, 158, 0xfffffffe, 0xffffffff];
    expect(visitsOf(view, hashes, Infinity)).toEqual(visitsOf(plainView, hashes, Infinity));
    expect(visitsOf(view, hashes, 4999).all).toEqual(visitsOf(plainView, hashes, 4999).all);
    expect(visitsOf(view, [5], Infinity).all.length).toBe(5000);
    for (const docsIn of [0, 1]) {
      const small = indexOf(docsIn, docsIn ? entries.slice(0, 1) : []);
      const p = packText(small);
      expect(p.docBits).toBe(0);
      expect(visitsOf(new TextView([{ index: p, dead: null }]), [0, 5], Infinity)).toEqual(visitsOf(new TextView([{ index: small, dead: null }]), [0, 5], Infinity));
    }
  });

  it('an index stored with positions (layout 2) is repacked to the same, and so is its sample', () => {
    expect(dropPositions(packPositioned(plain))).toEqual(packed);
    // Its blocks were of EARLIER_BLOCK keys: the stored sample is a prefix of those.
    const sample = sampleOf(packText(plain, EARLIER_BLOCK));
    const { filter: _whole, ...withPositions } = packPositioned(plain);
    const blocks = sample.text.blockKey.length;
    const stored = { ...sample, text: { ...withPositions, blockKey: withPositions.blockKey.slice(0, blocks), blockAt: withPositions.blockAt.slice(0, blocks + 1) } };
    stored.text.data = withPositions.data.slice(0, stored.text.blockAt[blocks] + 4);
    const back = decodeTextSample(encodeTextSample('seg-1', stored as unknown as typeof sample)).sample;
    expect(entriesOf(back.text)).toEqual(entriesOf(sample.text));
    expect(back.text.block).toBe(PACKED_BLOCK);
    expect({ ...back, text: null }).toEqual({ ...sample, text: null });
  });

  it('postings without positions take three quarters of the memory of layout 2 or less', () => {
    // In blocks of the same size: larger blocks move first keys from blockKey into data as gaps.
    expect(packText(plain, EARLIER_BLOCK).data.length).toBeLessThan(packPositioned(plain).data.length * 0.75);
  });

  it('an index stored in the earlier layout is repacked to the same, and so is its sample', () => {
    expect(repackLegacy(packLegacy(plain))).toEqual(packed);
    // Its blocks were of EARLIER_BLOCK keys: the stored sample is a prefix of those.
    const sample = sampleOf(packText(plain, EARLIER_BLOCK));
    const earlier = { ...sample, text: { packed: true, ...packLegacy(plain) } };
    // A sample stored before the layout field: its blocks are the earlier layout's (a prefix of them).
    const blocks = sample.text.blockKey.length;
    earlier.text.blockKey = earlier.text.blockKey.slice(0, blocks);
    earlier.text.blockAt = earlier.text.blockAt.slice(0, blocks + 1);
    earlier.text.data = earlier.text.data.slice(0, earlier.text.blockAt[blocks]);
    const back = decodeTextSample(encodeTextSample('seg-1', earlier as unknown as typeof sample)).sample;
    expect(entriesOf(back.text)).toEqual(entriesOf(sample.text));
    expect(back.text.block).toBe(PACKED_BLOCK);
    expect({ ...back, text: null }).toEqual({ ...sample, text: null });
    const today = sampleOf(packed);
    expect(decodeTextSample(encodeTextSample('seg-1', today)).sample).toEqual(today);
  });

  it('in blocks of PACKED_BLOCK keys with FILTER_BITS per key, takes less memory than in blocks of EARLIER_BLOCK with 8', () => {
    const earlier = packText(plain, EARLIER_BLOCK);
    const bytes = (p: PackedText) => p.data.byteLength + p.blockKey.byteLength + p.blockAt.byteLength;
    expect(bytes(packed)).toBeLessThan(bytes(earlier) * 0.95);
    expect(packed.filter!.byteLength).toBeLessThanOrEqual(Math.ceil(plain.keys.length / 4) * 4);
  });

  it('takes less memory than the earlier layout', () => {
    const earlier = packLegacy(plain);
    expect(packed.data.length).toBeLessThan(earlier.data.length * 0.9);
  });
});
