import { streamChunks, streamNdjson, type StreamResult } from '../corpus/ndjson-stream';
import type { Dispatch } from '../engine/types';
import type { ImportSummary } from '../messaging/protocol';

/** The messages of an import in batches (messaging/client's send, or a stand-in in tests). */
export interface ImportChannel {
  begin(mode: 'extend' | 'replace'): Promise<{ job: string }>;
  batch(job: string, dispatches: Dispatch[]): Promise<{ staged: number }>;
  commit(job: string): Promise<ImportSummary>;
  cancel(job: string): Promise<unknown>;
}

export interface ImportProgress {
  lines: number;
  /** Dispatches the background has stored so far. */
  stored: number;
  /** Share of the file read, 0 to 1. */
  share: number;
  /** Seconds left at the pace so far; undefined until the pace is known. */
  secondsLeft?: number;
}

export type StreamImportResult = Exclude<StreamResult, { status: 'ok' }> | { status: 'done'; summary: ImportSummary };

export interface StreamImportOptions {
  signal?: AbortSignal;
  onProgress(progress: ImportProgress): void;
  /** Called once the whole file is read and stored, before the commit. */
  onCommitting(count: number): void;
  now?(): number;
}

/**
 * Imports an NDJSON file without holding it: read in slices, checked line by line on this page,
 * sent to the background in batches, committed at the end. A bad line, a file that is not UTF-8,
 * a cancel or a failure cancels the import in the background: nothing of the file stays.
 */
export async function streamImport(file: Blob, mode: 'extend' | 'replace', channel: ImportChannel, options: StreamImportOptions): Promise<StreamImportResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { job } = await channel.begin(mode);
  let stored = 0;
  let read = { lines: 0, bytes: 0 };
  const report = () => {
    const share = file.size > 0 ? Math.min(1, read.bytes / file.size) : 1;
    const elapsed = (now() - started) / 1000;
    // A pace measured over too little of the file or time says nothing yet.
    const secondsLeft = share > 0.02 && elapsed > 1 ? (elapsed * (1 - share)) / share : undefined;
    options.onProgress({ lines: read.lines, stored, share, secondsLeft });
  };
  try {
    const result = await streamNdjson(streamChunks(file.stream()), {
      signal: options.signal,
      onBatch: async (dispatches) => {
        stored = (await channel.batch(job, dispatches)).staged;
        report();
      },
      onProgress: (p) => {
        read = p;
        report();
      },
    });
    if (result.status !== 'ok') {
      await channel.cancel(job).catch(() => undefined);
      return result;
    }
    options.onCommitting(result.dispatches);
    return { status: 'done', summary: await channel.commit(job) };
  } catch (err) {
    await channel.cancel(job).catch(() => undefined);
    throw err;
  }
}
