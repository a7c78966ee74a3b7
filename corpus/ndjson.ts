import type { Dispatch } from '../engine/types';
import { t } from '../i18n/t';
import { cleanBody, cleanName } from './clean-text';
import { dispatchProblems, formatCount, TEXT_LIMIT } from './validate';

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

/** One line read on its own: a dispatch, the line's problems, or null for a blank line. */
export type NdjsonLine = { ok: true; dispatch: Dispatch } | { ok: false; messages: string[] } | null;

/** JSON.parse's complaint as the reader's words: the engine's own text is English and names engine internals. */
function invalidJson(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  // V8 says "at position 14" (0-based), SpiderMonkey "at line 1 column 15".
  const position = /position (\d+)/.exec(message);
  const column = /column (\d+)/.exec(message);
  if (position) return t('ndInvalidJsonAt', { column: Number(position[1]) + 1 });
  return column ? t('ndInvalidJsonAt', { column: Number(column[1]) }) : t('ndInvalidJson');
}

/**
 * Names and titles lose their control and bidirectional characters (so "\u202EPFA" cannot pose as
 * "AFP"), and body text its control characters (null bytes among them). Stripped, not refused:
 * files in right-to-left languages carry direction marks in good faith, and a mark taken out of a
 * name changes nothing the reader needs. Anything not a string is left for validation to refuse.
 */
function cleanRecord(record: Record<string, unknown>): void {
  for (const field of ['outlet', 'origin', 'title'] as const) {
    if (typeof record[field] === 'string') record[field] = cleanName(record[field]);
  }
  if (Array.isArray(record.chain)) record.chain = record.chain.map((c: unknown) => (typeof c === 'string' ? cleanName(c) : c));
  if (Array.isArray(record.paragraphs)) record.paragraphs = record.paragraphs.map((p: unknown) => (typeof p === 'string' ? cleanBody(p) : p));
  if (Array.isArray(record.origins)) {
    record.origins = record.origins.map((o: unknown) =>
      typeof o === 'object' && o !== null && typeof (o as { origin?: unknown }).origin === 'string' ? { ...o, origin: cleanName((o as { origin: string }).origin) } : o,
    );
  }
}

/** Reads one line of an NDJSON file (without its line break). Ids repeated across lines are the caller's to check. */
export function parseNdjsonLine(raw: string): NdjsonLine {
  if (raw.trim() === '') return null;
  const fail = (...messages: string[]): NdjsonLine => ({ ok: false, messages });
  const field = (name: string, problem: string) => t('valField', { field: name, problem });

  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return fail(invalidJson(e));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(t('ndNotObject'));
  }

  const record = { ...(value as Record<string, unknown>) };
  if ('text' in record) {
    if ('paragraphs' in record) return fail(t('ndTextAndParagraphs'));
    if (typeof record.text !== 'string') return fail(field('text', t('valString')));
    // Checked before splitting: a hostile line should not cost the time of cutting megabytes into paragraphs.
    if (record.text.length > TEXT_LIMIT) return fail(field('text', t('valTooLong', { length: formatCount(record.text.length), max: formatCount(TEXT_LIMIT) })));
    record.paragraphs = textToParagraphs(cleanBody(record.text));
    delete record.text;
    if ((record.paragraphs as string[]).length === 0) return fail(field('text', t('valNotEmpty')));
  } else if (!('paragraphs' in record)) {
    return fail(t('ndBodyMissing'));
  }
  cleanRecord(record);

  const problems = dispatchProblems(record);
  if (problems.length > 0) return fail(...problems.map(({ field: name, problem }) => (name ? field(name, problem) : problem)));
  return { ok: true, dispatch: record as unknown as Dispatch };
}

/** The lines of an NDJSON file, a leading byte-order mark dropped. */
export function ndjsonLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/** Collects line results in order: checks ids repeated across lines and the whole file's verdict. */
export class NdjsonCollector {
  private readonly dispatches: Dispatch[] = [];
  private readonly errors: NdjsonError[] = [];
  private readonly firstLineOfId = new Map<string, number>();

  add(line: number, result: NdjsonLine): void {
    if (result === null) return;
    if (!result.ok) {
      for (const message of result.messages) this.errors.push({ line, message });
      return;
    }
    const { dispatch } = result;
    const earlier = this.firstLineOfId.get(dispatch.id);
    if (earlier !== undefined) {
      this.errors.push({ line, message: t('ndDuplicateId', { id: dispatch.id, line: earlier }) });
      return;
    }
    this.firstLineOfId.set(dispatch.id, line);
    this.dispatches.push(dispatch);
  }

  result(): NdjsonResult {
    if (this.errors.length > 0) return { ok: false, errors: this.errors };
    // An empty file is a mistake, and importing it in replace mode would empty the corpus.
    if (this.dispatches.length === 0) return { ok: false, errors: [{ line: 1, message: t('ndNoDispatch') }] };
    return { ok: true, dispatches: this.dispatches };
  }
}

/**
 * Reads dispatches from NDJSON: one JSON object per line with the Dispatch fields, the body given
 * either as `paragraphs` or as `text` (split at blank lines). Blank lines are skipped. Every bad
 * line is reported with its line number; the result is ok only when the whole file is (and holds
 * at least one dispatch), so an import is all or nothing.
 */
export function parseNdjson(text: string): NdjsonResult {
  const collector = new NdjsonCollector();
  ndjsonLines(text).forEach((raw, i) => collector.add(i + 1, parseNdjsonLine(raw)));
  return collector.result();
}
