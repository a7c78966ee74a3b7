import { authorNames, firstString, jsonLdBlocks, jsonLdNodes } from './json-ld';

/**
 * What a page says about itself, for a reading-memory record: each field only when the page states
 * it (the site name falls back on the host). Every value is one line of text without control or
 * bidirectional characters, within a length limit; addresses are absolute http(s) ones.
 */
export interface ArticleMeta {
  /** `<link rel="canonical">`, resolved against the page's address. */
  canonical?: string;
  /** `og:url`, resolved likewise. */
  ogUrl?: string;
  siteName?: string;
  title?: string;
  /** As the page writes it: an ISO date or date-time. */
  published?: string;
  /** The declared language, as a BCP 47 tag ("fr-FR", "en"). */
  lang?: string;
  /** Authors as the page names them, comma-separated. */
  byline?: string;
}

export const LIMITS = { url: 4000, siteName: 100, title: 300, published: 40, lang: 35, byline: 200 } as const;

const BIDI_AND_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One line, no control or bidirectional characters, at most `max` characters (cut on a word, with an ellipsis). */
function oneLine(text: string | null | undefined, max: number): string | undefined {
  if (!text) return undefined;
  const s = text.slice(0, max * 4).replace(BIDI_AND_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** More than any page's head holds; a hostile page's thousands more are not read. */
const MAX_METAS = 1000;

/**
 * The page's <meta> values by lower-cased key: `name`, each word of `property` ("og:title
 * twitter:title"), `itemprop` and `http-equiv`; the first non-empty value of each key wins.
 * Matched by hand: the `i` selector flag is not understood by every DOM (linkedom).
 */
function metaValues(doc: Document): Map<string, string> {
  const values = new Map<string, string>();
  const metas = doc.querySelectorAll('meta[content]');
  for (let i = 0; i < metas.length && i < MAX_METAS; i++) {
    const meta = metas[i];
    const content = meta.getAttribute('content');
    if (!content || !content.trim()) continue;
    const keys = [meta.getAttribute('name'), meta.getAttribute('itemprop'), meta.getAttribute('http-equiv'), ...(meta.getAttribute('property') ?? '').split(/\s+/)];
    for (const key of keys) {
      const k = key?.trim().toLowerCase();
      if (k && !values.has(k)) values.set(k, content);
    }
  }
  return values;
}

function first(values: Map<string, string>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = values.get(key);
    if (value) return value;
  }
  return undefined;
}

/** The first `<link rel="canonical">` href (rel compared without case). */
function canonicalHref(doc: Document): string | undefined {
  const links = doc.querySelectorAll('link[rel][href]');
  for (let i = 0; i < links.length && i < MAX_METAS; i++) {
    if (links[i].getAttribute('rel')!.toLowerCase().split(/\s+/).includes('canonical')) return links[i].getAttribute('href') ?? undefined;
  }
  return undefined;
}

/** An absolute http(s) address, or nothing: a page may declare `javascript:` as its canonical. */
function httpUrl(value: string | null | undefined, pageUrl: string): string | undefined {
  if (!value || value.length > LIMITS.url) return undefined;
  try {
    const u = new URL(value.trim(), pageUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    const s = u.toString();
    return s.length <= LIMITS.url ? s : undefined;
  } catch {
    return undefined;
  }
}

/** A date or date-time as pages write them (2021-12-07, 2021-12-07T19:30:00+01:00), else nothing. */
function isoDate(value: string | null | undefined): string | undefined {
  const s = value?.trim().slice(0, 64);
  if (!s || !/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(s)) return undefined;
  return Number.isNaN(Date.parse(s.slice(0, 10))) ? undefined : s.slice(0, LIMITS.published);
}

/** A BCP 47-looking tag; og:locale's "fr_FR" becomes "fr-FR". */
function languageTag(value: string | null | undefined): string | undefined {
  const s = value?.trim().replace(/_/g, '-').split(/[,;\s]/)[0];
  return s && s.length <= LIMITS.lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(s) ? s : undefined;
}

const LOOKS_LIKE_URL = /^(?:https?:\/\/|www\.)|^@?[\w.-]+\.(?:com|org|net|fr|be|ch|ca|uk|de)\b/i;

/** An author name without its "By"/"Par", not an address some sites put in meta author. */
function personName(value: string | undefined): string | undefined {
  const s = oneLine(value, LIMITS.byline)?.replace(/^(?:by|par)\s*:?\s+/i, '');
  return s && !LOOKS_LIKE_URL.test(s) ? s : undefined;
}

function hostName(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The name a site gives itself; one that is an address ("http://www.tmz.com") is shown as its host. */
function siteNameOf(value: string | undefined, pageUrl: string): string | undefined {
  const name = oneLine(value, LIMITS.siteName);
  if (name && /^https?:\/\//i.test(name)) return hostName(name) ?? hostName(pageUrl);
  return name ?? hostName(pageUrl);
}

const UNSEEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg']);

/** The shown text of an element, without its scripts and styles, stopping after `budget` characters. */
function shownText(root: Element, budget: number): string {
  let out = '';
  const stack: Node[] = [root];
  let visited = 0;
  while (stack.length > 0 && out.length < budget && visited++ < 2000) {
    const node = stack.pop()!;
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1 && !UNSEEN.has((node as Element).tagName.toUpperCase())) {
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      if (/^(?:P|DIV|BR|LI)$/.test((node as Element).tagName.toUpperCase())) out += ' ';
    }
  }
  return out.slice(0, budget);
}

/** The text of the first element matching a selector that has any. */
function elementText(doc: Document, selectors: string[], max: number): string | undefined {
  for (const selector of selectors) {
    const el = doc.querySelector(selector);
    const text = el ? oneLine(shownText(el, max * 4), max) : undefined;
    if (text) return text;
  }
  return undefined;
}

const BYLINE_ELEMENTS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  'a[rel~="author"]',
  '.byline',
  '.article-byline',
  '.author-name',
  '[class*="byline"]',
  '[class*="Byline"]',
  'address.author',
];

/** Guards one field: a DOM quirk or a hostile value costs that field, never the rest. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * Reads the page's own metadata. Plain DOM APIs, so it runs on a linkedom document in Node too.
 * Loaded only when a page is recorded: the bootstrap content script does not import it.
 */
export function readArticleMeta(doc: Document, pageUrl: string): ArticleMeta {
  const nodes = safely(() => jsonLdNodes(jsonLdBlocks(doc))) ?? [];
  const metas = safely(() => metaValues(doc)) ?? new Map<string, string>();
  const meta: ArticleMeta = {};
  const set = <K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K] | undefined) => {
    if (value) meta[key] = value;
  };
  set('canonical', safely(() => httpUrl(canonicalHref(doc), pageUrl)));
  set('ogUrl', safely(() => httpUrl(first(metas, ['og:url']), pageUrl)));
  set('siteName', safely(() => siteNameOf(first(metas, ['og:site_name', 'application-name']), pageUrl)));
  set(
    'title',
    safely(
      () =>
        oneLine(first(metas, ['og:title', 'twitter:title']), LIMITS.title) ??
        elementText(doc, ['article h1', 'h1'], LIMITS.title) ??
        oneLine(doc.querySelector('title')?.textContent, LIMITS.title),
    ),
  );
  set(
    'published',
    safely(
      () =>
        isoDate(first(metas, ['article:published_time', 'datepublished'])) ??
        isoDate(firstString(nodes, 'datePublished')) ??
        isoDate(doc.querySelector('article time[datetime], main time[datetime], time[datetime]')?.getAttribute('datetime')) ??
        isoDate(first(metas, ['date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'dcterms.date'])),
    ),
  );
  set(
    'lang',
    safely(
      () =>
        languageTag(doc.documentElement?.getAttribute('lang')) ??
        languageTag(first(metas, ['og:locale'])) ??
        languageTag(first(metas, ['content-language'])),
    ),
  );
  set(
    'byline',
    safely(() => {
      const fromMeta = personName(first(metas, ['dc:creator', 'dc.creator', 'author', 'article:author', 'byl', 'sailthru.author']));
      if (fromMeta) return fromMeta;
      const names = authorNames(nodes).map(personName).filter((n): n is string => !!n);
      if (names.length > 0) return oneLine([...new Set(names)].join(', '), LIMITS.byline);
      return personName(elementText(doc, BYLINE_ELEMENTS, LIMITS.byline));
    }),
  );
  return meta;
}
