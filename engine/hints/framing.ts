import type { Hint, Span } from '../types';

export function framingHints(_pageText: string, _pageSpan: Span, _sourceText: string, _sourceSpan: Span, _lang: string): Hint[] {
  return [];
}
