import { validateCorpus } from '../corpus/validate';
import { ImportError, isQuotaError } from '../db/import';
import { toStored } from '../db/stored-dispatch';
import type { StoredDispatch } from '../db/rows';
import type { Dispatch } from '../engine/types';
import { getLanguage, t } from '../i18n/t';
import type { ImportSummary } from '../messaging/protocol';
import type { Handlers } from '../messaging/server';

export type ImportJobMessage = 'import-begin' | 'import-batch' | 'import-commit' | 'import-cancel';

/** Most dispatches one batch may carry: the page sends a few hundred at a time. */
export const BATCH_LIMIT = 2_000;

export interface ImportJobDeps {
  corpus: {
    /** Resolves once the corpus is seeded (and an interrupted import cleaned up). */
    ready(): Promise<unknown>;
    /** Runs a write to the corpus, then brings the index in memory up to it. */
    change<T>(write: () => Promise<T>): Promise<T>;
  };
  begin(mode: 'extend' | 'replace'): Promise<string>;
  stage(job: string, rows: StoredDispatch[]): Promise<number>;
  commit(job: string): Promise<ImportSummary>;
  cancel(job: string): Promise<void>;
  /** What the browser grants and uses (navigator.storage.estimate), in bytes; null when unknown. */
  estimate(): Promise<{ usage: number; quota: number } | null>;
  /** Cancels the import quietly after a failure (its own failure is not the reader's concern). */
  warn(message: string, err: unknown): void;
}

/** Bytes as the reader's language writes them: "1.2 GB", "340 MB", "1,2 Go". */
function size(bytes: number): string {
  const gb = bytes >= 1e9;
  return new Intl.NumberFormat(getLanguage(), { style: 'unit', unit: gb ? 'gigabyte' : 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / (gb ? 1e9 : 1e6));
}

function isQuota(e: unknown): boolean {
  return isQuotaError(e) || (e instanceof ImportError && e.reason === 'quota');
}

/** The streaming import: the options page reads the file in slices and sends checked batches. */
export function importJobHandlers(deps: ImportJobDeps): Pick<Handlers, ImportJobMessage> {
  /** Staged so far per job, for the quota message. */
  const staged = new Map<string, number>();

  /** A failure in the reader's words; the import is cancelled so that nothing of it stays. */
  async function failed(job: string, err: unknown): Promise<never> {
    await deps.cancel(job).catch((e) => deps.warn('Recoupe: cancelling a failed import failed', e));
    if (err instanceof ImportError && err.reason === 'cancelled') throw new Error(t('optImportInterrupted'));
    if (err instanceof ImportError && err.reason === 'invalid') throw err;
    if (isQuota(err)) {
      const estimate = await deps.estimate().catch(() => null);
      throw new Error(
        t('optImportQuotaStopped', {
          stored: staged.get(job) ?? 0,
          quota: estimate ? size(estimate.quota) : '?',
          usage: estimate ? size(estimate.usage) : '?',
        }),
      );
    }
    throw new Error(t('optImportStoreFailed'));
  }

  return {
    async 'import-begin'(req) {
      if (req.mode !== 'extend' && req.mode !== 'replace') throw new Error('mode must be extend or replace');
      await deps.corpus.ready();
      const job = await deps.begin(req.mode);
      staged.clear();
      staged.set(job, 0);
      return { job };
    },

    async 'import-batch'(req) {
      if (typeof req.job !== 'string' || !Array.isArray(req.dispatches)) throw new Error('import-batch needs a job and dispatches');
      if (req.dispatches.length > BATCH_LIMIT) throw new Error(`a batch holds at most ${BATCH_LIMIT} dispatches`);
      // The page checked every line; checked again here, since the database must never hold a bad record.
      const errors = validateCorpus(req.dispatches.map((d: Dispatch, i) => ({ label: typeof d?.id === 'string' ? d.id : `#${i + 1}`, value: d })), 'import');
      if (errors.length > 0) return failed(req.job, new ImportError('invalid', `Nothing was imported: ${errors.slice(0, 5).join('; ')}.`));
      try {
        const count = await deps.stage(req.job, req.dispatches.map((d) => toStored(d, 'imported')));
        staged.set(req.job, count);
        return { staged: count };
      } catch (err) {
        return failed(req.job, err);
      }
    },

    async 'import-commit'(req) {
      if (typeof req.job !== 'string') throw new Error('import-commit needs a job');
      try {
        const summary = await deps.corpus.change(() => deps.commit(req.job));
        staged.delete(req.job);
        return summary;
      } catch (err) {
        return failed(req.job, err);
      }
    },

    async 'import-cancel'(req) {
      if (typeof req.job !== 'string') throw new Error('import-cancel needs a job');
      await deps.cancel(req.job);
      staged.delete(req.job);
      return null;
    },
  };
}
