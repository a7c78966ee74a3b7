import { ImportError } from './import';

function isQuotaError(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { inner?: unknown }).inner) {
    if ((x as { name?: unknown }).name === 'QuotaExceededError') return true;
  }
  return false;
}

/**
 * A failed write of the reader's data as an ImportError the views can show: `nothing` says what
 * did not happen ("Nothing was saved"), the reason why. The transaction was rolled back.
 */
export function storageFailure(e: unknown, nothing: string): ImportError {
  if (e instanceof ImportError) return e;
  if (isQuotaError(e)) return new ImportError('quota', `${nothing}: the browser has no storage space left.`);
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new ImportError('failed', `${nothing}: the database refused the write (${detail}).`);
}
