import type { Dispatch } from '../engine/types';
import { ensureSeeded, getDispatch, getDispatches, getDispatchesWithInfo, getDispatchInfo, importDispatches, listDispatchInfo, buildMerge, readLive, type openDb } from '../db/index';
import { cancelImport } from '../db/import-job';
import { readLiveSamples, readLiveText } from '../db/segment-store';
import type { CorpusStore } from './corpus-service';

/** The Dexie database seen as the store the corpus service needs. */
export function dbStore(db: ReturnType<typeof openDb>, bundled: Dispatch[], version: string): CorpusStore {
  return {
    seed: async () => {
      // An import the worker was stopped in the middle of is dropped: imports are all or nothing.
      if (await db.meta.get('importJob')) await cancelImport(db);
      await ensureSeeded(db, bundled, version);
    },
    readLive: (have) => readLive(db, have),
    readLiveText: () => readLiveText(db),
    readLiveSamples: () => readLiveSamples(db),
    buildMerge: () => buildMerge(db),
    listDispatchInfo: () => listDispatchInfo(db),
    getDispatchInfo: (ids) => getDispatchInfo(db, ids),
    getDispatches: (ids) => getDispatches(db, ids),
    getDispatchesWithInfo: (ids) => getDispatchesWithInfo(db, ids),
    getDispatch: (id) => getDispatch(db, id),
    importDispatches: (dispatches, mode) => importDispatches(db, dispatches, mode),
  };
}
