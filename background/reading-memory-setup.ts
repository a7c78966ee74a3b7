import { readDispatch } from '../corpus/read-dispatch';
import { applyRetention, countRead, exportReadPage, forgetRead, rememberRead } from '../db/reading-memory';
import type { RecoupeDB } from '../db/recoupe-db';
import type { Settings } from '../settings/settings';
import type { CorpusService } from './corpus-service';
import { memoryHandlers } from './memory-handlers';
import { DWELL_MS, ReadingMemory, type ReadingMemoryDeps } from './reading-memory';
import type { TabResults } from './tab-results';

export interface MemorySetupDeps {
  db: RecoupeDB;
  corpus: Pick<CorpusService, 'change'>;
  tabs: Pick<TabResults, 'state' | 'url'>;
  settings(): Promise<Settings>;
  tabUrl(tabId: number): Promise<string | undefined>;
  readMeta: ReadingMemoryDeps['readMeta'];
  /** Dwell time; browser tests shorten it through the worker's debug hook. */
  dwellMs?(): number;
  warn(message: string, err: unknown): void;
}

/** The reading memory of the worker: the remembering of read pages, and the messages of the views about it. */
export function setUpReadingMemory(deps: MemorySetupDeps) {
  const { db, corpus } = deps;
  const memory = new ReadingMemory({
    settings: deps.settings,
    tabUrl: deps.tabUrl,
    pageOf: (tabId, url) => {
      const state = deps.tabs.state(tabId);
      if (state.status !== 'done' || state.result.url !== url) return null;
      const { result } = state;
      const evidence = result.passages.map((p) => ({ page: p.page, kind: p.kind, origin: p.origins?.join(' + ') ?? result.dispatchInfo[p.dispatch]?.origin ?? '' }));
      return { title: result.title, text: result.text, evidence: evidence.filter((e) => e.origin !== '') };
    },
    readMeta: deps.readMeta,
    record: readDispatch,
    store: async (record, credits, readAt, byline) => {
      const settings = await deps.settings();
      await corpus.change(async () => {
        await rememberRead(db, record.dispatch, credits, readAt, byline);
        // Kept within the reader's limits as it grows; keys only, so it costs little.
        await applyRetention(db, { months: settings.memoryMonths, max: settings.memoryMax }, readAt);
      });
    },
    now: () => new Date(),
    dwellMs: deps.dwellMs ?? (() => DWELL_MS),
    warn: deps.warn,
  });
  const handlers = memoryHandlers({
    corpus,
    count: () => countRead(db),
    isRemembered: async (id) => (await db.dispatches.get(id))?.source === 'read',
    forget: (scope) => forgetRead(db, scope),
    exportPage: (after, limit) => exportReadPage(db, after, limit),
    tabUrl: (tabId) => deps.tabs.url(tabId),
    rememberedFor: (tabId) => memory.rememberedFor(tabId),
  });
  return { memory, handlers };
}
