/**
 * One stable key per article, however the reader reached it: the AMP copy, a link with tracking
 * parameters, the mobile host, with or without a trailing slash. Used to recognise a page already
 * read or already in the corpus.
 */

/** Query parameters that only say how the click came (campaigns, ad and social click ids, share buttons). */
const TRACKING =
  /^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_ga|_gl|xtor|xtref|at_\w+|ito|cmpid|ocid|ncid|smid|smtyp|sr_share|share|ref_src|ref_url|__twitter_impression|_hsenc|_hsmi|mkt_tok|vero_id|spm)$/i;

/** Query parameters that only ask for the AMP rendering of the same article. */
const AMP_PARAMS = /^(?:amp|amp_js_v|amp_gsa|usqp|_js_v|ampshare)$/i;

/** Host prefixes of the same site's mobile or AMP rendering. */
const SITE_PREFIX = /^(?:www\d?|amp|m|mobile)\.(?=[^.]+\.[^.]+)/;

/** Longer than any article address a browser shows; the corpus refuses longer ones anyway. */
export const MAX_URL = 4000;

function parseHttp(url: string, base?: string): URL | null {
  if (url.length > MAX_URL) return null;
  try {
    const u = base === undefined ? new URL(url) : new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The site part of the key: lower case (URL does it), no trailing dot, no www./amp./m./mobile. prefix. */
function foldHost(u: URL): string {
  let host = u.hostname.replace(/\.$/, '');
  for (let i = 0; i < 2 && SITE_PREFIX.test(host); i++) host = host.replace(SITE_PREFIX, '');
  // http and https default ports are both left out, so http://x:443/ and https://x/ stay apart only if a port says so.
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';
  return host + port;
}

/** The path without AMP markers ("/amp" segments, ".amp.html", ".amp"), repeated and trailing slashes. */
function foldPath(pathname: string): string {
  const segments = pathname.split('/').filter((s) => s !== '' && s.toLowerCase() !== 'amp');
  const path = segments
    .map((s, i) => (i === segments.length - 1 ? s.replace(/\.amp(\.html?)?$/i, (_m, ext: string | undefined) => ext ?? '') : s))
    .filter((s) => s !== '')
    .join('/');
  return path ? `/${path}` : '';
}

function foldQuery(params: URLSearchParams): string {
  const kept: [string, string][] = [];
  for (const [key, value] of params) {
    if (TRACKING.test(key) || AMP_PARAMS.test(key)) continue;
    if (/^outputtype$/i.test(key) && /^amp$/i.test(value)) continue;
    kept.push([key, value]);
  }
  if (kept.length === 0) return '';
  // Sorted, so that the same parameters in another order give the same key.
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return `?${new URLSearchParams(kept).toString()}`;
}

/**
 * The key of one address: https, the host folded, no AMP markers, no tracking parameters, no
 * fragment, no trailing slash, the other parameters sorted. Null for anything but an http(s) address.
 */
export function foldUrl(url: string, base?: string): string | null {
  const u = parseHttp(url.trim(), base);
  if (!u) return null;
  return `https://${foldHost(u)}${foldPath(u.pathname)}${foldQuery(u.searchParams)}`;
}

/** What a page declares about its own address: `<link rel="canonical">` and `og:url`, as written (may be relative). */
export interface DeclaredUrls {
  canonical?: string;
  ogUrl?: string;
}

export interface PageKey {
  /** The article's key: the page's own site's declared canonical when there is one, else its address, folded. */
  key: string;
  /**
   * The address the key comes from, as a link that works: scheme, host and path as written, only
   * the fragment and tracking parameters taken out (a folded key may drop a "www." the site needs).
   */
  address: string;
  /**
   * A canonical (or og:url) on another site, folded: a syndicated copy pointing at the original.
   * It is what the page says, never its key.
   */
  declaredElsewhere?: string;
}

function siteOf(key: string): string {
  return new URL(key).host;
}

/**
 * The key of the article on a page, from its address and what it declares.
 *
 * A declared canonical or og:url is used only when it is http(s) and on the page's own site (same
 * host once www., amp., m. and mobile. are folded): the AMP or mobile copy then gets the key of
 * the article. A page may lie about its canonical, and a cross-site one is not accepted as the
 * key, or any site could file its text under another site's article (a page of evil.example
 * declaring lemonde.fr/x would replace the reader's copy of lemonde.fr/x); it is returned as
 * `declaredElsewhere`, for what it is: a claim. Null when the page's own address is not http(s).
 */
export function pageKey(pageUrl: string, declared: DeclaredUrls = {}): PageKey | null {
  const own = foldUrl(pageUrl);
  if (own === null) return null;
  const site = siteOf(own);
  let elsewhere: string | undefined;
  let chosen = { key: own, address: cleanAddress(pageUrl) };
  for (const value of [declared.canonical, declared.ogUrl]) {
    if (!value || !value.trim()) continue;
    const folded = foldUrl(value, pageUrl);
    if (folded === null) continue;
    if (siteOf(folded) === site) {
      chosen = { key: folded, address: cleanAddress(value, pageUrl) };
      break;
    }
    elsewhere ??= folded;
  }
  return elsewhere ? { ...chosen, declaredElsewhere: elsewhere } : chosen;
}

/** An http(s) address without its fragment and tracking parameters (already checked to parse). */
function cleanAddress(url: string, base?: string): string {
  const u = parseHttp(url.trim(), base)!;
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  return u.toString();
}
