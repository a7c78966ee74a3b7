import { describe, expect, it } from 'vitest';
import { parseNdjson } from './ndjson';
import { parseNdjsonInChunks } from './ndjson-chunked';

const record = (id: string) => JSON.stringify({ id, outlet: 'O', origin: 'AFP', chain: ['AFP', 'O'], language: 'fr', date: '2022-01-28', title: `T ${id}`, text: `Texte ${id}.` });

describe('parseNdjsonInChunks', () => {
  it('gives parseNdjson’s result, reporting progress chunk by chunk', async () => {
    const good = Array.from({ length: 25 }, (_, i) => record(`d${i}`)).join('\n');
    const progress: [number, number][] = [];
    let pauses = 0;
    const result = await parseNdjsonInChunks(good, {
      chunkLines: 10,
      onProgress: (line, total) => progress.push([line, total]),
      pause: async () => void pauses++,
    });
    expect(result).toEqual(parseNdjson(good));
    expect(result.ok && result.dispatches).toHaveLength(25);
    expect(progress).toEqual([
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    expect(pauses).toBe(2);
  });

  it('lists every bad line, including an id repeated across chunks', async () => {
    const lines = [record('a'), '{oops', '', record('b'), '[1]', record('a'), record('c')];
    const result = await parseNdjsonInChunks(lines.join('\r\n'), { chunkLines: 2, pause: async () => undefined });
    expect(result).toEqual(parseNdjson(lines.join('\n')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.line)).toEqual([2, 5, 6]);
  });

  it('pauses when a chunk outlasts its time budget, however few lines it read', async () => {
    const lines = Array.from({ length: 6 }, () => '{oops').join('\n');
    let clock = 0;
    const progress: number[] = [];
    // The clock moves 10 ms at each look: with a 16 ms budget, a chunk holds two lines.
    const result = await parseNdjsonInChunks(lines, { chunkLines: 400, budgetMs: 16, now: () => (clock += 10), onProgress: (line) => progress.push(line), pause: async () => undefined });
    expect(progress).toEqual([2, 4, 6]);
    expect(result).toEqual(parseNdjson(lines));
  });
});
