import { NdjsonCollector, ndjsonLines, parseNdjsonLine, type NdjsonResult } from './ndjson';

export interface ChunkedOptions {
  /** Most lines read between two pauses. */
  chunkLines?: number;
  /**
   * Longest stretch of reading between two pauses, in milliseconds: on a slow or busy machine a
   * chunk of bad lines (each a thrown JSON error) would otherwise hold the page for a long task.
   */
  budgetMs?: number;
  /** The clock the budget is measured with (tests pass their own). */
  now?(): number;
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
  const { chunkLines = 400, budgetMs = 8, onProgress, pause = nextTask, now = () => performance.now() } = options;
  const lines = ndjsonLines(text);
  const collector = new NdjsonCollector();
  let i = 0;
  while (i < lines.length) {
    const started = now();
    const end = Math.min(lines.length, i + chunkLines);
    do {
      collector.add(i + 1, parseNdjsonLine(lines[i]));
      i++;
    } while (i < end && now() - started < budgetMs);
    onProgress?.(i, lines.length);
    if (i < lines.length) await pause();
  }
  return collector.result();
}
