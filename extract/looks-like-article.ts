import { MIN_ARTICLE_WORDS } from './choose';
import { textMetrics } from './dom-rules';
import { isEditableDocument } from './extract-article';

/** Where article prose is written: paragraphs, or preformatted text (plain-text documents, RFCs). */
const PROSE = 'p, pre';
/** Containers that say "the main content is here", for articles written without <p>. */
const CONTAINERS = 'article, main, [role="main"], [itemprop="articleBody"], [itemtype*="Article"], [itemtype*="BlogPosting"]';
/** Publishers' own statement that the page is an article (Open Graph, article metadata). */
const ARTICLE_META = 'meta[property="og:type"][content*="article" i], meta[property="article:published_time"]';
const JSON_LD_ARTICLE = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:\w*Article|\w*Posting|Report)"/;
/** Nodes read at most per query: enough for any article to reach its words long before. */
const MAX_NODES_READ = 300;
/** Characters read at most per node: a container of a giant page need not be counted whole. */
const MAX_CHARS_READ = 20_000;
/** Elements looked at, at most, for open shadow roots: a web component page has its hosts near the top. */
const MAX_HOSTS_SEEN = 5_000;

/**
 * Can this page hold an article? A cheap test run before extraction: a few selector queries
 * and the text length of a few nodes, no layout. A page passes when its paragraphs (or its
 * main containers) hold at least the words an article needs, or when its metadata says it is
 * an article; pages of links, forms and app widgets have neither. Selectors do not reach into
 * shadow roots, so a page that fails in its own tree is tried again with the open shadow roots
 * of its web components, where some sites keep their whole article. Never false when the full
 * extractor would find an article (so it may pass pages the extractor then turns down); false
 * for an edited document.
 */
export function looksLikeArticle(doc: Document): boolean {
  const body = doc.body;
  if (!body || isEditableDocument(doc)) return false;
  return (
    holdsWords([body], PROSE) ||
    holdsWords([body], CONTAINERS) ||
    doc.querySelector(ARTICLE_META) !== null ||
    Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).some((s) => JSON_LD_ARTICLE.test(s.textContent ?? '')) ||
    withShadowRoots(body)
  );
}

/** The open shadow roots under `root`, nested ones included, their prose counted together. */
function withShadowRoots(root: ParentNode): boolean {
  const roots: ParentNode[] = [];
  let seen = 0;
  const collect = (r: ParentNode) => {
    const all = r.querySelectorAll('*');
    for (let i = 0; i < all.length && seen < MAX_HOSTS_SEEN; i++, seen++) {
      const shadow = all[i].shadowRoot;
      if (shadow) roots.push(shadow), collect(shadow);
    }
  };
  collect(root);
  return roots.length > 0 && (holdsWords(roots, PROSE) || holdsWords(roots, CONTAINERS));
}

function holdsWords(roots: ParentNode[], selector: string): boolean {
  let words = 0;
  let read = 0;
  for (const root of roots) {
    const nodes = root.querySelectorAll(selector);
    for (let i = 0; i < nodes.length && read < MAX_NODES_READ; i++, read++) {
      words += textMetrics((nodes[i].textContent ?? '').slice(0, MAX_CHARS_READ)).words;
      if (words >= MIN_ARTICLE_WORDS) return true;
    }
  }
  return false;
}
