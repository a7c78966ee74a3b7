import type { CorpusIndex } from '../corpus-index';
import { BitWriter, bitsFor, readBits } from './bits';
import { EARLIER_BLOCK, forEachPackedKey, packText, type PackedText } from './packed-text';
import { ByteReader, ByteWriter } from './varint';

/**
 * Layout 2 of the text index: the blocks of layout 3 (EARLIER_BLOCK keys), each posting followed by the character
 * position of its shingle in `posBits` bits. Segments and samples stored so are repacked as they
 * are read, their positions left out.
 */
export interface PositionedPackedText extends Omit<PackedText, 'layout' | 'filter'> {
  layout: 2;
  posBits: number;
  filter?: Uint32Array;
}

/** An index of layout 2 in today's layout (with the key filter packing makes). */
export function dropPositions(p: PositionedPackedText): PackedText {
  const keys = new Uint32Array(p.keyCount);
  const offsets = new Uint32Array(p.keyCount + 1);
  let n = 0;
  forEachPackedKey(p, (key, count) => {
    keys[n] = key;
    offsets[n + 1] = offsets[n] + count;
    n++;
  }, 0, p.blockKey.length, p.docBits + p.posBits);
  const postDoc = new Uint32Array(offsets[n]);
  let e = 0;
  forEachPackedKey(p, (_key, count, at) => {
    for (let i = 0; i < count; i++, at += p.docBits + p.posBits) postDoc[e++] = readBits(p.data, at, p.docBits);
  }, 0, p.blockKey.length, p.docBits + p.posBits);
  return packText(plainIndex(p, keys.subarray(0, n), offsets.subarray(0, n + 1), postDoc));
}

/** An index's plain arrays around the scalars of a stored one; positions are zeros when none are given (today's layout keeps none). */
function plainIndex(p: LegacyPackedText, keys: Uint32Array, offsets: Uint32Array, postDoc: Uint32Array, postPos = new Uint32Array(postDoc.length)): CorpusIndex {
  return {
    version: p.version,
    k: p.k,
    w: p.w,
    ids: p.ids,
    docWords: p.docWords,
    keys,
    offsets,
    postDoc,
    postPos,
    // Only looked up through the packed form it is turned into.
    bucketBits: 0,
    buckets: new Uint32Array(2),
  } as unknown as CorpusIndex;
}

/**
 * The block layout text indexes were stored in before layout 2: each key as varints (gap from
 * the key before it in its block, postings count, then per posting the gap from the posting
 * before's dispatch and the character position), so a miss decoded the postings of the keys before
 * it. Segments and samples stored that way are repacked as they are read.
 */
export interface LegacyPackedText {
  version: PackedText['version'];
  k: number;
  w: number;
  ids: string[];
  docWords: Uint32Array;
  blockKey: Uint32Array;
  blockAt: Uint32Array;
  data: Uint8Array;
}

/** The plain arrays of an index in the earlier layout. */
export function unpackLegacy(p: LegacyPackedText): CorpusIndex {
  const d = p.data;
  // Every key and posting takes two bytes at least: bounds for the arrays, trimmed after.
  const keys = new Uint32Array(d.length >>> 1);
  const offsets = new Uint32Array((d.length >>> 1) + 1);
  const postDoc = new Uint32Array(d.length >>> 1);
  const postPos = new Uint32Array(d.length >>> 1);
  let n = 0;
  let e = 0;
  const r = new ByteReader(d);
  for (let b = 0; b < p.blockKey.length; b++) {
    r.pos = p.blockAt[b];
    let key = p.blockKey[b];
    while (r.pos < p.blockAt[b + 1]) {
      key += r.varint();
      const count = r.varint();
      let doc = 0;
      for (let i = 0; i < count; i++, e++) {
        doc += r.varint();
        postDoc[e] = doc;
        postPos[e] = r.varint();
      }
      keys[n++] = key;
      offsets[n] = e;
    }
  }
  return plainIndex(p, keys.slice(0, n), offsets.slice(0, n + 1), postDoc.slice(0, e), postPos.slice(0, e));
}

/** An index in the earlier layout, in today's. */
export function repackLegacy(p: LegacyPackedText): PackedText {
  return packText(unpackLegacy(p));
}

/** An index in the earlier layout (for tests that such stored indexes are still read). */
export function packLegacy(index: CorpusIndex): LegacyPackedText {
  const { keys, offsets, postDoc, postPos } = index;
  const blocks = Math.ceil(keys.length / 8);
  const blockKey = new Uint32Array(blocks);
  const blockAt = new Uint32Array(blocks + 1);
  const out = new ByteWriter();
  for (let key = 0; key < keys.length; key++) {
    const b = (key / 8) | 0;
    if (key % 8 === 0) {
      blockKey[b] = keys[key];
      blockAt[b] = out.length;
      out.varint(0);
    } else out.varint(keys[key] - keys[key - 1]);
    out.varint(offsets[key + 1] - offsets[key]);
    let doc = 0;
    for (let e = offsets[key]; e < offsets[key + 1]; e++) {
      out.varint(postDoc[e] - doc);
      doc = postDoc[e];
      out.varint(postPos[e]);
    }
  }
  blockAt[blocks] = out.length;
  const { version, k, w, ids, docWords } = index;
  return { version, k, w, ids, docWords, blockKey, blockAt, data: out.result() };
}

/** An index in layout 2, with positions (for tests that such stored indexes are still read). */
export function packPositioned(index: CorpusIndex): PositionedPackedText {
  const { keys, offsets, postDoc, postPos } = index;
  const today = packText(index, EARLIER_BLOCK);
  let maxPos = 0;
  for (let e = 0; e < postPos.length; e++) if (postPos[e] > maxPos) maxPos = postPos[e];
  const posBits = bitsFor(maxPos);
  const blockAt = new Uint32Array(today.blockAt.length);
  const out = new BitWriter();
  for (let b = 0; b < today.blockKey.length; b++) {
    // The block's mask, gaps and counts are today's bytes; only the postings differ.
    const first = b * EARLIER_BLOCK;
    const end = Math.min(first + EARLIER_BLOCK, keys.length);
    blockAt[b] = out.bytes;
    let at = today.blockAt[b];
    const bitAt = firstPostingBit(today, b);
    while (at * 8 < bitAt) out.byte(today.data[at++]);
    for (let e = offsets[first]; e < offsets[end]; e++) {
      out.write(postDoc[e], today.docBits);
      out.write(postPos[e], posBits);
    }
    out.align();
  }
  blockAt[today.blockKey.length] = out.bytes;
  const { filter, ...rest } = today;
  return { ...rest, layout: 2, posBits, blockAt, data: out.result(), filter };
}

/** Bit offset of block b's first posting in a packed index. */
function firstPostingBit(p: PackedText, b: number): number {
  let bit = -1;
  forEachPackedKey(p, (_key, _count, at) => {
    if (bit < 0) bit = at;
  }, b, b + 1);
  return bit;
}
