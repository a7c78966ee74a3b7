import type { Dispatch } from '../engine/types';

/** Readable, URL-safe ids: they appear in file names, messages and the CLI's --exclude. */
const ID = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
/** BCP 47 in the shapes a corpus uses: "fr", "en", "pt-BR", "zh-Hant", "es-419". */
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|\d{3}))?$/;
const FIELDS = ['id', 'outlet', 'origin', 'chain', 'language', 'date', 'title', 'url', 'paragraphs'] as const;

function isNonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** One problem of a record: the field at fault and what is wrong with it. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/** The problems of one record, without naming it: callers say where the record came from. */
export function dispatchProblems(value: unknown): FieldProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: '', problem: 'must be a JSON object' }];
  }
  const r = value as Record<string, unknown>;
  const out: FieldProblem[] = [];
  const add = (field: string, problem: string) => out.push({ field, problem: r[field] === undefined && !field.includes('[') ? 'is missing' : problem });

  if (!isNonEmptyString(r.id)) add('id', 'must be a non-empty string');
  else if (!ID.test(r.id)) add('id', 'must be letters, digits and single - _ . separators');

  for (const field of ['outlet', 'origin', 'title'] as const) {
    if (!isNonEmptyString(r[field])) add(field, 'must be a non-empty string');
  }

  if (!Array.isArray(r.chain) || r.chain.length === 0 || !r.chain.every(isNonEmptyString)) {
    add('chain', 'must be a non-empty array of strings');
  }

  if (typeof r.language !== 'string' || !LANGUAGE.test(r.language)) {
    add('language', 'must be a language tag such as "fr" or "en-GB"');
  }

  if (typeof r.date !== 'string' || !isValidDate(r.date)) {
    add('date', 'must be a date written YYYY-MM or YYYY-MM-DD');
  }

  if (r.url !== undefined && (typeof r.url !== 'string' || !isHttpUrl(r.url))) {
    add('url', 'must be an http(s) URL when present');
  }

  if (!Array.isArray(r.paragraphs) || r.paragraphs.length === 0) {
    add('paragraphs', 'must be a non-empty array of strings');
  } else {
    r.paragraphs.forEach((p, i) => {
      if (!isNonEmptyString(p)) add(`paragraphs[${i}]`, 'must be a non-empty string');
    });
  }

  for (const key of Object.keys(r)) {
    if (!(FIELDS as readonly string[]).includes(key)) add(key, 'is not a dispatch field');
  }
  return out;
}

/**
 * Checks one dispatch record. Returns one message per problem, each naming the record and the
 * field, so a build log or an import report points straight at what to fix. Empty = valid.
 */
export function validateDispatch(value: unknown, label: string): string[] {
  const id = (value as { id?: unknown } | null)?.id;
  const who = isNonEmptyString(id) && id !== label ? `"${label}" (id "${id}")` : `"${label}"`;
  return dispatchProblems(value).map(({ field, problem }) =>
    field ? `dispatch ${who}: field "${field}" ${problem}` : `dispatch ${who}: ${problem}`,
  );
}

/** Validates every record and that ids are unique across the list. */
export function validateCorpus(list: readonly { label: string; value: unknown }[], label: string): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const { label: itemLabel, value } of list) {
    const itemErrors = validateDispatch(value, itemLabel);
    errors.push(...itemErrors);
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') continue;
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push(`corpus "${label}": dispatch "${itemLabel}": field "id" duplicates "${id}" of dispatch "${first}"`);
    } else {
      seen.set(id, itemLabel);
    }
  }
  return errors;
}

/** Type guard for callers that have already reported the errors. */
export function isDispatch(value: unknown): value is Dispatch {
  return validateDispatch(value, '').length === 0;
}
