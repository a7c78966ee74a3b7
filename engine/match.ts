import type { CorpusIndex } from './corpus-index';
import type { MatchResult } from './types';

export interface MatchOptions {
  minWords?: number;
}

export function candidateIds(_pageText: string, _index: CorpusIndex): string[] {
  throw new Error('candidateIds: in progress');
}

export function match(
  _pageText: string,
  _index: CorpusIndex,
  _getText: (id: string) => string | undefined,
  _options: MatchOptions = {},
): MatchResult {
  throw new Error('match: in progress');
}
