import { bucketStarts, type CorpusIndex } from '../corpus-index';
import type { FactsIndex } from '../facts/facts-index';
import { dropPositions, repackLegacy, type LegacyPackedText, type PositionedPackedText } from './legacy-packed-text';
import { EARLIER_BLOCK, PACKED_LAYOUT, packText, type PackedText } from './packed-text';
import type { Segment } from './segment-set';
import { ByteReader, ByteWriter } from './varint';

/**
 * One segment as one binary blob (an ArrayBuffer IndexedDB stores and returns as is), so a cold
 * worker copies a few buffers instead of deserialising one object of millions of numbers.
 * - 'raw': every typed array at an aligned offset, read back as views on the blob (no decoding).
 * - 'packed': sorted runs delta-encoded, everything as LEB128 varints (smaller, decoded in a loop).
 * The header (ids, scalars, array layout) is JSON. The text index is in its packed form (see
 * PackedText) under either format: already compact, it is read in place. Blobs of the first layout
 * ("RCS1", plain text arrays) are still read, and packed as they are read.
 */
export type SegmentFormat = 'raw' | 'packed';

const MAGIC_V1 = 0x31534352; // "RCS1": plain text arrays
const MAGIC = 0x32534352; // "RCS2": packed text
const MAGIC_TEXT = 0x33534352; // "RCS3": the text half of a segment (packed text)
const MAGIC_FACTS = 0x34534352; // "RCS4": the facts half of a segment

type Ctor = Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor | Int32ArrayConstructor | Float32ArrayConstructor | Float64ArrayConstructor;
type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** How a field is packed: deltas from the previous value, restarting at each run of `runs`. */
interface Field {
  name: string;
  type: string;
  runs?: string;
  signed?: boolean;
  /** Written as its bytes under both formats (floats; data already packed). */
  asIs?: boolean;
}

const TEXT_V1: Field[] = [
  { name: 'keys', type: 'u32', runs: 'all' },
  { name: 'offsets', type: 'u32', runs: 'all' },
  { name: 'postDoc', type: 'u32', runs: 'offsets' },
  { name: 'postPos', type: 'u32' },
  { name: 'docWords', type: 'u32' },
];
const TEXT: Field[] = [
  { name: 'docWords', type: 'u32' },
  { name: 'blockKey', type: 'u32', runs: 'all' },
  { name: 'blockAt', type: 'u32', runs: 'all' },
  // Already varints: copied as they are under both formats.
  { name: 'data', type: 'u8', asIs: true },
  // Random bits: copied as they are. Absent from blobs stored before it (their lengths lack it).
  { name: 'filter', type: 'u32', asIs: true },
];
const FACTS: Field[] = [
  { name: 'docDay', type: 'i32', signed: true },
  { name: 'docLang', type: 'u8' },
  { name: 'keys', type: 'u32', runs: 'all' },
  { name: 'kinds', type: 'u8' },
  { name: 'df', type: 'u32' },
  { name: 'counts', type: 'u32' },
  { name: 'postingAt', type: 'u32', runs: 'all' },
  // Already varints: copied as they are under both formats.
  { name: 'postings', type: 'u8', asIs: true },
  { name: 'common', type: 'u8' },
  { name: 'sentDoc', type: 'u32', runs: 'all' },
  { name: 'sentNorm', type: 'f32', asIs: true },
  { name: 'sentOffsets', type: 'u32', runs: 'all' },
  // Already varints (ranks, see FactsIndex.sentTerms): copied as they are under both formats.
  { name: 'sentTerms', type: 'u8', asIs: true },
  { name: 'byRank', type: 'u32' },
  { name: 'sentInfoAt', type: 'u32', runs: 'all' },
  // Already varint records (sentence-records.ts): copied as they are under both formats.
  { name: 'sentInfo', type: 'u8', asIs: true },
];
const CTOR: Record<string, Ctor> = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f32: Float32Array, f64: Float64Array };

interface Header {
  format: SegmentFormat;
  id: string;
  ids: string[];
  /**
   * bucketBits: first layout only. layout, keyCount, docBits: since layout 2; posBits: layout 2
   * only; block: since blocks of PACKED_BLOCK keys (EARLIER_BLOCK without it).
   */
  text: { version: number; k: number; w: number; bucketBits?: number; layout?: number; keyCount?: number; docBits?: number; posBits?: number; block?: number };
  facts: { version: number; rules: string; postingCap: number; listCap?: number };
  lengths: Record<string, number>;
  /** Arrays whose element type is not their field's (16-bit where the counts allow it). */
  types?: Record<string, string>;
}

type Owner = Record<string, Typed>;

export function encodeSegment(segment: Segment, format: SegmentFormat = 'raw'): ArrayBuffer {
  return encode(MAGIC, segment, format, textScalars(segment.text), TEXT, segment.text as unknown as Owner);
}

/** The text index's scalars; an index in the first block layout has no layout fields, one of layout 2 has posBits. */
function textScalars(text: PackedText | PositionedPackedText | LegacyPackedText): Header['text'] {
  const { version, k, w } = text;
  if (!('layout' in text)) return { version, k, w };
  const posBits = 'posBits' in text ? text.posBits : undefined;
  // Left out for the earlier block size, which a header without it means.
  const block = text.block === EARLIER_BLOCK ? undefined : text.block;
  return { version, k, w, layout: text.layout, keyCount: text.keyCount, docBits: text.docBits, posBits, block };
}

/**
 * A segment as two blobs, stored apart: its text index, which a cold worker reads first to
 * highlight copied text at once, and its facts index, read after.
 */
export function encodeSegmentHalves(segment: Segment, format: SegmentFormat = 'raw'): { text: ArrayBuffer; facts: ArrayBuffer } {
  return { text: encodeTextHalf(segment, format), facts: encodeFactsHalf(segment, format) };
}

/** The text half alone (a large merged segment's halves are encoded in steps of their own). */
export function encodeTextHalf(segment: Segment, format: SegmentFormat = 'raw'): ArrayBuffer {
  return encode(MAGIC_TEXT, segment, format, textScalars(segment.text), TEXT, segment.text as unknown as Owner, false);
}
/** The facts half alone. */
export function encodeFactsHalf(segment: Segment, format: SegmentFormat = 'raw'): ArrayBuffer {
  return encode(MAGIC_FACTS, segment, format, textScalars(segment.text), [], {}, true);
}

/** A segment as the first layout stored it (plain text arrays): for tests that such blobs are still read. */
export function encodeLegacySegment(id: string, text: CorpusIndex, facts: FactsIndex, format: SegmentFormat = 'raw'): ArrayBuffer {
  const scalars = { version: text.version, k: text.k, w: text.w, bucketBits: text.bucketBits };
  return encode(MAGIC_V1, { id, text: packText(text), facts }, format, scalars, TEXT_V1, text as unknown as Owner);
}

function encode(
  magic: number,
  segment: Segment,
  format: SegmentFormat,
  textScalars: Header['text'],
  textFields: readonly Field[],
  text: Owner,
  withFacts = true,
): ArrayBuffer {
  const { facts } = segment;
  const header: Header = {
    format,
    id: segment.id,
    ids: segment.text.ids,
    text: textScalars,
    facts: { version: facts.version, rules: facts.rules, postingCap: facts.postingCap, listCap: facts.listCap },
    lengths: {},
  };
  const arrays: [string, Field, Typed, Owner][] = [
    ...textFields.filter((f) => text[f.name] !== undefined).map((f) => [`t.${f.name}`, f, text[f.name], text] as [string, Field, Typed, Owner]),
    ...(withFacts ? FACTS : []).map((f) => [`f.${f.name}`, f, (facts as unknown as Owner)[f.name], facts as unknown as Owner] as [string, Field, Typed, Owner]),
  ];
  for (const [key, field, a] of arrays) {
    header.lengths[key] = a.length;
    const type = typeOf(a);
    if (type !== field.type) (header.types ??= {})[key] = type;
  }
  const w = new ByteWriter();
  const json = new TextEncoder().encode(JSON.stringify(header));
  w.varint(magic);
  w.varint(json.length);
  w.bytes(json);
  for (const [, field, a, owner] of arrays) {
    if (format === 'raw' || field.asIs) {
      w.align(8);
      w.bytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
      continue;
    }
    const runs = field.runs && field.runs !== 'all' ? (owner[field.runs] as Uint32Array) : null;
    let r = 0;
    let prev = 0;
    for (let i = 0; i < a.length; i++) {
      if (runs) {
        while (r < runs.length - 1 && runs[r] <= i) {
          if (runs[r] === i) prev = 0;
          r++;
        }
      }
      const v = a[i];
      if (field.runs) {
        if (v < prev) throw new Error(`encodeSegment: ${field.name} is not sorted within its runs`);
        w.varint(v - prev);
        prev = v;
      } else w.varint(field.signed ? zigzag(v) : v);
    }
  }
  return w.result().buffer;
}

/** True for a blob of the first layout: it reads, but packing its text index costs every read. */
export function isLegacySegment(buffer: ArrayBuffer): boolean {
  return new ByteReader(new Uint8Array(buffer, 0, Math.min(8, buffer.byteLength))).varint() === MAGIC_V1;
}

export function decodeSegment(buffer: ArrayBuffer): Segment {
  const read = decodeBlob(buffer);
  if (read.magic === MAGIC_TEXT || read.magic === MAGIC_FACTS) throw new Error('decodeSegment: half a segment (see decodeSegmentHalves)');
  return { id: read.header.id, text: textOf(read), facts: factsOf(read) };
}

/** The dispatch ids a blob indexes (either half, or a whole segment), from its header alone. */
export function segmentDocIds(buffer: ArrayBuffer): string[] {
  const bytes = new Uint8Array(buffer);
  const r = new ByteReader(bytes);
  const magic = r.varint();
  if (magic !== MAGIC && magic !== MAGIC_V1 && magic !== MAGIC_TEXT && magic !== MAGIC_FACTS) throw new Error('decodeSegment: not a Recoupe segment');
  const jsonLength = r.varint();
  return (JSON.parse(new TextDecoder().decode(bytes.subarray(r.pos, r.pos + jsonLength))) as Header).ids;
}

/** True for a text half (or whole segment) whose text index is in the earlier block layout: it reads, repacked every read. */
export function hasEarlierTextLayout(buffer: ArrayBuffer): boolean {
  const bytes = new Uint8Array(buffer);
  const r = new ByteReader(bytes);
  const magic = r.varint();
  if (magic !== MAGIC && magic !== MAGIC_V1 && magic !== MAGIC_TEXT) return false;
  const jsonLength = r.varint();
  return (JSON.parse(new TextDecoder().decode(bytes.subarray(r.pos, r.pos + jsonLength))) as Header).text.layout !== PACKED_LAYOUT;
}

/** True for a blob holding one half of a segment (see encodeSegmentHalves). */
export function isSegmentHalf(buffer: ArrayBuffer): boolean {
  const magic = new ByteReader(new Uint8Array(buffer, 0, Math.min(8, buffer.byteLength))).varint();
  return magic === MAGIC_TEXT || magic === MAGIC_FACTS;
}

/** The text index of a text half, or of a whole segment's blob. */
export function decodeTextHalf(buffer: ArrayBuffer): { id: string; text: PackedText } {
  const read = decodeBlob(buffer, 'text');
  if (read.magic === MAGIC_FACTS) throw new Error('decodeTextHalf: a facts half');
  return { id: read.header.id, text: textOf(read) };
}

/** A segment from its two halves. */
export function decodeSegmentHalves(text: ArrayBuffer, facts: ArrayBuffer): Segment {
  const t = decodeBlob(text);
  const f = decodeBlob(facts);
  if (t.magic !== MAGIC_TEXT || f.magic !== MAGIC_FACTS) throw new Error('decodeSegmentHalves: not the two halves of a segment');
  if (t.header.id !== f.header.id || !sameIds(t.header.ids, f.header.ids)) throw new Error('decodeSegmentHalves: halves of two segments');
  // Both indexes share one array of ids: each half's header holds its own copy, a string per dispatch.
  const index = textOf(t);
  return { id: t.header.id, text: index, facts: factsOf({ ...f, header: { ...f.header, ids: index.ids } }) };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface Decoded {
  magic: number;
  header: Header;
  t: Owner;
  f: Owner;
}

function textOf({ magic, header, t }: Decoded): PackedText {
  const { bucketBits, block = EARLIER_BLOCK, ...scalars } = header.text;
  if (magic === MAGIC_V1) {
    return packText({ ...scalars, ids: header.ids, ...t, bucketBits, buckets: bucketStarts(t.keys as Uint32Array, bucketBits!) } as unknown as CorpusIndex);
  }
  // Stored in an earlier block layout: repacked (see legacy-packed-text.ts).
  if (scalars.layout === 2) return dropPositions({ ...scalars, block, ids: header.ids, ...t } as unknown as PositionedPackedText);
  if (scalars.layout !== PACKED_LAYOUT) return repackLegacy({ ...scalars, ids: header.ids, ...t } as unknown as LegacyPackedText);
  return { packed: true, ...scalars, block, ids: header.ids, ...t } as unknown as PackedText;
}

function factsOf({ header, f }: Decoded): FactsIndex {
  return { ...header.facts, ids: header.ids, ...f } as unknown as FactsIndex;
}

/** Reads a blob's header and arrays; `only: 'text'` stops before the facts arrays. */
function decodeBlob(buffer: ArrayBuffer, only?: 'text'): Decoded {
  const bytes = new Uint8Array(buffer);
  const r = new ByteReader(bytes);
  const magic = r.varint();
  if (magic !== MAGIC && magic !== MAGIC_V1 && magic !== MAGIC_TEXT && magic !== MAGIC_FACTS) throw new Error('decodeSegment: not a Recoupe segment');
  const jsonLength = r.varint();
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(r.pos, r.pos + jsonLength))) as Header;
  r.pos += jsonLength;
  const read = (key: string, field: Field, owner: Owner): Typed => {
    const ctor = CTOR[header.types?.[key] ?? field.type];
    const n = header.lengths[key];
    if (header.format === 'raw' || field.asIs) {
      r.pos += (8 - (r.pos % 8)) % 8;
      const out = new ctor(buffer, r.pos, n);
      r.pos += n * ctor.BYTES_PER_ELEMENT;
      return out;
    }
    const out = new ctor(n);
    const runs = field.runs && field.runs !== 'all' ? (owner[field.runs] as Uint32Array) : null;
    let run = 0;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      if (runs) {
        while (run < runs.length - 1 && runs[run] <= i) {
          if (runs[run] === i) prev = 0;
          run++;
        }
      }
      const v = r.varint();
      if (field.runs) out[i] = prev = prev + v;
      else out[i] = field.signed ? unzigzag(v) : v;
    }
    return out;
  };
  const t: Owner = {};
  const textFields = magic === MAGIC_V1 ? TEXT_V1 : magic === MAGIC_FACTS ? [] : TEXT;
  for (const f of textFields) if (header.lengths[`t.${f.name}`] !== undefined) t[f.name] = read(`t.${f.name}`, f, t);
  const f: Owner = {};
  // A blob of an earlier facts layout lacks some arrays: its rules differ, and it is rebuilt.
  if (only !== 'text' && magic !== MAGIC_TEXT) for (const field of FACTS) if (header.lengths[`f.${field.name}`] !== undefined) f[field.name] = read(`f.${field.name}`, field, f);
  return { magic, header, t, f };
}

function typeOf(a: Typed): string {
  for (const [name, ctor] of Object.entries(CTOR)) if (a instanceof ctor) return name;
  throw new Error('encodeSegment: an array of unknown type');
}

function zigzag(v: number): number {
  return v >= 0 ? v * 2 : -v * 2 - 1;
}

function unzigzag(v: number): number {
  return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
}
