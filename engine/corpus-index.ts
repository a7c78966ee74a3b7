/** Postings of winnowed word n-gram hashes, as typed arrays so IndexedDB stores them as they are. */
export interface CorpusIndex {
  version: 1;
  /** Words per n-gram and winnowing window. */
  k: number;
  w: number;
  ids: string[];
  keys: Uint32Array;
  offsets: Uint32Array;
  postDoc: Uint32Array;
  postPos: Uint32Array;
  docWords: Uint32Array;
}

export function buildIndex(_docs: { id: string; text: string }[]): CorpusIndex {
  throw new Error('buildIndex: in progress');
}
