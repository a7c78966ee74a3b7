import { NdjsonCollector, ndjsonLines, parseNdjsonLine, type NdjsonResult } from './ndjson';

export interface ChunkedOptions {
  /** Lines read between two pauses. */
  chunkLines?: number;
  /** Called after each chunk with the lines read so far and the file's line count. */
  onProgress?(line: number, total: number): void;
  /** Gives the page back to the browser between chunks (tests pass a no-op). */
  pause?(): Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * parseNdjson, a chunk of lines at a time with a pause between chunks, so a large file does not
 * freeze the page reading it and a progress bar can move. Same result as parseNdjson.
 */
export async function parseNdjsonInChunks(text: string, options: ChunkedOptions = {}): Promise<NdjsonResult> {
  const { chunkLines = 400, onProgress, pause = nextTask } = options;
  const lines = ndjsonLines(text);
  const collector = new NdjsonCollector();
  for (let from = 0; from < lines.length; from += chunkLines) {
    const to = Math.min(lines.length, from + chunkLines);
    for (let i = from; i < to; i++) collector.add(i + 1, parseNdjsonLine(lines[i]));
    onProgress?.(to, lines.length);
    if (to < lines.length) await pause();
  }
  return collector.result();
}
