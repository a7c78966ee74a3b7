import { dropPositions, repackLegacy, type LegacyPackedText, type PositionedPackedText } from './legacy-packed-text';
import { EARLIER_BLOCK, PACKED_LAYOUT, type PackedText } from './packed-text';
import type { TextSample } from './text-sample';
import { ByteReader, ByteWriter } from './varint';

/**
 * A segment's text sample (see TextSample) as one small blob, stored beside its text and facts
 * halves and read by a cold worker before either. Its arrays are stored as they are, aligned, and
 * read back as views on the blob: nothing is decoded when a sample is loaded.
 */
const MAGIC_SAMPLE = 0x35534352; // "RCS5"

const ARRAYS = ['docWords', 'blockKey', 'blockAt', 'data', 'commonKeys', 'commonCounts'] as const;
type ArrayName = (typeof ARRAYS)[number];
const CTOR: Record<ArrayName, Uint8ArrayConstructor | Uint32ArrayConstructor> = {
  docWords: Uint32Array,
  blockKey: Uint32Array,
  blockAt: Uint32Array,
  data: Uint8Array,
  commonKeys: Uint32Array,
  commonCounts: Uint32Array,
};

interface SampleHeader {
  id: string;
  ids: string[];
  version: PackedText['version'];
  k: number;
  w: number;
  bound: number;
  /** Absent from samples stored in the earlier block layout (see legacy-packed-text.ts). */
  layout?: number;
  keyCount?: number;
  docBits?: number;
  /** Layout 2 only. */
  posBits?: number;
  /** Keys per block; absent for EARLIER_BLOCK (samples stored before it was given). */
  block?: number;
  lengths: Record<ArrayName, number>;
}

function arraysOf(sample: TextSample): Record<ArrayName, Uint8Array | Uint32Array> {
  const { docWords, blockKey, blockAt, data } = sample.text;
  return { docWords, blockKey, blockAt, data, commonKeys: sample.commonKeys, commonCounts: sample.commonCounts };
}

export function encodeTextSample(id: string, sample: TextSample): ArrayBuffer {
  const arrays = arraysOf(sample);
  const { ids, version, k, w, layout, keyCount, docBits } = sample.text;
  // Set on a sample of layout 2 only, which tests store to check that it is still read.
  const { posBits } = sample.text as { posBits?: number };
  const lengths = Object.fromEntries(ARRAYS.map((name) => [name, arrays[name].length])) as Record<ArrayName, number>;
  const block = sample.text.block === EARLIER_BLOCK ? undefined : sample.text.block;
  const header: SampleHeader = { id, ids, version, k, w, bound: sample.bound, layout, keyCount, docBits, posBits, block, lengths };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new ByteWriter();
  out.varint(MAGIC_SAMPLE);
  out.varint(json.length);
  out.bytes(json);
  for (const name of ARRAYS) {
    const a = arrays[name];
    out.align(8);
    out.bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return out.result().buffer;
}

/** True for a sample blob. */
export function isTextSample(buffer: ArrayBuffer): boolean {
  return new ByteReader(new Uint8Array(buffer, 0, Math.min(8, buffer.byteLength))).varint() === MAGIC_SAMPLE;
}

export function decodeTextSample(buffer: ArrayBuffer): { id: string; sample: TextSample } {
  const bytes = new Uint8Array(buffer);
  const r = new ByteReader(bytes);
  if (r.varint() !== MAGIC_SAMPLE) throw new Error('decodeTextSample: not a Recoupe text sample');
  const jsonLength = r.varint();
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(r.pos, r.pos + jsonLength))) as SampleHeader;
  let pos = r.pos + jsonLength;
  const arrays = {} as Record<ArrayName, Uint8Array | Uint32Array>;
  for (const name of ARRAYS) {
    pos += (8 - (pos % 8)) % 8;
    const ctor = CTOR[name];
    arrays[name] = new ctor(buffer, pos, header.lengths[name]);
    pos += header.lengths[name] * ctor.BYTES_PER_ELEMENT;
  }
  const stored = {
    version: header.version,
    k: header.k,
    w: header.w,
    ids: header.ids,
    docWords: arrays.docWords as Uint32Array,
    blockKey: arrays.blockKey as Uint32Array,
    blockAt: arrays.blockAt as Uint32Array,
    data: arrays.data as Uint8Array,
  };
  const { layout, keyCount, docBits, posBits, block = EARLIER_BLOCK } = header;
  // Samples of an earlier layout are repacked as they are read.
  const text: PackedText =
    layout === PACKED_LAYOUT
      ? { packed: true, layout, keyCount: keyCount!, docBits: docBits!, block, ...stored }
      : layout === 2
        ? unfiltered(dropPositions({ ...stored, layout, keyCount: keyCount!, docBits: docBits!, posBits: posBits!, block } as PositionedPackedText))
        : unfiltered(repackLegacy(stored as LegacyPackedText));
  return { id: header.id, sample: { bound: header.bound, text, commonKeys: arrays.commonKeys as Uint32Array, commonCounts: arrays.commonCounts as Uint32Array } };
}

/** A repacked sample without the key filter packing made: a sample has none (see sampleOf). */
function unfiltered({ filter: _none, ...text }: PackedText): PackedText {
  return text;
}
