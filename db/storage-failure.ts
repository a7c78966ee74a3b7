import { ImportError, isQuotaError, type ImportFailure } from './import';

/** A write of the reader's data that the database refused; `detail` is the browser's own reason. */
export class StorageFailure extends ImportError {
  constructor(
    reason: ImportFailure,
    message: string,
    readonly detail: string,
  ) {
    super(reason, message);
    this.name = 'StorageFailure';
  }
}

/**
 * A failed write of the reader's data as an ImportError the views can show: `nothing` says what
 * did not happen ("Nothing was saved"), the reason why. The transaction was rolled back.
 */
export function storageFailure(e: unknown, nothing: string): ImportError {
  if (e instanceof ImportError) return e;
  // Dexie appends the inner error's stack-like lines; the first line is the reason.
  const detail = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
  if (isQuotaError(e)) return new StorageFailure('quota', `${nothing}: the browser has no storage space left.`, detail);
  return new StorageFailure('failed', `${nothing}: the database refused the write (${detail}).`, detail);
}
