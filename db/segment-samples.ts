import type { Segment } from '../engine/index';
import type { PackedText } from '../engine/segments/packed-text';
import { encodeFactsHalf, encodeTextHalf } from '../engine/segments/segment-codec';
import { encodeTextSample } from '../engine/segments/sample-codec';
import { runSteps, type Steps } from '../engine/segments/steps';
import { sampleOf, sampleOfSteps } from '../engine/segments/text-sample';
import type { RecoupeDB } from './recoupe-db';

/**
 * Beside its two halves, a segment has a third, small row under sampleKey(id): the sample of its
 * text index (see TextSample), which a cold worker reads alone to answer its first pages. A
 * segment stored before samples existed gets its sample when its text half is next read.
 */
export function sampleKey(segId: string): string {
  return `${segId}#s`;
}

/** A segment's blobs, encoded outside the transaction that stores them (which then stays short). */
export interface SegmentBlobs {
  text: ArrayBuffer;
  facts: ArrayBuffer;
  sample: ArrayBuffer;
}

export function encodeSegmentBlobs(segment: Segment): SegmentBlobs {
  return runSteps(encodeSegmentBlobsSteps(segment));
}

/**
 * encodeSegmentBlobs in steps (see Steps): the halves of a large merged segment are copies of
 * tens of megabytes, and its sample walks every key of its text index.
 */
export function* encodeSegmentBlobsSteps(segment: Segment): Steps<SegmentBlobs> {
  const sample = encodeTextSample(segment.id, yield* sampleOfSteps(segment.text));
  yield;
  const text = encodeTextHalf(segment);
  yield;
  return { text, facts: encodeFactsHalf(segment), sample };
}

/**
 * Stores the samples of segments that have none (stored before samples existed), from their text
 * indexes just read. A segment a merge replaced meanwhile is left gone.
 */
export async function writeMissingSamples(db: RecoupeDB, segments: readonly { id: string; text: PackedText }[]): Promise<void> {
  if (segments.length === 0) return;
  const have = new Set((await db.segments.where(':id').anyOf(segments.map((s) => sampleKey(s.id))).primaryKeys()) as string[]);
  const missing = segments.filter((s) => !have.has(sampleKey(s.id)));
  if (missing.length === 0) return;
  const rows = missing.map((s) => ({ id: sampleKey(s.id), blob: encodeTextSample(s.id, sampleOf(s.text)) }));
  await db.transaction('rw', db.segments, async () => {
    const live = new Set((await db.segments.where(':id').anyOf(missing.map((s) => s.id)).primaryKeys()) as string[]);
    const kept = rows.filter((_, i) => live.has(missing[i].id));
    if (kept.length > 0) await db.segments.bulkPut(kept);
  });
}
