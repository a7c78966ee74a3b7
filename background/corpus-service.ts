import { foldUrl } from '../corpus/canonical-url';
import { pageDispatchId } from '../corpus/page-dispatch';
import { readDispatchId } from '../corpus/read-dispatch';
import { originsOfSpan } from '../engine/paragraph-origin';
import { dispatchText, type MatchOptions } from '../engine/index';
import type { Dispatch } from '../engine/types';
import type { DispatchInfo, ImportSummary } from '../messaging/protocol';
import { copiesAlignment, findCopies, alignText, type AlignSteps, type Copies, type TextAlignment, type TextFacts, type TextSource } from '../engine/align-page';
import type { TextView } from '../engine/segments/text-view';
import type { SampleView } from '../engine/match-sampled';
import type { TextCache } from './text-cache';
import { FirstAnswers } from './first-answers';
import { CorpusLoader } from './corpus-loader';
import { RestDropped, type Aligned, type Loaded, type Matched, type PageAbout } from './corpus-types';

export { COPIES_FIRST_ABOVE, RestDropped, type Aligned, type CorpusStore, type Matched, type PageAbout } from './corpus-types';

/** Whole alignments kept for the pages that asked last: a page asks again to draw the rest. */
const KEPT_RESULTS = 16;

/**
 * Owns the corpus for the worker's lifetime: seeding, the in-memory index and dispatch labels.
 * Every reader goes through `ready()`, so requests that arrive while the database is being seeded
 * are answered once it is done instead of failing.
 */
export class CorpusService extends CorpusLoader {
  /** First answers being made: the steps of a match's rest wait until there are none. */
  private readonly firsts = new FirstAnswers();

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
