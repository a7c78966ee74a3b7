import { candidateIds, dispatchText, match, type CorpusIndex, type MatchOptions } from '../engine/index';
import type { Dispatch, MatchResult } from '../engine/types';
import type { DispatchInfo, ImportSummary } from '../messaging/protocol';

/** The database operations the background needs, so the service can be tested without a browser. */
export interface CorpusStore {
  seed(): Promise<void>;
  loadIndex(): Promise<CorpusIndex>;
  listDispatchInfo(): Promise<DispatchInfo[]>;
  getDispatches(ids: string[]): Promise<Dispatch[]>;
  getDispatch(id: string): Promise<Dispatch | undefined>;
  importDispatches(dispatches: Dispatch[], mode: 'extend' | 'replace'): Promise<ImportSummary>;
}

interface Loaded {
  index: CorpusIndex;
}

/**
 * Owns the corpus for the worker's lifetime: seeding, the in-memory index and dispatch labels.
 * Every reader goes through `ready()`, so requests that arrive while the database is being seeded
 * are answered once it is done instead of failing.
 */
export class CorpusService {
  private loaded: Promise<Loaded> | null = null;
  private failed = false;
  /** Labels are read on first need only: most pages match nothing, and a cold worker should start fast. */
  private infos: Promise<Map<string, DispatchInfo>> | null = null;

  constructor(private readonly store: CorpusStore) {}

  /**
   * Seeds (idempotently) and loads the index. Runs at every worker start and again on
   * install/update; a second run waits for the first so two seedings never overlap.
   */
  start(): Promise<void> {
    const previous = this.loaded;
    const next = this.track(
      (async () => {
        if (previous) await previous.catch(() => undefined);
        await this.store.seed();
        return this.load();
      })(),
    );
    return next.then(() => undefined);
  }

  /** Resolves once the corpus is usable; a failed seeding is tried again by the next caller. */
  async ready(): Promise<Loaded> {
    if (!this.loaded || this.failed) void this.start().catch(() => undefined);
    return this.loaded!;
  }

  async match(text: string, options: MatchOptions = {}): Promise<{ result: MatchResult; infoOf: (id: string) => DispatchInfo | undefined }> {
    const { index } = await this.ready();
    const ids = candidateIds(text, index, options);
    const texts = new Map<string, string>();
    for (const d of await this.store.getDispatches(ids)) texts.set(d.id, dispatchText(d));
    const result = match(text, index, (id) => texts.get(id), options);
    const infos = result.dispatches.length + result.passages.length > 0 ? await this.labels() : new Map<string, DispatchInfo>();
    return { result, infoOf: (id) => infos.get(id) };
  }

  async getDispatch(id: string): Promise<Dispatch | null> {
    await this.ready();
    return (await this.store.getDispatch(id)) ?? null;
  }

  async list(): Promise<DispatchInfo[]> {
    await this.ready();
    return [...(await this.labels()).values()];
  }

  async count(): Promise<number> {
    return (await this.ready()).index.ids.length;
  }

  /** Imports, then swaps in the rebuilt index; matches already running finish on the old one. */
  async import(dispatches: Dispatch[], mode: 'extend' | 'replace'): Promise<ImportSummary> {
    await this.ready();
    const summary = await this.store.importDispatches(dispatches, mode);
    await this.track(this.load());
    return summary;
  }

  /** Runs another write to the corpus (removal, restore), then swaps in the index it rebuilt. */
  async change<T>(write: () => Promise<T>): Promise<T> {
    await this.ready();
    const result = await write();
    await this.track(this.load());
    return result;
  }

  private track(next: Promise<Loaded>): Promise<Loaded> {
    this.loaded = next;
    this.failed = false;
    next.catch(() => {
      if (this.loaded === next) this.failed = true;
    });
    return next;
  }

  private async load(): Promise<Loaded> {
    this.infos = null;
    return { index: await this.store.loadIndex() };
  }

  private labels(): Promise<Map<string, DispatchInfo>> {
    if (!this.infos) {
      const next = this.store.listDispatchInfo().then((list) => new Map(list.map((info) => [info.id, info])));
      this.infos = next;
      next.catch(() => {
        if (this.infos === next) this.infos = null;
      });
    }
    return this.infos;
  }
}
