/**
 * When a copy was published, as an interval: pages give a date-time with an offset (exact), a
 * date-time without one (somewhere within the world's time zones), a day, or (corpus records) a
 * month; a copy known only by when the reader read it was published at some time before that.
 */
export interface TimeSpan {
  /** Earliest possible publication, ms since the epoch; -Infinity when unknown. */
  lo: number;
  /** Latest possible publication; Infinity when unknown. */
  hi: number;
}

const HOUR = 3_600_000;
/** UTC-12 to UTC+14: a local time without an offset lies within this of the same clock reading in UTC. */
const BEFORE_UTC = 14 * HOUR;
const AFTER_UTC = 12 * HOUR;

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$/i;

/** The interval a date as pages write it stands for, or null when it is not one. */
export function spanOf(value: string | undefined): TimeSpan | null {
  const s = value?.trim();
  if (!s) return null;
  const month = MONTH.exec(s);
  if (month) {
    // A corpus record may be dated by its month only ("2021-12").
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    const start = Date.UTC(Number(month[1]), m - 1, 1);
    const next = Date.UTC(Number(month[1]), m, 1);
    return { lo: start - BEFORE_UTC, hi: next + AFTER_UTC };
  }
  if (DAY.test(s)) {
    const t = Date.parse(`${s}T00:00:00Z`);
    return Number.isNaN(t) ? null : { lo: t - BEFORE_UTC, hi: t + 24 * HOUR + AFTER_UTC };
  }
  if (LOCAL.test(s)) {
    const t = Date.parse(`${s.replace(' ', 'T')}Z`);
    return Number.isNaN(t) ? null : { lo: t - BEFORE_UTC, hi: t + AFTER_UTC };
  }
  if (WITH_OFFSET.test(s)) {
    // "+0100" is not read by every Date.parse: write it "+01:00".
    const t = Date.parse(s.replace(' ', 'T').replace(/\s+/g, '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(t) ? null : { lo: t, hi: t };
  }
  return null;
}

/** A copy's publication span from its stated date and the time it was read (an upper bound). */
export function publicationSpan(published: string | undefined, read: string | undefined): TimeSpan {
  const p = spanOf(published);
  const r = spanOf(read);
  const lo = p?.lo ?? -Infinity;
  let hi = p?.hi ?? Infinity;
  if (r) hi = Math.min(hi, r.hi);
  // A page's date after the moment it was read is wrong; the read date is the one the reader saw.
  return lo > hi ? { lo: -Infinity, hi } : { lo, hi };
}

/** Hours by which `a` was certainly published before `b` (0 or less: not certainly). */
export function leadHours(a: TimeSpan, b: TimeSpan): number {
  return (b.lo - a.hi) / HOUR;
}
