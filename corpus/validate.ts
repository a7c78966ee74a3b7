import type { Dispatch } from '../engine/types';
import { getLanguage, t } from '../i18n/t';
import { hasHiddenCharacters } from './clean-text';

/** Readable, URL-safe ids: they appear in file names, messages and the CLI's --exclude. */
const ID = /^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$/;
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
/** BCP 47 in the shapes a corpus uses: "fr", "en", "pt-BR", "zh-Hant", "es-419". */
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|\d{3}))?$/;
const FIELDS = ['id', 'outlet', 'origin', 'chain', 'language', 'date', 'title', 'url', 'paragraphs', 'origins', 'read'] as const;

/**
 * The longest accepted value of each field, in characters: generous for any real dispatch, and
 * short enough that one hostile line cannot make a page millions of pixels tall or fill the disk.
 */
export const FIELD_LIMITS = { id: 200, outlet: 200, origin: 200, chain: 200, title: 1000, url: 4000, language: 35, date: 10 } as const;
/** Most outlets a provenance chain may name. */
export const CHAIN_LIMIT = 50;
/** Longest body of one dispatch (its text, or all its paragraphs together), in characters. */
export const TEXT_LIMIT = 2_000_000;

/** A number as the reader's language writes it (1 000 000 in French). */
export function formatCount(n: number): string {
  return n.toLocaleString(getLanguage());
}

/** The problem of a string over its limit, or null. */
export function tooLong(value: string, max: number): string | null {
  return value.length > max ? t('valTooLong', { length: formatCount(value.length), max: formatCount(max) }) : null;
}

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
    return [{ field: '', problem: t('valNotObject') }];
  }
  const r = value as Record<string, unknown>;
  const out: FieldProblem[] = [];
  const add = (field: string, problem: string) => out.push({ field, problem: r[field] === undefined && !field.includes('[') ? t('valMissing') : problem });
  const cap = (field: keyof typeof FIELD_LIMITS) => {
    const v = r[field];
    const problem = typeof v === 'string' ? tooLong(v, FIELD_LIMITS[field]) : null;
    if (problem) add(field, problem);
    return problem === null;
  };

  if (!isNonEmptyString(r.id)) add('id', t('valNonEmptyString'));
  else if (cap('id') && !ID.test(r.id)) add('id', t('valIdShape'));

  for (const field of ['outlet', 'origin', 'title'] as const) {
    if (!isNonEmptyString(r[field])) add(field, t('valNonEmptyString'));
    else cap(field);
  }

  if (!Array.isArray(r.chain) || r.chain.length === 0 || !r.chain.every(isNonEmptyString)) {
    add('chain', t('valChain'));
  } else if (r.chain.length > CHAIN_LIMIT) {
    add('chain', t('valTooMany', { count: formatCount(r.chain.length), max: CHAIN_LIMIT }));
  } else {
    r.chain.forEach((entry: string, i) => {
      const problem = tooLong(entry, FIELD_LIMITS.chain);
      if (problem) add(`chain[${i}]`, problem);
    });
  }

  if (typeof r.language !== 'string') add('language', t('valLanguage'));
  else if (cap('language') && !LANGUAGE.test(r.language)) add('language', t('valLanguage'));

  if (typeof r.date !== 'string') add('date', t('valDate'));
  else if (cap('date') && !isValidDate(r.date)) add('date', t('valDate'));

  if (r.url !== undefined) {
    if (typeof r.url !== 'string') add('url', t('valUrl'));
    // The URL parser quietly drops tabs and line breaks: an address that needs that is not one.
    else if (cap('url') && hasHiddenCharacters(r.url)) add('url', t('valUrlHidden'));
    else if (r.url.length <= FIELD_LIMITS.url && !isHttpUrl(r.url)) add('url', t('valUrl'));
  }

  if (!Array.isArray(r.paragraphs) || r.paragraphs.length === 0) {
    add('paragraphs', t('valChain'));
  } else {
    let total = 0;
    r.paragraphs.forEach((p, i) => {
      if (!isNonEmptyString(p)) add(`paragraphs[${i}]`, t('valNonEmptyString'));
      else total += p.length;
    });
    if (total > TEXT_LIMIT) add('paragraphs', t('valTooLong', { length: formatCount(total), max: formatCount(TEXT_LIMIT) }));
  }

  if (r.origins !== undefined) originsProblems(r.origins, Array.isArray(r.paragraphs) ? r.paragraphs.length : 0).forEach(({ field, problem }) => add(field, problem));

  if (r.read !== undefined && !isReadNote(r.read)) add('read', t('valRead'));

  for (const key of Object.keys(r)) {
    if (!(FIELDS as readonly string[]).includes(key)) add(key, t('valUnknownField'));
  }
  return out;
}

/** `read` of a reading-memory export: when the page was read, and the few agencies it credited. */
function isReadNote(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { at, credits, byline, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return false;
  if (byline !== undefined && (!isNonEmptyString(byline) || byline.length > 200)) return false;
  if (typeof at !== 'string' || at.length > 40 || Number.isNaN(Date.parse(at))) return false;
  return credits === undefined || (Array.isArray(credits) && credits.length <= CHAIN_LIMIT && credits.every((c) => isNonEmptyString(c) && c.length <= 60));
}

const ORIGIN_KEYS = ['from', 'to', 'origin'];

/**
 * The problems of an `origins` list: ranges of paragraph indexes within the text, in order and
 * apart, each naming a non-empty origin within the name limit.
 */
function originsProblems(value: unknown, paragraphCount: number): FieldProblem[] {
  if (!Array.isArray(value)) return [{ field: 'origins', problem: t('valOrigins') }];
  // More ranges than paragraphs cannot be in order without overlap; checked first, so a hostile list costs nothing.
  if (value.length > Math.max(paragraphCount, 1)) {
    return [{ field: 'origins', problem: t('valTooMany', { count: formatCount(value.length), max: formatCount(Math.max(paragraphCount, 1)) }) }];
  }
  const out: FieldProblem[] = [];
  let end = -1;
  value.forEach((entry: unknown, i) => {
    const field = `origins[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || Object.keys(entry).some((k) => !ORIGIN_KEYS.includes(k))) {
      out.push({ field, problem: t('valOrigins') });
      return;
    }
    const { from, to, origin } = entry as Record<string, unknown>;
    if (!isNonEmptyString(origin)) out.push({ field: `${field}.origin`, problem: t('valNonEmptyString') });
    else {
      const problem = tooLong(origin, FIELD_LIMITS.origin);
      if (problem) out.push({ field: `${field}.origin`, problem });
    }
    if (!Number.isInteger(from) || !Number.isInteger(to) || (from as number) < 0 || (from as number) > (to as number) || (to as number) >= paragraphCount) {
      out.push({ field, problem: t('valOriginsRange', { last: Math.max(paragraphCount - 1, 0) }) });
      return;
    }
    if ((from as number) <= end) out.push({ field, problem: t('valOriginsOrder') });
    end = Math.max(end, to as number);
  });
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
    field ? `dispatch ${who}: ${t('valField', { field, problem })}` : `dispatch ${who}: ${problem}`,
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
