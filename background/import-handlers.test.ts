import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../corpus/bundled';
import { ImportError } from '../db/import';
import type { StoredDispatch } from '../db/rows';
import { getLanguage, setLanguage } from '../i18n/t';
import { importJobHandlers, type ImportJobDeps } from './import-handlers';

const caller = {} as never;

function deps(over: Partial<ImportJobDeps> = {}) {
  const calls: string[] = [];
  const d: ImportJobDeps = {
    corpus: { ready: async () => undefined, change: async (write) => write() },
    begin: async () => 'job-1',
    stage: async (_job, rows: StoredDispatch[]) => {
      calls.push(`stage ${rows.length}`);
      return rows.length;
    },
    commit: async () => ({ added: 1, updated: 0, total: 6 }),
    cancel: async (job) => void calls.push(`cancel ${job}`),
    estimate: async () => ({ usage: 312e6, quota: 320e6 }),
    warn: () => undefined,
    ...over,
  };
  return { handlers: importJobHandlers(d), calls };
}

describe('import in batches, background side', () => {
  it('stores checked batches and refuses a bad record, cancelling the import', async () => {
    const { handlers, calls } = deps();
    const { job } = await handlers['import-begin']({ mode: 'extend' }, caller);
    expect(await handlers['import-batch']({ job, dispatches: bundledCorpus.slice(0, 2) }, caller)).toEqual({ staged: 2 });
    await expect(handlers['import-batch']({ job, dispatches: [{ ...bundledCorpus[0], date: 'hier' }] }, caller)).rejects.toThrow('Nothing was imported');
    expect(calls).toEqual(['stage 2', 'cancel job-1']);
  });

  it('a full disk stops the import with what was stored and what the browser grants, in the reader’s language', async () => {
    const before = getLanguage();
    setLanguage('fr');
    try {
      let n = 0;
      const { handlers, calls } = deps({
        stage: async (_job, rows) => {
          if (++n === 2) throw new ImportError('quota', 'full');
          return rows.length;
        },
      });
      const { job } = await handlers['import-begin']({ mode: 'extend' }, caller);
      await handlers['import-batch']({ job, dispatches: bundledCorpus.slice(0, 3) }, caller);
      const failed = handlers['import-batch']({ job, dispatches: bundledCorpus.slice(3) }, caller);
      await expect(failed).rejects.toThrow(/3 dépêches .*320\sMo à Recoupe, dont 312\sMo/);
      expect(calls).toEqual(['cancel job-1']);
    } finally {
      setLanguage(before);
    }
  });

  it('an import cancelled elsewhere (another import, a restart) says so', async () => {
    const { handlers } = deps({ commit: async () => Promise.reject(new ImportError('cancelled', 'gone')) });
    const { job } = await handlers['import-begin']({ mode: 'replace' }, caller);
    await expect(handlers['import-commit']({ job }, caller)).rejects.toThrow(/interrupted/);
  });
});
