export { extractArticle, isEditableDocument } from './extract-article';
export { extractArticleSliced, nextIdleSlice } from './sliced';
export type { NextSlice, SliceDeadline, SlicedOptions } from './sliced';
export { looksLikeArticle } from './looks-like-article';
export { rangesFor, domRangesFor } from './ranges';
export type { ExtractedArticle, ExtractOptions, NodeSlice, TextPiece } from './types';
export { frameDocuments, joinArticles, readPageArticle } from './page-article';
