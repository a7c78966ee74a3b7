export { extractArticle } from './extract-article';
export { rangesFor, domRangesFor } from './ranges';
export type { ExtractedArticle, ExtractOptions, NodeSlice, TextPiece } from './types';
