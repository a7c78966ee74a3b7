import type { CorpusIndex, Dispatch, FactsIndex } from '../engine/index';

/** Where a dispatch came from: shipped, imported from a file or added from a page, or remembered from the reader's reading. */
export type DispatchSource = 'bundled' | 'imported' | 'read';

/** A dispatch as stored: the record plus where it came from and its length for the views. */
export interface StoredDispatch extends Dispatch {
  source: DispatchSource;
  words: number;
  /** Reading memory: when the reader last read the page (ISO date-time), indexed for forgetting the oldest. */
  readAt?: string;
  /** Reading memory: the agencies the page credited. */
  credits?: string[];
  /** Reading memory: the authors the page names. */
  byline?: string;
}

/** Corpus bookkeeping, keyed by name. */
export type MetaRow =
  | { key: 'index'; value: CorpusIndex }
  | { key: 'corpusVersion'; value: string }
  /** Layout version of the stored index (engine INDEX_VERSION). */
  | { key: 'indexVersion'; value: number }
  /** Same-fact index of the same corpus, rebuilt with the text index. */
  | { key: 'factsIndex'; value: FactsIndex }
  /**
   * FACTS_RULES_VERSION of the engine that built the stored facts index: kept apart from the index
   * so that checking it at every worker start does not read the whole index.
   */
  | { key: 'factsRules'; value: string }
  /** The live segments of the segmented index and their tombstones (see segment-store.ts). */
  | { key: 'segments'; value: SegmentManifest }
  /** The import being read in batches, if any (see import-job.ts). */
  | { key: 'importJob'; value: ImportJob }
  /** Set by a replacing import: the reader chose a corpus of their own, so updates leave bundled dispatches out. */
  | { key: 'bundledExcluded'; value: true };

export type MetaKey = MetaRow['key'];

/** The reader's own data; seeding and imports never open this table. */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** A segment of the segmented index: its text and facts indexes as one blob (engine segment-codec). */
export interface SegmentRow {
  id: string;
  blob: ArrayBuffer;
}

/** Where the live copy of a dispatch is indexed: segment id and position in it. */
export interface LocatedRow {
  id: string;
  seg: string;
  at: number;
}

export interface SegmentManifest {
  /** INDEX_VERSION and FACTS_RULES_VERSION of the engine that built the segments. */
  version: string;
  /** Live segments, oldest first, each with its dispatches counted and the positions removed. */
  live: { id: string; docs: number; removed: number[] }[];
  /** Number for the next segment's id. */
  next: number;
}

/** A new version of a stored dispatch, waiting for its import to be committed. */
export interface StagedRow {
  id: string;
  row: StoredDispatch;
}

/** An import read in batches: each batch stored its new dispatches and one segment of them. */
export interface ImportJob {
  job: string;
  mode: 'extend' | 'replace';
  /** Segments of the batches, in order; none of them is live before the commit. */
  segments: string[];
  /** Dispatches staged so far (new and updated). */
  count: number;
}
