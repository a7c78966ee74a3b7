import { describe, expect, it } from 'vitest';
import { makeRng } from '../../cli/prng';
import { emptyRecord, readSentence, RecordWriter, RECORD_BLOCK, type SentenceRecord } from './sentence-records';
import { NO_DAY } from './terms';

describe('sentence records', () => {
  it('read back every field of every sentence, across record blocks', () => {
    const rng = makeRng(7);
    const figures = [0, 7, 284, 2 ** 31 - 1, 2 ** 31, 2.5, 0.25, 1e12, -3, 94000];
    const written: SentenceRecord[] = [];
    const w = new RecordWriter();
    let at = 0;
    for (let s = 0; s < RECORD_BLOCK * 5 + 3; s++) {
      const bare = rng.next() < 0.5;
      // Now and then a new dispatch: its first sentence starts before the one before ends.
      const start = rng.next() < 0.15 ? rng.int(0, 20) : at + rng.int(0, 3);
      const r: SentenceRecord = {
        lang: rng.int(0, 1),
        weekdays: bare ? 0 : rng.int(0, 127),
        months: bare ? 0 : rng.int(0, 0x1ffe),
        day: bare || rng.next() < 0.3 ? NO_DAY : rng.next() < 0.2 ? -rng.int(1, 5000) : rng.int(0, 30_000),
        // Bit 31 set: the analysis gives signed 32-bit masks.
        acts: bare ? 0 : rng.next() < 0.2 ? (1 << 31) | rng.int(0, 255) : rng.int(0, 0xffff),
        occasions: bare ? 0 : rng.int(0, 0xffff),
        figures: bare ? [] : figures.filter(() => rng.next() < 0.3),
        start,
        end: start + rng.int(1, 400),
      };
      at = r.end;
      written.push(r);
      w.add(r);
    }
    const { sentInfo, sentInfoAt } = w.finish();
    expect(sentInfoAt.length).toBe(Math.ceil(written.length / RECORD_BLOCK) + 1);
    expect(written.some((r, s) => s > 0 && r.start < written[s - 1].end)).toBe(true);
    const out = emptyRecord();
    // Out of order, so no read leans on the one before.
    for (const s of [...written.keys()].reverse()) expect({ ...readSentence(sentInfo, sentInfoAt, s, out), figures: [...out.figures] }).toEqual(written[s]);
  });

  it('takes one byte for the start of a sentence that follows the one before', () => {
    const w = new RecordWriter();
    for (let s = 0; s < RECORD_BLOCK * 4; s++) w.add({ ...emptyRecord(), start: 100_000 + s * 51, end: 100_000 + s * 51 + 50 });
    // Flags, start, length: three bytes, but for the absolute start of each block's first record.
    expect(w.finish().sentInfo.byteLength).toBe(RECORD_BLOCK * 4 * 3 + 4 * 2);
  });
});
