import type { Dispatch } from '../engine/types';
import { t } from '../i18n/t';
import { parseNdjsonLine, type NdjsonError } from './ndjson';
import { formatCount } from './validate';

export interface StreamOptions {
  /** Receives each batch of good dispatches, in file order, while the file has shown no error. One batch is in flight while the next is read. */
  onBatch(dispatches: Dispatch[]): Promise<unknown>;
  /** Called after each slice with what was read so far. */
  onProgress?(progress: StreamProgress): void;
  /** Stops reading: the result is then `cancelled`. */
  signal?: AbortSignal;
  /** Most dispatches per batch. */
  batchDispatches?: number;
  /** Most characters of dispatch text per batch, so that one message stays small. */
  batchChars?: number;
  /** Longest stretch of parsing between two pauses, in milliseconds (a page must stay responsive). */
  budgetMs?: number;
  now?(): number;
  pause?(): Promise<void>;
}

export interface StreamProgress {
  bytes: number;
  lines: number;
  /** Good dispatches read so far (all sent once the batch in flight is answered). */
  dispatches: number;
}

export type StreamResult =
  | { status: 'ok'; dispatches: number; lines: number }
  | { status: 'rejected'; errors: NdjsonError[] }
  | { status: 'not-utf8' }
  | { status: 'cancelled' };

/** Longest line read: a record holds at most a few hundred thousand characters (see validate.ts). */
export const MAX_LINE_CHARS = 8_000_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The chunks of a browser stream (File.stream()), for engines where a ReadableStream is not async-iterable. */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Reads an NDJSON corpus file slice by slice, as parseNdjson would read it whole: every line is
 * checked, repeated ids are refused, every bad line is reported with its number. Good dispatches
 * go out in bounded batches as long as no line was bad; after the first bad line, reading goes on
 * only to list the others, and the caller drops what it was sent. Memory holds one slice and one
 * batch, whatever the file's size.
 */
export async function streamNdjson(chunks: AsyncIterable<Uint8Array>, options: StreamOptions): Promise<StreamResult> {
  const { batchDispatches = 400, batchChars = 2_000_000, budgetMs = 8, now = () => performance.now(), pause = nextTask } = options;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const errors: NdjsonError[] = [];
  const firstLine = new Map<string, number>();
  let batch: Dispatch[] = [];
  let batchSize = 0;
  let inflight: Promise<unknown> | null = null;
  let rest = '';
  /** True while skipping the rest of a line too long to hold. */
  let skipping = false;
  const progress: StreamProgress = { bytes: 0, lines: 0, dispatches: 0 };
  let started = now();

  /** Stops without a verdict on the file: the batch in flight is let finish, its failure ignored (the caller cancels). */
  const dropped = async (status: 'not-utf8' | 'cancelled'): Promise<StreamResult> => {
    await (inflight as Promise<unknown> | null)?.catch(() => undefined);
    return { status };
  };

  const flush = async () => {
    if (batch.length === 0 || errors.length > 0) return;
    const sending = batch;
    batch = [];
    batchSize = 0;
    if (inflight) await inflight;
    inflight = options.onBatch(sending);
  };

  const line = async (raw: string) => {
    progress.lines++;
    const result = parseNdjsonLine(raw);
    if (result === null) return;
    if (!result.ok) {
      for (const message of result.messages) errors.push({ line: progress.lines, message });
      return;
    }
    const { dispatch } = result;
    const earlier = firstLine.get(dispatch.id);
    if (earlier !== undefined) {
      errors.push({ line: progress.lines, message: t('ndDuplicateId', { id: dispatch.id, line: earlier }) });
      return;
    }
    firstLine.set(dispatch.id, progress.lines);
    progress.dispatches++;
    if (errors.length > 0) return;
    batch.push(dispatch);
    batchSize += raw.length;
    if (batch.length >= batchDispatches || batchSize >= batchChars) await flush();
  };

  const lines = async (text: string) => {
    const parts = text.split('\n');
    for (let i = 0; i < parts.length; i++) {
      await line(parts[i].endsWith('\r') ? parts[i].slice(0, -1) : parts[i]);
      if (now() - started > budgetMs) {
        await pause();
        if (options.signal?.aborted) return;
        started = now();
      }
    }
  };

  /** The decoder refuses bytes that are not UTF-8 (the browsers word their error each their own way). */
  const decode = (chunk?: Uint8Array): string | null => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      return null;
    }
  };

  for await (const chunk of chunks) {
    if (options.signal?.aborted) break;
    progress.bytes += chunk.byteLength;
    const decoded = decode(chunk);
    if (decoded === null) return dropped('not-utf8');
    let text = rest + decoded;
    if (skipping) {
      const end = text.indexOf('\n');
      text = end < 0 ? '' : text.slice(end + 1);
      skipping = end < 0;
    }
    const cut = text.lastIndexOf('\n');
    rest = cut < 0 ? text : text.slice(cut + 1);
    if (cut >= 0) await lines(text.slice(0, cut));
    if (rest.length > MAX_LINE_CHARS) {
      // Counted and reported as one line; its end, whenever it comes, is skipped.
      progress.lines++;
      errors.push({ line: progress.lines, message: t('ndLineTooLong', { max: formatCount(MAX_LINE_CHARS) }) });
      rest = '';
      skipping = true;
    }
    options.onProgress?.({ ...progress });
  }
  if (!options.signal?.aborted) {
    const decoded = decode();
    if (decoded === null) return dropped('not-utf8');
    const last = rest + decoded;
    if (last !== '') await lines(last);
  }
  if (options.signal?.aborted) return dropped('cancelled');
  await flush();
  if (inflight) await inflight;
  options.onProgress?.({ ...progress });
  if (errors.length > 0) return { status: 'rejected', errors };
  // An empty file is a mistake, and importing it in replace mode would empty the corpus.
  if (progress.dispatches === 0) return { status: 'rejected', errors: [{ line: 1, message: t('ndNoDispatch') }] };
  return { status: 'ok', dispatches: progress.dispatches, lines: progress.lines };
}
