import { ByteWriter } from '../segments/varint';
import { NO_DAY } from './terms';

/**
 * What a facts index keeps of each corpus sentence besides its terms: its language, time and event
 * cues, figures and span. Most sentences state few cues and few figures, so each is one record of
 * LEB128 varints, a flags byte saying which fields follow: some 5 bytes where 10 typed arrays took
 * 27. Only exact scoring (a hundred candidates a page sentence) and the pairs kept read them.
 * Records are found through the byte offset of every RECORD_BLOCK-th one: reading a record skips
 * at most RECORD_BLOCK - 1 small records before it.
 */
export const RECORD_BLOCK = 8;

const LANG_EN = 1;
const WEEKDAYS = 2;
const MONTHS = 4;
const DAY = 8;
const ACTS = 16;
const OCCASIONS = 32;
const FIGURES = 64;

/** One sentence's record, decoded (readSentence reuses the object it is given). */
export interface SentenceRecord {
  /** 0 French, 1 English. */
  lang: number;
  weekdays: number;
  months: number;
  day: number;
  acts: number;
  occasions: number;
  /** The distinct figures the sentence gives (numbers other than dates). */
  figures: number[];
  start: number;
  end: number;
}

export function emptyRecord(): SentenceRecord {
  return { lang: 0, weekdays: 0, months: 0, day: NO_DAY, acts: 0, occasions: 0, figures: [], start: 0, end: 0 };
}

/** Appends sentence records; `finish` gives the records and the offsets of every RECORD_BLOCK-th one. */
export class RecordWriter {
  private readonly w = new ByteWriter();
  private readonly at: number[] = [];
  private count = 0;
  /** End of the record before in the same block (0 at a block's first). */
  private prevEnd = 0;
  private readonly f64 = new Float64Array(1);
  private readonly f64Bytes = new Uint8Array(this.f64.buffer);

  add(r: SentenceRecord): void {
    if (this.count++ % RECORD_BLOCK === 0) {
      this.at.push(this.w.length);
      this.prevEnd = 0;
    }
    const flags =
      (r.lang ? LANG_EN : 0) |
      (r.weekdays ? WEEKDAYS : 0) |
      (r.months ? MONTHS : 0) |
      (r.day !== NO_DAY ? DAY : 0) |
      (r.acts ? ACTS : 0) |
      (r.occasions ? OCCASIONS : 0) |
      (r.figures.length ? FIGURES : 0);
    const w = this.w;
    w.varint(flags);
    if (flags & WEEKDAYS) w.varint(r.weekdays >>> 0);
    if (flags & MONTHS) w.varint(r.months >>> 0);
    if (flags & DAY) w.varint(r.day >= 0 ? r.day * 2 : -r.day * 2 - 1);
    if (flags & ACTS) w.varint(r.acts >>> 0);
    if (flags & OCCASIONS) w.varint(r.occasions >>> 0);
    if (flags & FIGURES) {
      w.varint(r.figures.length);
      for (const x of r.figures) {
        // Whole figures below 2^31 (most of them) as a varint of twice their value; others as
        // their eight bytes after the tag 1, so every figure reads back exactly.
        if (Number.isInteger(x) && x >= 0 && x < 2 ** 31) w.varint(x * 2);
        else {
          w.varint(1);
          this.f64[0] = x;
          w.bytes(this.f64Bytes);
        }
      }
    }
    w.varint(startCode(r.start, this.prevEnd));
    w.varint(r.end - r.start);
    this.prevEnd = r.end;
  }

  finish(): { sentInfoAt: Uint32Array; sentInfo: Uint8Array } {
    return { sentInfoAt: Uint32Array.from([...this.at, this.w.length]), sentInfo: this.w.result() };
  }
}

/**
 * A sentence's start, mostly a space or two after the end of the sentence before: that gap, doubled;
 * a dispatch's first sentence (which starts before the sentence before ends) as its start doubled + 1.
 */
function startCode(start: number, prevEnd: number): number {
  return start >= prevEnd ? (start - prevEnd) * 2 : start * 2 + 1;
}

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
/** Read position of `next` (module state: the reader allocates nothing per record). */
let pos = 0;

function next(bytes: Uint8Array): number {
  let b = bytes[pos++];
  let v = b & 0x7f;
  for (let shift = 7; b & 0x80; shift += 7) {
    b = bytes[pos++];
    v += (b & 0x7f) * 2 ** shift;
  }
  return v;
}

/**
 * Decodes the record of sentence `s` into `out` (returned). `bytes` and `at` are an index's
 * sentInfo and sentInfoAt.
 */
export function readSentence(bytes: Uint8Array, at: Uint32Array, s: number, out: SentenceRecord): SentenceRecord {
  pos = at[Math.floor(s / RECORD_BLOCK)];
  let prevEnd = 0;
  for (let t = s - (s % RECORD_BLOCK); t <= s; t++) {
    const last = t === s;
    const flags = next(bytes);
    const weekdays = flags & WEEKDAYS ? next(bytes) : 0;
    const months = flags & MONTHS ? next(bytes) : 0;
    let day = NO_DAY;
    if (flags & DAY) {
      const z = next(bytes);
      day = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    }
    const acts = flags & ACTS ? next(bytes) : 0;
    const occasions = flags & OCCASIONS ? next(bytes) : 0;
    if (last) out.figures.length = 0;
    if (flags & FIGURES) {
      const n = next(bytes);
      for (let i = 0; i < n; i++) {
        const tag = next(bytes);
        let x = tag / 2;
        if (tag === 1) {
          if (last) {
            for (let j = 0; j < 8; j++) f64Bytes[j] = bytes[pos + j];
            x = f64[0];
          }
          pos += 8;
        }
        if (last) out.figures.push(x);
      }
    }
    const code = next(bytes);
    const start = code % 2 === 0 ? prevEnd + code / 2 : (code - 1) / 2;
    const length = next(bytes);
    prevEnd = start + length;
    if (!last) continue;
    out.lang = flags & LANG_EN;
    out.weekdays = weekdays;
    out.months = months;
    out.day = day;
    // Stored unsigned: back to the signed 32-bit masks the analysis gives.
    out.acts = acts | 0;
    out.occasions = occasions | 0;
    out.start = start;
    out.end = start + length;
  }
  return out;
}
