import type { CorpusIndex, Dispatch, FactsIndex } from '../engine/index';

export type DispatchSource = 'bundled' | 'imported';

/** A dispatch as stored: the record plus where it came from and its length for the views. */
export interface StoredDispatch extends Dispatch {
  source: DispatchSource;
  words: number;
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
  /** Set by a replacing import: the reader chose a corpus of their own, so updates leave bundled dispatches out. */
  | { key: 'bundledExcluded'; value: true };

export type MetaKey = MetaRow['key'];

/** The reader's own data; seeding and imports never open this table. */
export interface SettingRow {
  key: string;
  value: unknown;
}
