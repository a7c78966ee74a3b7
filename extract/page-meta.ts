import type { PageMeta } from '../corpus/page-dispatch';

/**
 * The content of the first element matching the first selector whose first match says something.
 * One walk of the document for all the selectors (a page without these tags, the usual case, is
 * walked once, not once per selector); their order, not the document's, says which wins.
 */
function metaContent(doc: Document, selectors: string[]): string | undefined {
  const found = Array.from(doc.querySelectorAll(selectors.join(', ')));
  for (const selector of selectors) {
    const value = found.find((el) => el.matches(selector))?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The first `datePublished` anywhere in a JSON-LD value (objects, arrays, @graph). */
function jsonLdDate(value: unknown, depth = 0): string | undefined {
  if (depth > 6 || typeof value !== 'object' || value === null) return undefined;
  // An object's own date before its members'; an array has none, only items.
  const date = (value as { datePublished?: unknown }).datePublished;
  if (typeof date === 'string' && date.trim()) return date.trim();
  for (const item of Object.values(value)) {
    const found = jsonLdDate(item, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function publishedDate(doc: Document): string | undefined {
  const fromMeta = metaContent(doc, [
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
  ]);
  if (fromMeta) return fromMeta;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = jsonLdDate(JSON.parse(script.textContent ?? ''));
      if (found) return found;
    } catch {
      // A page's broken JSON-LD is its own business.
    }
  }
  // The first in document order (a selector list would give the same one whatever its order).
  const time = doc.querySelector('time[datetime]');
  return time?.getAttribute('datetime')?.trim() || undefined;
}

/**
 * What a page says about itself that a corpus record needs: its site name, publication date and
 * language. Reads markup only (standard DOM APIs, so it runs on a linkedom document in Node too).
 */
export function pageMeta(doc: Document): PageMeta {
  const siteName = metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  return { ...(siteName ? { siteName } : {}), ...pageDateAndLanguage(doc) };
}

/** What matching needs of `pageMeta` (the content script sends no site name): the publication date and language. */
export function pageDateAndLanguage(doc: Document): Pick<PageMeta, 'published' | 'lang'> {
  const meta: Pick<PageMeta, 'published' | 'lang'> = {};
  const published = publishedDate(doc);
  if (published) meta.published = published;
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || metaContent(doc, ['meta[http-equiv="content-language" i]']);
  if (lang) meta.lang = lang;
  return meta;
}
