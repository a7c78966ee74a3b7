import { INDEX_VERSION, type CorpusIndex } from '../corpus-index';
import { ByteWriter } from './varint';

/** Keys per block: a lookup binary-searches the blocks' first keys, then reads at most this many entries. */
export const PACKED_BLOCK = 8;

/**
 * A segment's text index as it is stored and held: the postings of each key as varints in one
 * byte array, in blocks of PACKED_BLOCK keys. A key's entry is the gap from the key before it in
 * its block (0 for the block's first), its postings count, then per posting the gap from the
 * posting before's dispatch and the character position. About 2.5 times smaller than the plain
 * arrays (keys, offsets, postDoc, postPos and the bucket table), and read in place: a cold worker
 * decodes nothing when it loads a segment, only the few postings a page's fingerprints look up.
 */
export interface PackedText {
  packed: true;
  version: typeof INDEX_VERSION;
  k: number;
  w: number;
  ids: string[];
  docWords: Uint32Array;
  /** First key of each block, increasing. */
  blockKey: Uint32Array;
  /** Byte offset of each block in `data`, and the end of the last one. */
  blockAt: Uint32Array;
  data: Uint8Array;
}

export function isPacked(index: CorpusIndex | PackedText): index is PackedText {
  return (index as PackedText).packed === true;
}

export function packText(index: CorpusIndex): PackedText {
  const { keys, offsets, postDoc, postPos } = index;
  const blocks = Math.ceil(keys.length / PACKED_BLOCK);
  const blockKey = new Uint32Array(blocks);
  const blockAt = new Uint32Array(blocks + 1);
  const out = new ByteWriter();
  const put = (v: number) => out.varint(v);
  for (let key = 0; key < keys.length; key++) {
    const b = (key / PACKED_BLOCK) | 0;
    if (key % PACKED_BLOCK === 0) {
      blockKey[b] = keys[key];
      blockAt[b] = out.length;
      put(0);
    } else put(keys[key] - keys[key - 1]);
    put(offsets[key + 1] - offsets[key]);
    let doc = 0;
    for (let e = offsets[key]; e < offsets[key + 1]; e++) {
      // Postings of a key are in dispatch order: the gaps are small and never negative.
      if (postDoc[e] < doc) throw new Error('packText: postings are not in dispatch order');
      put(postDoc[e] - doc);
      doc = postDoc[e];
      put(postPos[e]);
    }
  }
  blockAt[blocks] = out.length;
  return {
    packed: true,
    version: index.version,
    k: index.k,
    w: index.w,
    ids: index.ids,
    docWords: index.docWords,
    blockKey,
    blockAt,
    data: out.result(),
  };
}

/**
 * Finds `hash`: true with out[0] = byte offset of its first posting and out[1] = its postings
 * count, or false. Allocates nothing: it runs for every fingerprint of a page in every segment.
 */
export function findPacked(p: PackedText, hash: number, out: Uint32Array): boolean {
  const bk = p.blockKey;
  let lo = 0;
  let hi = bk.length - 1;
  if (hi < 0 || hash < bk[0]) return false;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (bk[mid] <= hash) lo = mid;
    else hi = mid - 1;
  }
  const d = p.data;
  let at = p.blockAt[lo];
  const end = p.blockAt[lo + 1];
  let key = bk[lo];
  while (at < end) {
    let v = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = d[at++];
      v += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    key += v;
    if (key > hash) return false;
    let count = 0;
    shift = 0;
    do {
      byte = d[at++];
      count += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    if (key === hash) {
      out[0] = at;
      out[1] = count;
      return true;
    }
    // Skips the postings: two varints each.
    for (let skip = count * 2; skip > 0; at++) if (!(d[at] & 0x80)) skip--;
  }
  return false;
}

/** Postings of dispatches marked dead among `count` postings from byte `at`. */
export function countDeadPostings(d: Uint8Array, at: number, count: number, dead: Uint8Array): number {
  let doc = 0;
  let n = 0;
  for (let i = 0; i < count; i++) {
    let v = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = d[at++];
      v += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    doc += v;
    n += dead[doc];
    // The position.
    while (d[at++] & 0x80);
  }
  return n;
}

/** Bytes the packed index holds in memory. */
export function packedBytes(p: PackedText): number {
  return p.blockKey.byteLength + p.blockAt.byteLength + p.data.byteLength + p.docWords.byteLength;
}
