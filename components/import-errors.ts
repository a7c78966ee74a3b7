import type { NdjsonError } from '../corpus/ndjson';
import { t } from '../i18n/t';
import { RemoteError } from '../messaging/client';

/** Rows of rejected lines a page shows; the rest are counted, so 100,000 bad lines cost 50 rows. */
export const LISTED_ROWS = 50;

/** The rows to show, the number of lines at fault, and how many of those lines are not shown. */
export function listedErrors(errors: readonly NdjsonError[], max = LISTED_ROWS): { shown: NdjsonError[]; lines: number; moreLines: number } {
  const shown = errors.slice(0, max);
  const shownLines = new Set(shown.map((e) => e.line));
  const all = new Set(errors.map((e) => e.line));
  let moreLines = 0;
  for (const line of all) if (!shownLines.has(line)) moreLines++;
  return { shown, lines: all.size, moreLines };
}

/**
 * What the reader sees when an import fails: the background's own message (worded in the reader's
 * language), never the browser's raw text ("Could not establish connection", "exceeded maximum
 * allowed size"…), which gets a worded fallback.
 */
export function importErrorText(err: unknown): string {
  return err instanceof RemoteError ? err.message : t('optImportUnexpected');
}
