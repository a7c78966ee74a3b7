import { NO_OFFSET } from './events';

/** No day pinned. */
export const NO_DAY = -2147483648;
/** A day and month without a year that fall this many days after the text's date are ahead of it. */
const UPCOMING_DAYS = 183;

/** Days since 1970-01-01 of a YYYY-MM-DD or YYYY-MM date (first of the month), or NO_DAY. */
export function dayNumber(date: string | undefined): number {
  if (!date) return NO_DAY;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date);
  if (!m) return NO_DAY;
  return Math.floor(Date.UTC(+m[1], +m[2] - 1, m[3] ? +m[3] : 1) / 86_400_000);
}

/**
 * The day a sentence's event happened, from its own cues and the text's date: a day and month
 * ("14 décembre") in the year that puts it at most a few days after the text's date, else a
 * weekday ("mardi") taken as the latest such day on or before the text's date, else a relative
 * day ("hier", "yesterday") counted from the text's date.
 */
export function eventDay(docDay: number, dayMonth: number, weekday: number, year: number, relativeDay = NO_OFFSET): number {
  if (docDay === NO_DAY) return NO_DAY;
  const doc = new Date(docDay * 86_400_000);
  if (dayMonth >= 0) {
    const month = dayMonth >> 5;
    const day = dayMonth & 31;
    let y = year > 0 ? year : doc.getUTCFullYear();
    let d = Math.floor(Date.UTC(y, month - 1, day) / 86_400_000);
    if (year <= 0 && d > docDay + 7) {
      // A date some weeks ahead with no year is a date announced ("lors de leur réunion le 21
      // juillet"), not the day of the act told: the sentence is not pinned to it.
      if (d <= docDay + UPCOMING_DAYS) return NO_DAY;
      d = Math.floor(Date.UTC(--y, month - 1, day) / 86_400_000);
    }
    return d;
  }
  if (weekday >= 0 && year <= 0) return docDay - ((doc.getUTCDay() - weekday + 7) % 7);
  if (weekday < 0 && year <= 0 && relativeDay !== NO_OFFSET) return docDay + relativeDay;
  return NO_DAY;
}
