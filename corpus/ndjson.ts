import type { Dispatch } from '../engine/types';
import { dispatchProblems } from './validate';

export interface NdjsonError {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

export type NdjsonResult = { ok: true; dispatches: Dispatch[] } | { ok: false; errors: NdjsonError[] };

/** A plain-text body becomes paragraphs at blank lines, the way the seed texts are written. */
function textToParagraphs(text: string): string[] {
  return text
    .split(/\r?\n[ \t\u00a0]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * Reads dispatches from NDJSON: one JSON object per line with the Dispatch fields, the body given
 * either as `paragraphs` or as `text` (split at blank lines). Blank lines are skipped. Every bad
 * line is reported with its line number; the result is ok only when the whole file is (and holds
 * at least one dispatch), so an import is all or nothing.
 */
export function parseNdjson(text: string): NdjsonResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const dispatches: Dispatch[] = [];
  const errors: NdjsonError[] = [];
  const firstLineOfId = new Map<string, number>();

  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const fail = (message: string) => errors.push({ line, message });

    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      fail(`invalid JSON (${(e as Error).message})`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      fail('must be a JSON object with the dispatch fields');
      return;
    }

    const record = { ...(value as Record<string, unknown>) };
    if ('text' in record) {
      if ('paragraphs' in record) {
        fail('give the body as "text" or as "paragraphs", not both');
        return;
      }
      if (typeof record.text !== 'string') {
        fail('field "text" must be a string');
        return;
      }
      record.paragraphs = textToParagraphs(record.text);
      delete record.text;
      if ((record.paragraphs as string[]).length === 0) {
        fail('field "text" must not be empty');
        return;
      }
    } else if (!('paragraphs' in record)) {
      fail('field "text" or "paragraphs" is missing');
      return;
    }

    const problems = dispatchProblems(record);
    if (problems.length > 0) {
      for (const { field, problem } of problems) fail(`field "${field}" ${problem}`);
      return;
    }

    const dispatch = record as unknown as Dispatch;
    const earlier = firstLineOfId.get(dispatch.id);
    if (earlier !== undefined) {
      fail(`field "id": "${dispatch.id}" already appears on line ${earlier}`);
      return;
    }
    firstLineOfId.set(dispatch.id, line);
    dispatches.push(dispatch);
  });

  if (errors.length > 0) return { ok: false, errors };
  // An empty file is a mistake, and importing it in replace mode would empty the corpus.
  if (dispatches.length === 0) return { ok: false, errors: [{ line: 1, message: 'the file holds no dispatch: one JSON object per line expected' }] };
  return { ok: true, dispatches };
}
