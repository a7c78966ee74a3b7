import { cleanName, hasHiddenCharacters } from '../corpus/clean-text';
import { formatCount, TEXT_LIMIT, tooLong } from '../corpus/validate';
import { t } from '../i18n/t';
import type { MessageKey } from '../i18n/messages';
import type { SavedComparison, SavedHint } from './types';

/**
 * The longest accepted value of each field of an imported comparison, in characters. A file made by
 * Recoupe stays far below them (save and edit keep to them too); a hostile file is refused before
 * a 1 MB title can make the Saved view millions of pixels tall.
 */
export const SAVED_LIMITS = {
  id: 200,
  url: 65_536,
  title: 1000,
  name: 200,
  date: 40,
  kind: 40,
  note: 20_000,
  tag: 100,
  tags: 100,
  chain: 50,
  context: 1000,
  text: TEXT_LIMIT,
  hints: 500,
  hint: 2000,
} as const;

type Check = (v: unknown) => boolean;

const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const strList: Check = (v) => Array.isArray(v) && v.every(str);
const iso: Check = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const span = (v: unknown) => obj(v) && num(v.start) && num(v.end) && str(v.text);

/** Path, check, what it should be, and the longest accepted string (or each string of a list). */
const FIELDS: [string, Check, MessageKey, number?][] = [
  ['id', (v) => str(v) && (v as string).length > 0, 'savedWhatNonEmpty', SAVED_LIMITS.id],
  ['savedAt', iso, 'savedWhatDate', SAVED_LIMITS.date],
  ['updatedAt', iso, 'savedWhatDate', SAVED_LIMITS.date],
  ['page.url', str, 'savedWhatText', SAVED_LIMITS.url],
  ['page.title', str, 'savedWhatText', SAVED_LIMITS.title],
  ['passage.text', str, 'savedWhatText', SAVED_LIMITS.text],
  ['passage.quote.exact', (v) => str(v) && (v as string).length > 0, 'savedWhatNonEmpty', SAVED_LIMITS.text],
  ['passage.quote.prefix', str, 'savedWhatText', SAVED_LIMITS.context],
  ['passage.quote.suffix', str, 'savedWhatText', SAVED_LIMITS.context],
  ['passage.position.start', num, 'savedWhatNumber'],
  ['passage.position.end', num, 'savedWhatNumber'],
  ['other.dispatch', str, 'savedWhatText', SAVED_LIMITS.name],
  ['other.outlet', str, 'savedWhatText', SAVED_LIMITS.name],
  ['other.origin', str, 'savedWhatText', SAVED_LIMITS.name],
  ['other.chain', strList, 'savedWhatTexts', SAVED_LIMITS.name],
  ['other.date', str, 'savedWhatText', SAVED_LIMITS.date],
  ['other.title', str, 'savedWhatText', SAVED_LIMITS.title],
  ['other.text', str, 'savedWhatText', SAVED_LIMITS.text],
  ['other.start', num, 'savedWhatNumber'],
  ['other.end', num, 'savedWhatNumber'],
  ['kind', str, 'savedWhatText', SAVED_LIMITS.kind],
  ['quote', bool, 'savedWhatBool'],
  ['score', num, 'savedWhatNumber'],
  ['note', str, 'savedWhatText', SAVED_LIMITS.note],
  ['tags', strList, 'savedWhatTexts', SAVED_LIMITS.tag],
];

/** Longest list accepted at a path. */
const LIST_LIMITS: Record<string, number> = { 'other.chain': SAVED_LIMITS.chain, tags: SAVED_LIMITS.tags };

function at(value: unknown, path: string): unknown {
  let v = value;
  for (const part of path.split('.')) v = obj(v) ? v[part] : undefined;
  return v;
}

/** Why a string or list of strings is over its limits, or null. */
function overLimit(path: string, v: unknown, max: number): string | null {
  if (typeof v === 'string') return tooLong(v, max);
  if (!Array.isArray(v)) return null;
  const most = LIST_LIMITS[path];
  if (most !== undefined && v.length > most) return t('valTooMany', { count: formatCount(v.length), max: most });
  for (const s of v) {
    const problem = tooLong(s as string, max);
    if (problem) return problem;
  }
  return null;
}

function validHint(h: unknown): boolean {
  if (!obj(h) || !str(h.type) || !str(h.note)) return false;
  if (h.code !== undefined && !str(h.code)) return false;
  if (h.params !== undefined && !(obj(h.params) && Object.values(h.params).every(str))) return false;
  if (h.page !== undefined && !span(h.page)) return false;
  return h.source === undefined || span(h.source);
}

function hintStrings(h: SavedHint): string[] {
  return [h.type, h.note, h.code ?? '', ...Object.keys(h.params ?? {}), ...Object.values(h.params ?? {})];
}

/**
 * What is wrong with one item of an export, each message naming the item (`label`) and the field,
 * in the reader's language.
 */
export function validateSaved(value: unknown, label: string): string[] {
  if (!obj(value)) return [t('savedItemNotObject', { item: label })];
  const errors: string[] = [];
  const fault = (field: string, problem: string) => errors.push(t('savedItemField', { item: label, field, problem }));
  for (const [path, check, what, max] of FIELDS) {
    const v = at(value, path);
    if (v === undefined) fault(path, t('valMissing'));
    else if (!check(v)) fault(path, t('savedShould', { what: t(what) }));
    else if (max !== undefined) {
      const problem = overLimit(path, v, max);
      if (problem) fault(path, problem);
    }
  }
  const diff = value.diff;
  if (!Array.isArray(diff) || !diff.every((d) => obj(d) && (d.op === -1 || d.op === 0 || d.op === 1) && str(d.text))) {
    fault('diff', t('savedShould', { what: t('savedWhatDiff') }));
  } else {
    const length = diff.reduce((sum: number, d) => sum + (d.text as string).length, 0);
    if (length > 2 * SAVED_LIMITS.text) fault('diff', t('valTooLong', { length: formatCount(length), max: formatCount(2 * SAVED_LIMITS.text) }));
  }
  if (value.hints !== undefined) {
    if (!(Array.isArray(value.hints) && value.hints.every(validHint))) fault('hints', t('savedShould', { what: t('savedWhatHints') }));
    else if (value.hints.length > SAVED_LIMITS.hints) fault('hints', t('valTooMany', { count: formatCount(value.hints.length), max: SAVED_LIMITS.hints }));
    else {
      const problem = (value.hints as SavedHint[]).flatMap(hintStrings).map((s) => tooLong(s, SAVED_LIMITS.hint)).find((p) => p !== null);
      if (problem) fault('hints', problem);
    }
  }
  const last = value.lastAnchor;
  if (last !== undefined && !(obj(last) && ['exact', 'fuzzy', 'orphaned'].includes(last.status as string) && iso(last.at))) {
    fault('lastAnchor', t('savedShould', { what: t('savedWhatAnchor') }));
  }
  return errors;
}

/**
 * True when a page address may be a link: http or https, and nothing hidden in it. Anything else
 * (`javascript:`, `data:`, a line break that would escape a Markdown autolink) is shown as text.
 */
export function isWebAddress(url: string): boolean {
  if (hasHiddenCharacters(url) || /[<>"`]/.test(url)) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Tags as stored: shown as names, so cleaned like names; trimmed, each once, at most SAVED_LIMITS.tags. */
export function cleanSavedTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const clean = cleanName(tag).trim().replace(/\s+/g, ' ').slice(0, SAVED_LIMITS.tag);
    if (!clean || seen.has(clean.toLowerCase())) continue;
    seen.add(clean.toLowerCase());
    out.push(clean);
  }
  return out.slice(0, SAVED_LIMITS.tags);
}

function toSavedHint(h: SavedHint): SavedHint {
  const out: SavedHint = { type: h.type, note: cleanName(h.note) };
  if (h.code !== undefined) out.code = h.code;
  if (h.params !== undefined) out.params = Object.fromEntries(Object.entries(h.params).map(([k, v]) => [k, cleanName(v)]));
  if (h.page !== undefined) out.page = { start: h.page.start, end: h.page.end, text: h.page.text };
  if (h.source !== undefined) out.source = { start: h.source.start, end: h.source.end, text: h.source.text };
  return out;
}

/**
 * A validated item with only the fields of a saved comparison (nothing else from the file is
 * stored). Names, titles, notes and tags lose their control and bidirectional characters, so
 * "\u202EPFA" cannot pose as "AFP"; the passages stay as they are, offsets into them must hold.
 */
export function toSavedRecord(v: SavedComparison): SavedComparison {
  const r: SavedComparison = {
    id: v.id,
    savedAt: v.savedAt,
    updatedAt: v.updatedAt,
    page: { url: cleanName(v.page.url), title: cleanName(v.page.title) },
    passage: {
      text: v.passage.text,
      quote: { exact: v.passage.quote.exact, prefix: v.passage.quote.prefix, suffix: v.passage.quote.suffix },
      position: { start: v.passage.position.start, end: v.passage.position.end },
    },
    other: {
      dispatch: v.other.dispatch,
      outlet: cleanName(v.other.outlet),
      origin: cleanName(v.other.origin),
      chain: v.other.chain.map(cleanName),
      date: cleanName(v.other.date),
      title: cleanName(v.other.title),
      text: v.other.text,
      start: v.other.start,
      end: v.other.end,
    },
    kind: v.kind,
    quote: v.quote,
    score: v.score,
    diff: v.diff.map((d) => ({ op: d.op, text: d.text })),
    note: cleanName(v.note),
    tags: cleanSavedTags(v.tags),
  };
  if (v.hints !== undefined) r.hints = v.hints.map(toSavedHint);
  if (v.lastAnchor !== undefined) r.lastAnchor = { status: v.lastAnchor.status, at: v.lastAnchor.at };
  return r;
}
