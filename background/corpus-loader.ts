import type { TextSource } from '../engine/align-page';
import type { DispatchInfo } from '../messaging/protocol';
import { COPIES_FIRST_ABOVE, type Aligned, type CorpusStore, type Early, type Loaded } from './corpus-types';
import { catchUp, sampleViewFrom, setFrom, textViewFrom } from './segment-sync';
import { NormWarmup } from './norm-warmup';
import { textCache, type ReadDispatch, type TextCache } from './text-cache';

/**
 * How long a cold worker that answered from its text indexes waits before reading the rest of the
 * index when nothing asks for it: reading it keeps the database busy, and the page's copies (their
 * labels, the page's saved comparisons) are read from it first.
 */
const WHOLE_LOAD_DELAY_MS = 3_000;

/**
 * The corpus index held for the worker's lifetime: seeding, the in-memory segments read in two
 * steps on a cold start, the reads after each write and the merges that follow, and the trace of
 * when each happened. CorpusService answers pages from it.
 */
export class CorpusLoader {
  private loaded: Promise<Loaded> | null = null;
  private failed = false;
  /** Labels are read on first need only: most pages match nothing, and a cold worker should start fast. */
  protected infos: Promise<Map<string, DispatchInfo>> | null = null;
  /** Labels read for results so far, for this state of the corpus (a write starts again). */
  protected known = new Map<string, DispatchInfo>();
  /** When the worker's corpus work happened (ms since the service began), for benchmarks and debugging. */
  private readonly marks: { what: string; ms: number; at: number }[] = [];
  private readonly born = performance.now();
  /** The merges running after writes, if any (see mergeLater). */
  private merging: Promise<void> | null = null;

  /** Whole alignments started for recent pages (see Matched), for this state of the corpus. */
  protected wholes = new Map<string, Promise<Aligned>>();
  /** While a start reads the whole index: its text indexes, read first, so that pages get their copies meanwhile. */
  protected early: Promise<Early | null> | null = null;
  /** Starts the whole read a cold start holds back (see WHOLE_LOAD_DELAY_MS). */
  private wantWhole: (() => void) | null = null;
  /** Sentence norms of each new state of the index, found in idle time (see NormWarmup). */
  protected readonly norms = new NormWarmup();

  constructor(
    protected readonly store: CorpusStore,
    protected readonly copiesFirstAbove = COPIES_FIRST_ABOVE,
  ) {}

  /**
   * Seeds (idempotently) and loads the index. Runs at every worker start and again on
   * install/update; a second run waits for the first so two seedings never overlap.
   */
  start(): Promise<void> {
    const previous = this.loaded;
    const texts = textCache((ids) => this.readTexts(ids));
    // Pages asking while the database is seeded wait for the text indexes, not for the whole index.
    let seeded!: (ok: boolean) => void;
    const gate = new Promise<boolean>((resolve) => (seeded = resolve));
    const early = gate.then((ok) => (ok ? this.readEarly(texts) : null));
    this.early = early;
    const next = this.track(
      (async () => {
        try {
          if (previous) await previous.catch(() => undefined);
          await this.store.seed();
          this.mark('seeded');
          seeded(true);
          // The text indexes first: the disk serves them before the facts indexes, read with the rest
          // once a caller needs them or the page's copies had time to be answered.
          if (await early) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(() => this.wantWhole?.(), WHOLE_LOAD_DELAY_MS);
              this.wantWhole = () => {
                clearTimeout(timer);
                this.wantWhole = null;
                resolve();
              };
            });
          }
          const loaded = await this.load(null, true, texts);
          this.mark(`segments read (${loaded.set.segmentIds().length})`);
          return loaded;
        } finally {
          seeded(false);
          if (this.early === early) this.early = null;
        }
      })(),
    );
    return next.then(() => undefined);
  }

  /**
   * The live text samples, or else the live text indexes, when the store reads them apart and the
   * corpus is large enough to answer copies first. The samples are a fraction of the text indexes'
   * bytes: the first pages get the copies they find (see matchSampled) while the whole index is read.
   */
  private async readEarly(texts: TextCache): Promise<Early | null> {
    const samples = this.store.readLiveSamples ? await this.store.readLiveSamples().catch(() => null) : null;
    if (samples) {
      const view = sampleViewFrom(samples);
      this.mark(`text samples read (${view.parts.length})`);
      return view.size >= this.copiesFirstAbove ? { view, texts } : null;
    }
    if (!this.store.readLiveText) return null;
    try {
      const view = textViewFrom(await this.store.readLiveText());
      this.mark(`text indexes read (${view.parts.length})`);
      return view.size >= this.copiesFirstAbove ? { view, texts } : null;
    } catch {
      // The whole read that follows reports what is wrong.
      return null;
    }
  }

  /** Resolves once the corpus is usable; a failed seeding is tried again by the next caller. */
  async ready(): Promise<Loaded> {
    this.wantWhole?.();
    if (!this.loaded || this.failed) void this.start().catch(() => undefined);
    return this.loaded!;
  }

  /** Runs a write to the corpus (import, removal, restore), then reads the segments it wrote. */
  async change<T>(write: () => Promise<T>): Promise<T> {
    await this.ready();
    const result = await write();
    await this.track(this.after((loaded) => this.load(loaded)));
    this.mergeLater();
    return result;
  }

  /** Resolves once the merges due after the latest writes are done (for tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.merging) await this.merging;
  }

  /**
   * Merges segments in the background until the merge policy is satisfied. A merge is read and
   * built beside the requests, in slices of the worker's time (see buildMerge): pages are answered
   * from the segments held meanwhile, and writes go on. Only its switch-in, short, takes its turn
   * among the loads and writes, after which the set held is brought to the stored manifest (the
   * merged segment in, with the tombstones of dispatches removed or updated while it was built).
   * A failed merge leaves the index as it was; the next write tries again.
   */
  private mergeLater(): void {
    if (this.merging) return;
    const run = async () => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 0));
        const built = await this.store.buildMerge();
        if (!built) return;
        let failure: unknown = null;
        await this.track(
          this.after(async (loaded) => {
            let done;
            try {
              done = await built.switchIn();
            } catch (err) {
              // The switch-in's transaction failed whole: the stored index, and so the set held, is as it was.
              failure = err;
              return loaded ?? this.load(null);
            }
            this.mark(done ? `merged (${done.merged.length} segments)` : 'merge dropped (its segments changed)');
            // A merge that lost its segments to a write changed nothing: the next turn plans again.
            if (!done) return loaded ?? this.load(null);
            if (loaded && loaded.set.replace(done.merged, done.segment)) return this.load(loaded, false);
            return this.load(null);
          }),
        );
        if (failure) throw failure;
      }
    };
    this.merging = run()
      .catch(() => undefined)
      .finally(() => {
        this.merging = null;
      });
  }

  /** Runs `step` on the corpus once the load or write before it is done, so that steps never overlap. */
  private async after(step: (loaded: Loaded | null) => Promise<Loaded>): Promise<Loaded> {
    const previous = this.loaded ? await this.loaded.catch(() => null) : null;
    return step(previous);
  }

  private track(next: Promise<Loaded>): Promise<Loaded> {
    this.loaded = next;
    this.failed = false;
    next.then(
      (loaded) => {
        if (this.loaded === next) this.norms.want(loaded.set);
      },
      () => {
        if (this.loaded === next) this.failed = true;
      },
    );
    return next;
  }

  /**
   * The segments in memory, brought up to the database: only segments written since `held` was
   * read are decoded. `fresh` starts a new text cache (a write can change a dispatch's text).
   */
  private async load(held: Loaded | null, fresh = true, cache?: TextCache): Promise<Loaded> {
    if (fresh) {
      this.infos = null;
      this.wholes = new Map();
      // Labels read for the copies answered while the index was read are of the same corpus.
      if (!cache) this.known = new Map();
    }
    const texts = cache ?? (fresh || !held ? textCache((ids) => this.readTexts(ids)) : held.texts);
    if (held) {
      const read = await this.store.readLive(new Set(held.set.segmentIds()));
      if (catchUp(held.set, read)) return { set: held.set, texts };
    }
    return { set: setFrom(await this.store.readLive(new Set())), texts };
  }

  /** What happened when, in ms since the service began and on the wall clock (latest 50 marks). */
  trace(): { what: string; ms: number; at: number }[] {
    return [...this.marks];
  }

  /** The text source, marking in the trace how long reading dispatch texts takes. */
  protected marked(texts: TextSource): TextSource {
    return {
      peek: (id) => texts.peek(id),
      load: async (ids) => {
        this.mark(`texts wanted (${ids.length})`);
        await texts.load(ids);
        this.mark('texts read');
      },
    };
  }

  protected mark(what: string): void {
    // `at`, the wall clock, lines the marks up with a page's own times (benchmarks).
    this.marks.push({ what, ms: Math.round(performance.now() - this.born), at: Date.now() });
    if (this.marks.length > 50) this.marks.shift();
  }

  /** Dispatch texts for the text cache, with their labels when the store reads both at once. */
  private async readTexts(ids: string[]): Promise<ReadDispatch[]> {
    if (this.store.getDispatchesWithInfo) return this.store.getDispatchesWithInfo(ids);
    return (await this.store.getDispatches(ids)).map((dispatch) => ({ dispatch }));
  }
}
