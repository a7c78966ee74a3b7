import type { BuiltMerge } from '../db/segment-merge';
import type { SegmentSet } from '../engine/index';
import type { TextAlignment } from '../engine/align-page';
import type { SampleView } from '../engine/match-sampled';
import type { TextView } from '../engine/segments/text-view';
import type { Dispatch } from '../engine/types';
import type { DispatchInfo, ImportSummary } from '../messaging/protocol';
import type { LiveRead, LiveSamples, LiveText } from './segment-sync';
import type { TextCache } from './text-cache';

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
  /**
   * The merge of segments the merge policy asks for, read and built (in slices of the worker's
   * time), ready to be switched in; null when none is due.
   */
  buildMerge(): Promise<BuiltMerge | null>;
  listDispatchInfo(): Promise<DispatchInfo[]>;
  /** Labels of these dispatches only: a page's result names a few of a corpus of any size. */
  getDispatchInfo(ids: string[]): Promise<DispatchInfo[]>;
  getDispatches(ids: string[]): Promise<Dispatch[]>;
  /** Dispatches and their labels in one read (see getDispatches, getDispatchInfo). */
  getDispatchesWithInfo?(ids: string[]): Promise<{ dispatch: Dispatch; info: DispatchInfo }[]>;
  getDispatch(id: string): Promise<Dispatch | undefined>;
  importDispatches(dispatches: Dispatch[], mode: 'extend' | 'replace'): Promise<ImportSummary>;
}

export interface Loaded {
  /** The segmented index held in memory; a write adds its new segment and tombstones to it. */
  set: SegmentSet;
  /** Dispatch texts read so far for this state of the corpus. */
  texts: TextCache;
}

/**
 * What a cold worker read of the index before the rest (the samples of the text indexes, or the
 * text indexes), and the dispatch texts read for it.
 */
export interface Early {
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
