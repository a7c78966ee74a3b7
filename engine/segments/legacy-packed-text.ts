import type { CorpusIndex } from '../corpus-index';
import { packText, type PackedText } from './packed-text';
import { ByteReader, ByteWriter } from './varint';

/**
 * The block layout text indexes were stored in before PACKED_LAYOUT: each key as varints (gap from
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
  return {
    version: p.version,
    k: p.k,
    w: p.w,
    ids: p.ids,
    docWords: p.docWords,
    keys: keys.slice(0, n),
    offsets: offsets.slice(0, n + 1),
    postDoc: postDoc.slice(0, e),
    postPos: postPos.slice(0, e),
    // Only looked up through the packed form it is turned into.
    bucketBits: 0,
    buckets: new Uint32Array(2),
  } as unknown as CorpusIndex;
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
