import { countWords, isHidden, isUnlikely, isWithin, namesAd, parentOf, tagOf } from './dom-rules';
import { isPruned } from './measure';
import { looksLikeArticle } from './looks-like-article';
import { extractArticleSliced, nextIdleSlice, type SlicedOptions } from './sliced';
import type { ExtractedArticle } from './types';

/** A width or height attribute of 0 or 1 pixel: a frame that only carries messages or counts visits. */
const TINY = /^\s*[01](px)?\s*$/i;

/**
 * Whether a frame may show an article, told from its markup and its ancestors' alone. Reading a
 * same-origin frame's `contentDocument` makes the browser set up Recoupe's script world inside
 * that frame, with the extension's bindings: several milliseconds per frame. News pages carry
 * dozens of frames for ads, widgets and messaging, most of them about:blank or srcdoc
 * (same-origin): hidden, 0 or 1 pixel wide, an ad by its own class, id, name or title (ad
 * servers' friendly frames say "3rd party ad content"), or inside a block the extraction itself
 * passes over (hidden, navigation, an aside, a comment thread, an ad slot by its class or id), so
 * that a frame there could only add text the article would leave out. (A frame of another site costs
 * nothing to ask: it has no document for Recoupe.)
 */
export function mayShowArticle(frame: Element): boolean {
  if (isHidden(frame) || TINY.test(frame.getAttribute('width') ?? '') || TINY.test(frame.getAttribute('height') ?? '')) return false;
  if (isUnlikely(frame) || namesAd(`${(frame as HTMLElement).title} ${frame.getAttribute('name')}`)) return false;
  for (let el = parentOf(frame); el; el = parentOf(el)) if (isPruned(el, tagOf(el), true)) return false;
  return true;
}

/**
 * The documents of the page's same-origin frames, a frame's own frames after it, in document
 * order. A cross-origin frame has no `contentDocument` for the page's scripts nor for Recoupe's:
 * out of reach, as are closed shadow roots. Frames that cannot show an article (`mayShowArticle`)
 * are passed over without touching their document, and so are the page's frames outside `within`
 * when given: the containers of the article the page itself holds.
 */
export function* frameDocuments(doc: Document, within?: Element[]): Generator<Document, void, void> {
  for (const frame of doc.querySelectorAll<HTMLIFrameElement>('iframe, frame')) {
    if (!mayShowArticle(frame) || (within && !within.some((c) => isWithin(c, frame)))) continue;
    const inner = frame.contentDocument;
    if (inner) {
      yield inner;
      yield* frameDocuments(inner);
    }
  }
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
    roots: [...a.roots, ...b.roots],
    truncated: a.truncated || b.truncated,
  };
}

/**
 * The article text of a page: its own, then that of each same-origin frame that holds one (an
 * embedded article, a reader frame, a frameset), as one text whose pieces point into the frames'
 * own documents. Each document is read only when the cheap check lets it, all within one budget
 * of characters. When the page holds an article, only the frames inside it are read (an embed, a
 * quoted document): a frame elsewhere on such a page is a widget, an ad or a player, whose text
 * would join the article as a block after it, and opening its document sets up Recoupe's world in
 * it (several milliseconds each, for about:blank frames that ad scripts fill).
 */
export async function readPageArticle(doc: Document, options: SlicedOptions & { maxChars: number }): Promise<ExtractedArticle | null> {
  let article: ExtractedArticle | null = null;
  let frames: Generator<Document, void, void> | undefined;
  let current = options.current;
  for (let d: Document | void = doc; d; ) {
    const maxChars = options.maxChars - (article ? article.text.length + 2 : 0);
    if (maxChars > 0 && looksLikeArticle(d)) article = joinArticles(article, await extractArticleSliced(d, { ...options, maxChars, current }));
    frames ??= frameDocuments(doc, article?.scope);
    // Frames one at a time, each in its own slice (its extraction starts in it): a page of many frames is never one long task.
    if ((d = frames.next().value)) current = { deadline: await (options.nextSlice ?? nextIdleSlice)(), at: performance.now() };
  }
  return article;
}
