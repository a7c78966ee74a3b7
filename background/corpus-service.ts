import { foldUrl } from '../corpus/canonical-url';
import { pageDispatchId } from '../corpus/page-dispatch';
import { readDispatchId } from '../corpus/read-dispatch';
import { originsOfSpan } from '../engine/paragraph-origin';
import { dispatchText, type MatchOptions, type SegmentSet } from '../engine/index';
import type { Dispatch } from '../engine/types';
import type { DispatchInfo, ImportSummary } from '../messaging/protocol';
import { copiesAlignment, findCopies, alignText, type AlignSteps, type Copies, type TextAlignment, type TextFacts, type TextSource } from '../engine/align-page';
import type { MergeDone } from '../db/segment-merge';
import { catchUp, sampleViewFrom, setFrom, textViewFrom, type LiveRead, type LiveSamples, type LiveText } from './segment-sync';
import type { TextView } from '../engine/segments/text-view';
import type { SampleView } from '../engine/match-sampled';
import { textCache, type ReadDispatch, type TextCache } from './text-cache';
import { FirstAnswers } from './first-answers';

/** The database operations the background needs, so the service can be tested without a browser. */
export interface CorpusStore {
  seed(): Promise<void>;
  /** The manifest of live segments and, decoded, those not in `have`, read together. */
  readLive(have: ReadonlySet<string>): Promise<LiveRead>;
  /** The manifest and the live segments' text indexes alone: what a cold worker reads first (see match). */
  readLiveText?(): Promise<LiveText>;
  /**
   * The manifest and the live segments' text samples, smaller still: what a cold worker reads
   * first when every segment has one (null otherwise; see readLiveText).
   */
  readLiveSamples?(): Promise<LiveSamples | null>;
  /** One merge of segments the merge policy asks for, switched in; null when none is due. */
  mergeStep(): Promise<MergeDone | null>;
  listDispatchInfo(): Promise<DispatchInfo[]>;
  /** Labels of these dispatches only: a page's result names a few of a corpus of any size. */
  getDispatchInfo(ids: string[]): Promise<DispatchInfo[]>;
  getDispatches(ids: string[]): Promise<Dispatch[]>;
  /** Dispatches and their labels in one read (see getDispatches, getDispatchInfo). */
  getDispatchesWithInfo?(ids: string[]): Promise<{ dispatch: Dispatch; info: DispatchInfo }[]>;
  getDispatch(id: string): Promise<Dispatch | undefined>;
  importDispatches(dispatches: Dispatch[], mode: 'extend' | 'replace'): Promise<ImportSummary>;
}

interface Loaded {
  /** The segmented index held in memory; a write adds its new segment and tombstones to it. */
  set: SegmentSet;
  /** Dispatch texts read so far for this state of the corpus. */
  texts: TextCache;
}

/**
 * What a cold worker read of the index before the rest (the samples of the text indexes, or the
 * text indexes), and the dispatch texts read for it.
 */
interface Early {
  view: TextView | SampleView;
  texts: TextCache;
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
 * A page's match. On a large corpus the first answer holds the copied text only (verbatim and
 * edited passages, from the text index), so the page is highlighted without waiting for the
 * same-fact alignment; `rest` then runs the whole alignment (same first passages, plus same facts
 * and translations). Null when the first answer is already whole.
 */
export interface Matched extends Aligned {
  /**
   * `wanted`, asked between the steps of the alignment, stops it when false (the page it was for
   * is gone): it then rejects with RestDropped, and a later ask starts it again.
   */
  rest?: ((wanted?: () => boolean) => Promise<Aligned>) | null;
}

/** The rest of a match was stopped: nothing wanted it any more (see Matched). */
export class RestDropped extends Error {
  constructor() {
    super('the rest of the match is no longer wanted');
  }
}

/**
 * Corpus size from which a page gets its copied passages first: below it the whole alignment takes
 * a few milliseconds and one answer is better than two drawings.
 */
export const COPIES_FIRST_ABOVE = 2_000;

/**
 * How long a cold worker that answered from its text indexes waits before reading the rest of the
 * index when nothing asks for it: reading it keeps the database busy, and the page's copies (their
 * labels, the page's saved comparisons) are read from it first.
 */
const WHOLE_LOAD_DELAY_MS = 3_000;

/** Whole alignments kept for the pages that asked last: a page asks again to draw the rest. */
const KEPT_RESULTS = 16;

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
  /** Labels read for results so far, for this state of the corpus (a write starts again). */
  private known = new Map<string, DispatchInfo>();
  /** When the worker's corpus work happened (ms since the service began), for benchmarks and debugging. */
  private readonly marks: { what: string; ms: number; at: number }[] = [];
  private readonly born = performance.now();
  /** The merges running after writes, if any (see mergeLater). */
  private merging: Promise<void> | null = null;

  /** Whole alignments started for recent pages (see Matched), for this state of the corpus. */
  private wholes = new Map<string, Promise<Aligned>>();
  /** While a start reads the whole index: its text indexes, read first, so that pages get their copies meanwhile. */
  private early: Promise<Early | null> | null = null;
  /** Starts the whole read a cold start holds back (see WHOLE_LOAD_DELAY_MS). */
  private wantWhole: (() => void) | null = null;
  /** First answers being made: the steps of a match's rest wait until there are none. */
  private readonly firsts = new FirstAnswers();

  constructor(
    private readonly store: CorpusStore,
    private readonly copiesFirstAbove = COPIES_FIRST_ABOVE,
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

  /**
   * Reused text and same facts of a page. The record a reader made of this very page (same URL,
   * see pageDispatchId) is left out of the facts alignment; callers drop other self-matches with
   * withoutSelf once labels are known. On a large corpus the copies come first (see Matched); a
   * page asking again with the same text gets the whole alignment started for it.
   */
  async match(text: string, options: MatchOptions = {}, page: PageAbout = {}): Promise<Matched> {
    const about: TextFacts = { date: page.date, language: page.language, exclude: selfIds(page.url) };
    const key = JSON.stringify([options, about, text]);
    // A cold worker still reading its index answers with copies from the text indexes read first.
    const pending = this.early;
    const early = pending ? await pending : null;
    if (early && this.early === pending) {
      const first = await this.firsts.run(async () => this.labelled(early.texts, copiesAlignment(await this.copies(early.view, early.texts, text, options, about))));
      // Kept once the whole index is read: reading it starts a new state of the corpus.
      let rest: ((wanted?: () => boolean) => Promise<Aligned>) | null = null;
      return {
        ...first,
        rest: async (wanted) => {
          const loaded = await this.ready();
          rest ??= this.restOf(key, (pause) => this.align(loaded, text, options, about, { pause }));
          return rest(wanted);
        },
      };
    }
    const loaded = await this.ready();
    const started = this.wholes.get(key);
    if (started) {
      const whole = await started.catch(() => null);
      if (whole) return { ...whole, rest: null };
    }
    if (loaded.set.size < this.copiesFirstAbove) return { ...(await this.firsts.run(() => this.align(loaded, text, options, about))), rest: null };
    const view = loaded.set.textView();
    let found: Copies | null = null;
    const first = await this.firsts.run(async () => this.labelled(loaded.texts, copiesAlignment((found = await this.copies(view, loaded.texts, text, options, about)))));
    // The rest starts from these copies while the index is the one they were found in (a write or a merge makes another).
    return { ...first, rest: this.restOf(key, (pause) => this.align(loaded, text, options, about, { pause, copies: loaded.set.textView() === view ? found! : undefined })) };
  }

  /**
   * The rest of a match answered with its copies first: started once, kept for the page asking
   * again, unless it is stopped (see Matched), which forgets it.
   */
  private restOf(key: string, align: (pause: () => Promise<void>) => Promise<Aligned>): (wanted?: () => boolean) => Promise<Aligned> {
    let rest: Promise<Aligned> | null = null;
    let asked: (() => boolean) | undefined;
    return (wanted) => {
      asked = wanted;
      if (!rest) {
        const started = align(() => this.firsts.pause(() => asked?.() ?? true, () => new RestDropped(), () => this.mark('rest waits for a first answer')));
        rest = started;
        const wholes = this.wholes;
        wholes.set(key, started);
        for (const old of wholes.keys()) if (wholes.size > KEPT_RESULTS) wholes.delete(old);
        started.catch(() => {
          if (wholes.get(key) === started) wholes.delete(key);
          if (rest === started) rest = null;
        });
      }
      return rest;
    };
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

  private async align(loaded: Loaded, text: string, options: MatchOptions, about: TextFacts, steps: AlignSteps = {}): Promise<Aligned> {
    // Views are snapshots: a write during this match does not change what it reads.
    const indexes = { index: loaded.set.textView(), facts: loaded.set.factsView() };
    this.mark('align start');
    const result = await alignText(text, indexes, this.marked(loaded.texts), about, options, steps);
    this.mark('aligned');
    return this.labelled(loaded.texts, result);
  }

  /** The copied passages alone, from the text index or its samples (see Matched). */
  private async copies(view: TextView | SampleView, texts: TextCache, text: string, options: MatchOptions, about: TextFacts): Promise<Copies> {
    this.mark('copies start');
    const result = await findCopies(text, view, this.marked(texts), about, options);
    this.mark('copies aligned');
    return result;
  }

  private async labelled(texts: TextCache, result: TextAlignment): Promise<Aligned> {
    const infos = await this.labelsOf([...result.dispatches.map((d) => d.id), ...result.passages.map((p) => p.dispatch)], texts);
    this.mark('labelled');
    return { result: withPassageOrigins(result, (id) => infos.get(id), texts), infoOf: (id) => infos.get(id) };
  }

  async getDispatch(id: string): Promise<Dispatch | null> {
    await this.ready();
    return (await this.store.getDispatch(id)) ?? null;
  }

  /** The dispatches of the corpus; those of an import still being read are not in it yet. */
  async list(): Promise<DispatchInfo[]> {
    const { set } = await this.ready();
    return [...(await this.labels()).values()].filter((d) => set.has(d.id));
  }

  async count(): Promise<number> {
    return (await this.ready()).set.size;
  }

  /** Imports, then brings the index in memory up to the write; matches already running finish on what they read. */
  async import(dispatches: Dispatch[], mode: 'extend' | 'replace'): Promise<ImportSummary> {
    return this.change(() => this.store.importDispatches(dispatches, mode));
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
   * Merges segments in the background until the merge policy is satisfied, one merge per turn so
   * that requests are answered between merges. A failed merge leaves the index as it was; the next
   * write tries again.
   */
  private mergeLater(): void {
    if (this.merging) return;
    const run = async () => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 0));
        let merged = false;
        await this.track(
          this.after(async (loaded) => {
            if (!loaded) return this.load(null);
            const done = await this.store.mergeStep();
            if (!done) return loaded;
            merged = true;
            if (done.segment.text.ids.length > 0 && loaded.set.replace(done.merged, done.segment)) return this.load(loaded, false);
            return this.load(null);
          }),
        );
        if (!merged) return;
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
    next.catch(() => {
      if (this.loaded === next) this.failed = true;
    });
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
  private marked(texts: TextSource): TextSource {
    return {
      peek: (id) => texts.peek(id),
      load: async (ids) => {
        this.mark(`texts wanted (${ids.length})`);
        await texts.load(ids);
        this.mark('texts read');
      },
    };
  }

  private mark(what: string): void {
    // `at`, the wall clock, lines the marks up with a page's own times (benchmarks).
    this.marks.push({ what, ms: Math.round(performance.now() - this.born), at: Date.now() });
    if (this.marks.length > 50) this.marks.shift();
  }

  /** Dispatch texts for the text cache, with their labels when the store reads both at once. */
  private async readTexts(ids: string[]): Promise<ReadDispatch[]> {
    if (this.store.getDispatchesWithInfo) return this.store.getDispatchesWithInfo(ids);
    return (await this.store.getDispatches(ids)).map((dispatch) => ({ dispatch }));
  }

  /**
   * Labels of these dispatches: those read with the texts first, the others read by id, not the
   * whole corpus (a cold worker's first page waits for them).
   */
  private async labelsOf(ids: readonly string[], texts: TextCache): Promise<Map<string, DispatchInfo>> {
    const known = this.known;
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      if (known.has(id)) continue;
      const read = texts.info(id);
      if (read) known.set(id, read);
      else missing.push(id);
    }
    if (missing.length > 0) for (const info of await this.store.getDispatchInfo(missing)) known.set(info.id, info);
    return known;
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

/**
 * Names who wrote each passage first when its dispatch states origins paragraph by paragraph: a
 * passage of the AFP paragraphs of a copy mixing AFP and RT is AFP's, whatever the copy's origin.
 */
function withPassageOrigins(result: TextAlignment, infoOf: (id: string) => DispatchInfo | undefined, texts: TextSource): TextAlignment {
  if (!result.passages.some((p) => infoOf(p.dispatch)?.origins)) return result;
  const passages = result.passages.map((p) => {
    const info = infoOf(p.dispatch);
    const text = info?.origins ? texts.peek(p.dispatch) : undefined;
    if (!info?.origins || text === undefined) return p;
    return { ...p, origins: originsOfSpan({ origin: info.origin, origins: info.origins, paragraphs: text.split('\n\n') }, p.source) };
  });
  return { ...result, passages };
}

/** The ids a record of this page has (added by the reader, or remembered), so alignment leaves it out. */
function selfIds(url: string | undefined): string[] {
  if (!url) return [];
  const ids: string[] = [];
  try {
    ids.push(pageDispatchId(url));
  } catch {
    // Not an address: no record of it can exist.
  }
  const key = foldUrl(url);
  if (key) ids.push(readDispatchId(key));
  return ids;
}
