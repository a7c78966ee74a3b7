import { INDEX_VERSION, type CorpusIndex } from '../corpus-index';
import { BitWriter, bitsFor, readBits } from './bits';
import { buildFilter, mayHold } from './key-filter';
import { runSteps, type Steps } from './steps';

/**
 * Keys per block: a lookup searches the blocks' first keys, then reads at most this many keys.
 * A multiple of 8 (the block's mask takes whole bytes).
 */
export const PACKED_BLOCK = 32;

/** Keys per block of the indexes stored before the block size was given (their header lacks it). */
export const EARLIER_BLOCK = 8;

/**
 * The block layout below. Layout 2 was the same with a character position after each dispatch
 * number, and a text index stored without a layout has the first one: both are read and repacked
 * (see legacy-packed-text.ts).
 */
export const PACKED_LAYOUT = 3;

/**
 * A segment's text index as it is stored and held, read in place: a cold worker decodes nothing
 * when it loads a segment, only the few postings a page's fingerprints look up. Keys are in blocks
 * of `block` (PACKED_BLOCK when built today); a block is, from a whole byte:
 * - block / 8 bytes (least significant first), bit i set when the block's key i has more than one
 *   posting (most have one);
 * - varints: the gap of each key after the first from the key before it;
 * - varints: the postings count less 2 of each key with its bit set, in key order;
 * - from the next whole byte, the postings of its keys in key order, each a dispatch number of
 *   `docBits` bits, a key's postings in dispatch order (a key found twice in a dispatch is listed
 *   twice).
 * Most look-ups miss: they read the block's key gaps and stop, and a hit skips the postings before
 * its own by counting, not decoding them. Where in the dispatch a key was found is not held: it
 * was nearly half the index, and match finds it again in the few candidates' texts it reads anyway
 * (see placeHits).
 */
export interface PackedText {
  packed: true;
  layout: typeof PACKED_LAYOUT;
  version: typeof INDEX_VERSION;
  k: number;
  w: number;
  ids: string[];
  docWords: Uint32Array;
  /** Keys in the index: every block holds `block` of them but the last. */
  keyCount: number;
  /** Keys per block: PACKED_BLOCK, or EARLIER_BLOCK in an index stored before it was given. */
  block: number;
  docBits: number;
  /** First key of each block, increasing. */
  blockKey: Uint32Array;
  /** Byte offset of each block in `data`, and the end of the last one. */
  blockAt: Uint32Array;
  data: Uint8Array;
  /**
   * Which keys may be in the index (see mayHold), FILTER_BITS per key: a look-up of a key it rules
   * out reads nothing else. Absent from segments stored before it, which are searched without it.
   */
  filter?: Uint32Array;
}

export function isPacked(index: CorpusIndex | PackedText): index is PackedText {
  return (index as PackedText).packed === true;
}

/** Blocks packed per step (see Steps): PACKED_BLOCK keys each, a posting or two per key. */
const PACK_BLOCKS_PER_STEP = 1024;

export function packText(index: CorpusIndex, block = PACKED_BLOCK): PackedText {
  return runSteps(packTextSteps(index, block));
}

/** packText in bounded steps (see Steps); `block` other than PACKED_BLOCK for tests of earlier layouts. */
export function* packTextSteps(index: CorpusIndex, block = PACKED_BLOCK): Steps<PackedText> {
  const { keys, offsets, postDoc } = index;
  const blocks = Math.ceil(keys.length / block);
  const blockKey = new Uint32Array(blocks);
  const blockAt = new Uint32Array(blocks + 1);
  const docBits = bitsFor(Math.max(0, index.ids.length - 1));
  const out = new BitWriter();
  for (let b = 0; b < blocks; b++) {
    if (b % PACK_BLOCKS_PER_STEP === PACK_BLOCKS_PER_STEP - 1) yield;
    const first = b * block;
    const end = Math.min(first + block, keys.length);
    blockKey[b] = keys[first];
    out.align();
    blockAt[b] = out.bytes;
    for (let m = first; m < first + block; m += 8) {
      let mask = 0;
      for (let key = m; key < Math.min(m + 8, end); key++) if (offsets[key + 1] - offsets[key] > 1) mask |= 1 << (key - m);
      out.byte(mask);
    }
    for (let key = first + 1; key < end; key++) out.varint(keys[key] - keys[key - 1]);
    for (let key = first; key < end; key++) if (offsets[key + 1] - offsets[key] > 1) out.varint(offsets[key + 1] - offsets[key] - 2);
    out.align();
    for (let key = first; key < end; key++) {
      for (let e = offsets[key]; e < offsets[key + 1]; e++) {
        // Postings of a key are in dispatch order, as one index of the live dispatches lists them.
        if (e > offsets[key] && postDoc[e] < postDoc[e - 1]) throw new Error('packText: postings are not in dispatch order');
        out.write(postDoc[e], docBits);
      }
    }
  }
  out.align();
  blockAt[blocks] = out.bytes;
  yield;
  return {
    packed: true,
    layout: PACKED_LAYOUT,
    version: index.version,
    k: index.k,
    w: index.w,
    ids: index.ids,
    docWords: index.docWords,
    keyCount: keys.length,
    block,
    docBits,
    blockKey,
    blockAt,
    data: out.result(),
    filter: buildFilter(keys),
  };
}

/**
 * Finds `hash` on its own: true with out[0] = bit offset of its first posting and out[1] = its
 * postings count, or false.
 */
export function findPacked(p: PackedText, hash: number, out: Uint32Array | Float64Array): boolean {
  seekPacked(p, hash, out);
  return out[1] > 0;
}

/**
 * Where each block of a packed index starts in a table indexed by its first key: entry t is the
 * first block whose first key maps to t or more (see bucketOf). A look-up then reads one or two
 * entries and a few neighbouring block keys, where a search of the block keys alone touches a
 * cache line per step in a large segment; most look-ups miss, so that search was most of match.
 * Made on a segment's first look-up and held beside it: 2 to 4 bytes per block, about 1/60 of the index.
 */
interface BlockTable {
  /** Buckets: a power of two, at most the blocks. */
  size: number;
  first: Uint32Array;
}

const tables = new WeakMap<PackedText, BlockTable>();

/**
 * Keys are winnowed fingerprints, minima of shingle hashes, so small ones are far more common:
 * about as common as the minimum of three uniform values, whose distribution 1 - (1 - x)^3 maps
 * them to evenly filled buckets. Any non-decreasing map gives the same look-ups; this one keeps
 * them short.
 */
function bucketOf(key: number, size: number): number {
  const y = 1 - key * 2 ** -32;
  // min: 1 - y^3 rounds to 1 for the very largest keys.
  return Math.min(size - 1, Math.floor((1 - y * y * y) * size));
}

function blockTable(p: PackedText): BlockTable {
  let table = tables.get(p);
  if (table) return table;
  const bk = p.blockKey;
  let size = 1;
  while (size * 2 <= bk.length) size *= 2;
  const first = new Uint32Array(size + 1);
  let t = 0;
  for (let b = 0; b < bk.length; b++) for (const u = bucketOf(bk[b], size); t <= u; ) first[t++] = b;
  while (t <= size) first[t++] = bk.length;
  tables.set(p, (table = { size, first }));
  return table;
}

/**
 * Looks up `hash`: sets out[1] = postings count (0 when absent) and, when found, out[0] = bit
 * offset of the first posting. The block holding it is the last whose first key is at most
 * `hash`: blocks before first[t] have smaller buckets, so smaller keys, and blocks from first[t + 1]
 * on have larger keys; it is among the few between.
 */
export function seekPacked(p: PackedText, hash: number, out: Uint32Array | Float64Array): void {
  out[1] = 0;
  const bk = p.blockKey;
  if (bk.length === 0 || (p.filter && !mayHold(p.filter, hash))) return;
  const { size, first } = blockTable(p);
  const t = bucketOf(hash, size);
  let b = first[t + 1] - 1;
  const lo = first[t] > 0 ? first[t] - 1 : 0;
  while (b > lo && bk[b] > hash) b--;
  if (b < 0 || bk[b] > hash) return;
  findInBlock(p, b, hash, out);
}

/** The look-up within block `b`, whose first key is at most `hash`. */
function findInBlock(p: PackedText, b: number, hash: number, out: Uint32Array | Float64Array): void {
  const d = p.data;
  const start = p.blockAt[b];
  const n = Math.min(p.block, p.keyCount - b * p.block);
  let at = start + (p.block >>> 3);
  let key = p.blockKey[b];
  let j = 0;
  // The key gaps: a miss reads nothing else.
  // Varints read with a running scale, not 2 ** shift: this loop is most of a look-up.
  while (key < hash) {
    if (++j === n) return;
    let byte = d[at++];
    key += byte & 0x7f;
    for (let scale = 128; byte & 0x80; scale *= 128) {
      byte = d[at++];
      key += (byte & 0x7f) * scale;
    }
  }
  if (key !== hash) return;
  // A hit: past the remaining gaps, the counts of the keys up to j give where its postings start.
  for (let i = j + 1; i < n; i++) while (d[at++] & 0x80);
  let before = 0;
  let count = 1;
  for (let i = 0; i <= j; i++) {
    let c = 1;
    if (d[start + (i >>> 3)] & (1 << (i & 7))) {
      let byte = d[at++];
      c = 2 + (byte & 0x7f);
      for (let scale = 128; byte & 0x80; scale *= 128) {
        byte = d[at++];
        c += (byte & 0x7f) * scale;
      }
    }
    if (i < j) before += c;
    else count = c;
  }
  // Past the other keys' counts to the postings.
  for (let i = j + 1; i < n; i++) if (d[start + (i >>> 3)] & (1 << (i & 7))) while (d[at++] & 0x80);
  out[0] = at * 8 + before * p.docBits;
  out[1] = count;
}

/**
 * Calls `each(key, count, bitAt)` for every key of a packed index, in increasing order; or for
 * those of blocks `from` to `to` (excluded) only, which lets long walks pause between blocks.
 * `bitsPer` is the width of a posting: wider in the earlier layout read by legacy-packed-text.ts.
 */
export function forEachPackedKey(
  p: Pick<PackedText, 'data' | 'blockKey' | 'blockAt' | 'keyCount' | 'docBits' | 'block'>,
  each: (key: number, count: number, bitAt: number) => void,
  from = 0,
  to = p.blockKey.length,
  bitsPer = p.docBits,
): void {
  const d = p.data;
  const counts = new Uint32Array(p.block);
  const keys = new Float64Array(p.block);
  const varint = (at: number[]): number => {
    let v = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = d[at[0]++];
      v += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return v;
  };
  const end = Math.min(to, p.blockKey.length);
  for (let b = from; b < end; b++) {
    const n = Math.min(p.block, p.keyCount - b * p.block);
    const start = p.blockAt[b];
    const at = [start + (p.block >>> 3)];
    keys[0] = p.blockKey[b];
    for (let i = 1; i < n; i++) keys[i] = keys[i - 1] + varint(at);
    for (let i = 0; i < n; i++) counts[i] = d[start + (i >>> 3)] & (1 << (i & 7)) ? 2 + varint(at) : 1;
    let bit = at[0] * 8;
    for (let i = 0; i < n; i++) {
      each(keys[i], counts[i], bit);
      bit += counts[i] * bitsPer;
    }
  }
}

/** Postings of dispatches marked dead among `count` postings from bit `at`. */
export function countDeadPostings(p: PackedText, at: number, count: number, dead: Uint8Array): number {
  const { data, docBits } = p;
  let n = 0;
  for (let i = 0; i < count; i++, at += docBits) n += dead[readBits(data, at, docBits)];
  return n;
}

/** Bytes the packed index holds in memory. */
export function packedBytes(p: PackedText): number {
  return p.blockKey.byteLength + p.blockAt.byteLength + p.data.byteLength + p.docWords.byteLength + (p.filter?.byteLength ?? 0);
}
