import type { SavedComparison } from './types';

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const strList: Check = (v) => Array.isArray(v) && v.every(str);
const iso: Check = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const FIELDS: [string, Check, string][] = [
  ['id', (v) => str(v) && (v as string).length > 0, 'a non-empty text'],
  ['savedAt', iso, 'a date'],
  ['updatedAt', iso, 'a date'],
  ['page.url', str, 'a text'],
  ['page.title', str, 'a text'],
  ['passage.text', str, 'a text'],
  ['passage.quote.exact', (v) => str(v) && (v as string).length > 0, 'a non-empty text'],
  ['passage.quote.prefix', str, 'a text'],
  ['passage.quote.suffix', str, 'a text'],
  ['passage.position.start', num, 'a number'],
  ['passage.position.end', num, 'a number'],
  ['other.dispatch', str, 'a text'],
  ['other.outlet', str, 'a text'],
  ['other.origin', str, 'a text'],
  ['other.chain', strList, 'a list of texts'],
  ['other.date', str, 'a text'],
  ['other.title', str, 'a text'],
  ['other.text', str, 'a text'],
  ['other.start', num, 'a number'],
  ['other.end', num, 'a number'],
  ['kind', str, 'a text'],
  ['quote', bool, 'true or false'],
  ['score', num, 'a number'],
  ['note', str, 'a text'],
  ['tags', strList, 'a list of texts'],
];

function at(value: unknown, path: string): unknown {
  let v = value;
  for (const part of path.split('.')) v = obj(v) ? v[part] : undefined;
  return v;
}

/** What is wrong with one item of an export, each message naming the item and the field. */
export function validateSaved(value: unknown, label: string): string[] {
  if (!obj(value)) return [`${label}: not an object`];
  const errors: string[] = [];
  for (const [path, check, what] of FIELDS) {
    const v = at(value, path);
    if (v === undefined) errors.push(`${label}: field "${path}" is missing`);
    else if (!check(v)) errors.push(`${label}: field "${path}" should be ${what}`);
  }
  const diff = value.diff;
  if (!Array.isArray(diff) || !diff.every((d) => obj(d) && (d.op === -1 || d.op === 0 || d.op === 1) && str(d.text))) {
    errors.push(`${label}: field "diff" should be a list of {op, text}`);
  }
  if (value.hints !== undefined && !(Array.isArray(value.hints) && value.hints.every((h) => obj(h) && str(h.type) && str(h.note)))) {
    errors.push(`${label}: field "hints" should be a list of {type, note}`);
  }
  const last = value.lastAnchor;
  if (last !== undefined && !(obj(last) && ['exact', 'fuzzy', 'orphaned'].includes(last.status as string) && iso(last.at))) {
    errors.push(`${label}: field "lastAnchor" should be {status, at}`);
  }
  return errors;
}

/** A validated item with only the fields of a saved comparison (nothing else from the file is stored). */
export function toSavedRecord(v: SavedComparison): SavedComparison {
  const r: SavedComparison = {
    id: v.id,
    savedAt: v.savedAt,
    updatedAt: v.updatedAt,
    page: { url: v.page.url, title: v.page.title },
    passage: {
      text: v.passage.text,
      quote: { exact: v.passage.quote.exact, prefix: v.passage.quote.prefix, suffix: v.passage.quote.suffix },
      position: { start: v.passage.position.start, end: v.passage.position.end },
    },
    other: {
      dispatch: v.other.dispatch,
      outlet: v.other.outlet,
      origin: v.other.origin,
      chain: [...v.other.chain],
      date: v.other.date,
      title: v.other.title,
      text: v.other.text,
      start: v.other.start,
      end: v.other.end,
    },
    kind: v.kind,
    quote: v.quote,
    score: v.score,
    diff: v.diff.map((d) => ({ op: d.op, text: d.text })),
    note: v.note,
    tags: [...v.tags],
  };
  if (v.hints !== undefined) r.hints = v.hints.map((h) => ({ ...h }));
  if (v.lastAnchor !== undefined) r.lastAnchor = { status: v.lastAnchor.status, at: v.lastAnchor.at };
  return r;
}
