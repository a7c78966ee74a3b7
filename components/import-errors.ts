import type { NdjsonError } from '../corpus/ndjson';
import { t } from '../i18n/t';
import { RemoteError } from '../messaging/client';

/** Rows of rejected lines a page shows; the rest are counted, so 100,000 bad lines cost 50 rows. */
export const LISTED_ROWS = 50;

/**
 * The rows to show, the number of lines at fault, and how many of those lines are not shown.
 * `errors` come in line order (as the reader collects them), so lines are counted in one pass
 * without building a set of 100,000 numbers while the page waits.
 */
export function listedErrors(errors: readonly NdjsonError[], max = LISTED_ROWS): { shown: NdjsonError[]; lines: number; moreLines: number } {
  const shown = errors.slice(0, max);
  let lines = 0;
  let shownLines = 0;
  for (let i = 0; i < errors.length; i++) {
    if (i > 0 && errors[i].line === errors[i - 1].line) continue;
    lines++;
    if (i < shown.length) shownLines++;
  }
  return { shown, lines, moreLines: lines - shownLines };
}

/**
 * What the reader sees when an import fails: the background's own message (worded in the reader's
 * language), never the browser's raw text ("Could not establish connection", "exceeded maximum
 * allowed size"…), which gets a worded fallback.
 */
export function importErrorText(err: unknown): string {
  return err instanceof RemoteError ? err.message : t('optImportUnexpected');
}
