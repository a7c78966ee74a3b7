import { countWords } from './dom-rules';
import { looksLikeArticle } from './looks-like-article';
import { extractArticleSliced, type SlicedOptions } from './sliced';
import type { ExtractedArticle } from './types';

/**
 * The documents of the page's same-origin frames, a frame's own frames after it, in document
 * order. A cross-origin frame has no `contentDocument` for the page's scripts nor for Recoupe's:
 * out of reach, as are closed shadow roots.
 */
export function frameDocuments(doc: Document): Document[] {
  const out: Document[] = [];
  for (const frame of doc.querySelectorAll<HTMLIFrameElement>('iframe, frame')) {
    const inner = frame.contentDocument;
    if (inner) out.push(inner, ...frameDocuments(inner));
  }
  return out;
}

/** `b` after `a` as the next block of one article: `b`'s pieces move to where its text now starts. */
export function joinArticles(a: ExtractedArticle | null, b: ExtractedArticle | null): ExtractedArticle | null {
  if (!a || !b) return a ?? b;
  const shift = a.text.length + 2;
  const text = `${a.text}\n\n${b.text}`;
  return {
    title: a.title,
    text,
    get words() {
      return countWords(text);
    },
    pieces: [...a.pieces, ...b.pieces.map((p) => ({ ...p, textStart: p.textStart + shift }))],
    truncated: a.truncated || b.truncated,
  };
}

/**
 * The article text of a page: its own, then that of each same-origin frame that holds one (an
 * embedded article, a reader frame, a frameset), as one text whose pieces point into the frames'
 * own documents. Each document is read only when the cheap check lets it, all within one budget
 * of characters.
 */
export async function readPageArticle(doc: Document, options: SlicedOptions & { maxChars: number }): Promise<ExtractedArticle | null> {
  let article: ExtractedArticle | null = null;
  for (const d of [doc, ...frameDocuments(doc)]) {
    const maxChars = options.maxChars - (article ? article.text.length + 2 : 0);
    if (maxChars > 0 && looksLikeArticle(d)) article = joinArticles(article, await extractArticleSliced(d, { ...options, maxChars }));
  }
  return article;
}
