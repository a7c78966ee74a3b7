import { parseHTML } from 'linkedom';
import { extractArticle } from './extract-article';
import type { ExtractOptions, ExtractedArticle } from './types';

/** Node-side extraction (command-line tool, tests): the same code as the content script, on a linkedom DOM. */
export function extractFromHtml(html: string, options?: ExtractOptions): ExtractedArticle | null {
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document, options);
}
