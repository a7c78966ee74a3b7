export type * from './types';
export { dispatchText } from './dispatch-text';
export { normalize, type Normalized } from './normalize';
export { segmentSentences } from './segment';
export { tokenize, type Tokens } from './tokenize';
export { shingleHashes } from './shingles';
export { buildIndex, INDEX_VERSION, type CorpusIndex } from './corpus-index';
export { match, candidateIds, type MatchOptions } from './match';
export { REPUBLISHED_MIN_COVERAGE } from './relation';
