import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../engine/types';
import { parseNdjson } from './ndjson';
import { MAX_LINE_CHARS, streamNdjson } from './ndjson-stream';

const record = (id: string, text = `Texte ${id}, écrit à l’été : « déjà » vu.`) =>
  JSON.stringify({ id, outlet: 'O', origin: 'AFP', chain: ['AFP', 'O'], language: 'fr', date: '2022-01-28', title: `T ${id}`, text });

/** The file's bytes in slices of `size` bytes: multi-byte letters and lines cut anywhere. */
async function* slices(text: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function read(text: string | Uint8Array, size = 7, options: { batchDispatches?: number; signal?: AbortSignal } = {}) {
  const batches: Dispatch[][] = [];
  const result = await streamNdjson(slices(text, size), {
    ...options,
    onBatch: async (d) => void batches.push(d),
    pause: async () => undefined,
  });
  return { result, batches, sent: batches.flat() };
}

describe('streamNdjson', () => {
  it('sends in bounded batches what parseNdjson reads from the whole text, whatever the slices', async () => {
    const text = `\uFEFF${Array.from({ length: 23 }, (_, i) => record(`d${i}`)).join('\r\n')}\n\n`;
    const whole = parseNdjson(text);
    for (const size of [1, 7, 64, 1 << 20]) {
      const { result, batches, sent } = await read(text, size, { batchDispatches: 10 });
      expect(result).toMatchObject({ status: 'ok', dispatches: 23 });
      expect(whole.ok && sent).toEqual(whole.ok && whole.dispatches);
      expect(batches.map((b) => b.length)).toEqual([10, 10, 3]);
    }
  });

  it('lists every bad line as parseNdjson does, and sends nothing after the first one', async () => {
    const lines = [record('a'), record('b'), '{oops', '', record('c'), '[1]', record('a'), record('d')];
    const text = lines.join('\n');
    const whole = parseNdjson(text);
    const { result, sent } = await read(text, 5, { batchDispatches: 1 });
    expect(result).toEqual({ status: 'rejected', errors: whole.ok ? [] : whole.errors });
    expect(sent.map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('refuses a file that is not UTF-8, an empty file, and a line too long to hold', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(record('a').slice(0, 40)), 0xe9, 0x74, 0xe9]);
    expect((await read(latin1)).result).toEqual({ status: 'not-utf8' });
    expect((await read('\n\n')).result).toMatchObject({ status: 'rejected', errors: [{ line: 1 }] });
    const huge = `${record('a')}\n${record('b', 'x'.repeat(MAX_LINE_CHARS + 10))}\n${record('c')}\n`;
    const { result } = await read(huge, 1 << 20);
    expect(result).toMatchObject({ status: 'rejected', errors: [{ line: 2 }] });
    expect(result.status === 'rejected' && result.errors).toHaveLength(1);
  });

  it('stops when cancelled, waiting for the batch in flight', async () => {
    const controller = new AbortController();
    let answered = 0;
    const text = Array.from({ length: 50 }, (_, i) => record(`d${i}`)).join('\n');
    const result = await streamNdjson(slices(text, 100), {
      batchDispatches: 5,
      signal: controller.signal,
      pause: async () => undefined,
      onBatch: async () => {
        controller.abort();
        await new Promise((r) => setTimeout(r, 5));
        answered++;
      },
    });
    expect(result).toEqual({ status: 'cancelled' });
    expect(answered).toBe(1);
  });
});
