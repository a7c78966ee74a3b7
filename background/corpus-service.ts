import { pageDispatchId } from '../corpus/page-dispatch';
import { dispatchText, type CorpusIndex, type FactsIndex, type MatchOptions } from '../engine/index';
import type { Dispatch } from '../engine/types';
import type { DispatchInfo, ImportSummary } from '../messaging/protocol';
import { alignText, type TextAlignment, type TextFacts, type TextSource } from '../engine/align-page';

/** Characters of dispatch text kept in memory between matches (about 2 MB of UTF-16, a few hundred dispatches). */
const TEXT_CACHE_CHARS = 1_000_000;

/** The database operations the background needs, so the service can be tested without a browser. */
export interface CorpusStore {
  seed(): Promise<void>;
  loadIndex(): Promise<CorpusIndex>;
  loadFactsIndex(): Promise<FactsIndex>;
  listDispatchInfo(): Promise<DispatchInfo[]>;
  getDispatches(ids: string[]): Promise<Dispatch[]>;
  getDispatch(id: string): Promise<Dispatch | undefined>;
  importDispatches(dispatches: Dispatch[], mode: 'extend' | 'replace'): Promise<ImportSummary>;
}

interface Loaded {
  index: CorpusIndex;
  /** The facts index of the same corpus, read on first need (see lazyFacts()). */
  facts: () => Promise<FactsIndex>;
  /** Dispatch texts read so far for this corpus. */
  texts: TextSource;
}

/** What a page tells about itself, for matching. */
export interface PageAbout {
  url?: string;
  date?: string;
  language?: string;
}

export interface Aligned {
  result: TextAlignment;
  infoOf: (id: string) => DispatchInfo | undefined;
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

  /**
   * Reused text and same facts of a page. The record a reader made of this very page (same URL,
   * see pageDispatchId) is left out of the facts alignment; callers drop other self-matches with
   * withoutSelf once labels are known.
   */
  async match(text: string, options: MatchOptions = {}, page: PageAbout = {}): Promise<Aligned> {
    const loaded = await this.ready();
    return this.align(loaded, text, options, { date: page.date, language: page.language, exclude: selfIds(page.url) });
  }

  /** A corpus dispatch read against the others, as if it were a page; null for an unknown id. */
  async alignDispatch(id: string, options: MatchOptions = {}): Promise<(Aligned & { dispatch: Dispatch; text: string }) | null> {
    const loaded = await this.ready();
    const dispatch = await this.store.getDispatch(id);
    if (!dispatch) return null;
    const text = dispatchText(dispatch);
    const aligned = await this.align(loaded, text, options, { date: dispatch.date, language: dispatch.language, exclude: [id] });
    return { ...aligned, dispatch, text };
  }

  private async align(loaded: Loaded, text: string, options: MatchOptions, about: TextFacts): Promise<Aligned> {
    const facts = await loaded.facts();
    const result = await alignText(text, { index: loaded.index, facts }, loaded.texts, about, options);
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
    return { index: await this.store.loadIndex(), facts: this.lazyFacts(), texts: this.textCache() };
  }

  /**
   * Dispatch texts kept between matches: pages of one story meet the same dispatches, and with
   * their texts in memory same-fact alignment runs once instead of twice. The oldest go first
   * beyond a bound, so a big corpus does not end up in memory.
   */
  private textCache(): TextSource {
    const texts = new Map<string, string>();
    let chars = 0;
    return {
      peek: (id) => texts.get(id),
      load: async (ids) => {
        const wanted = ids.filter((id) => !texts.has(id));
        if (wanted.length === 0) return;
        for (const d of await this.store.getDispatches(wanted)) {
          const text = dispatchText(d);
          texts.set(d.id, text);
          chars += text.length;
        }
        for (const [id, text] of texts) {
          if (chars <= TEXT_CACHE_CHARS || texts.size <= wanted.length) break;
          texts.delete(id);
          chars -= text.length;
        }
      },
    };
  }

  /**
   * The facts index is read when a match first needs it, not at worker start: a worker woken for
   * the popup or a settings change answers without reading it. A failed read is tried again.
   */
  private lazyFacts(): () => Promise<FactsIndex> {
    let facts: Promise<FactsIndex> | null = null;
    return () => {
      if (!facts) {
        const next = this.store.loadFactsIndex();
        facts = next;
        next.catch(() => {
          if (facts === next) facts = null;
        });
      }
      return facts;
    };
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

/** The id a record of this page added by the reader has, so alignment leaves it out. */
function selfIds(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [pageDispatchId(url)];
  } catch {
    return [];
  }
}
