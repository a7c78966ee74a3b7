import { send } from '../messaging/client';
import { downloadText } from './download';

/** recoupe-memory-2026-12-02.ndjson */
export function memoryFilename(now: Date = new Date()): string {
  return `recoupe-memory-${now.toISOString().slice(0, 10)}.ndjson`;
}

/**
 * Downloads the reading memory as NDJSON in the corpus import format, asked of the background a
 * piece at a time so that no message carries the whole memory. Returns how many records.
 */
export async function exportMemory(onProgress: (count: number) => void): Promise<{ count: number; file: string }> {
  const lines: string[] = [];
  let after: string | null = null;
  do {
    const page: { lines: string[]; next: string | null } = await send('memory-export', { after });
    lines.push(...page.lines);
    onProgress(lines.length);
    after = page.next;
  } while (after !== null);
  const file = memoryFilename();
  downloadText(lines.length > 0 ? `${lines.join('\n')}\n` : '', file, 'application/x-ndjson');
  return { count: lines.length, file };
}
