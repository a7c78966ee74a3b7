import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../corpus/bundled';
import { buildSegment, dispatchText, mergeSegments } from '../engine/index';
import { mergeSegmentsSteps } from '../engine/segments/merge-segments';
import { encodeSegmentHalves } from '../engine/segments/segment-codec';
import { runSteps, type Steps } from '../engine/segments/steps';
import { runInSlices } from './run-in-slices';

function* counted(n: number): Steps<number> {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += i;
    yield;
  }
  return sum;
}

describe('runInSlices', () => {
  it('gives the result of the steps run at once, pausing once a slice is spent', async () => {
    let pauses = 0;
    const pause = async () => void pauses++;
    expect(await runInSlices(counted(100), 0, pause)).toBe(runSteps(counted(100)));
    expect(pauses).toBe(100);
    pauses = 0;
    expect(await runInSlices(counted(100), 60_000, pause)).toBe(4950);
    expect(pauses).toBe(0);
  });

  it('lets the event loop turn while a merge is built, to the same segment', async () => {
    const docs = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
    const inputs = [0, 1, 2].map((g) => ({ segment: buildSegment(`in-${g}`, docs.filter((_, i) => i % 3 === g)), removed: [0] }));
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    const merged = await runInSlices(mergeSegmentsSteps('m', inputs), 0);
    order.push('merged');
    expect(order).toEqual(['timer', 'merged']);
    const bytes = (s: ReturnType<typeof mergeSegments>) => Object.values(encodeSegmentHalves(s)).map((b) => new Uint8Array(b));
    expect(bytes(merged)).toEqual(bytes(mergeSegments('m', inputs)));
  });
});
