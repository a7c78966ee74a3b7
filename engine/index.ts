export type * from './types';
export { dispatchText } from './dispatch-text';
export { buildIndex, type CorpusIndex } from './corpus-index';
export { match, candidateIds, type MatchOptions } from './match';
