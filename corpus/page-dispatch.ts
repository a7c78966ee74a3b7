import type { Dispatch } from '../engine/types';
import { cleanBody, cleanName } from './clean-text';
import { dispatchProblems, TEXT_LIMIT } from './validate';

/** What the content script knows about the page a reader adds to the corpus. */
export interface PageArticle {
  url: string;
  title: string;
  /** Extracted article text, blocks separated by a blank line. */
  text: string;
  meta: PageMeta;
}

/** Metadata read from the page's markup; each field only when the page states it. */
export interface PageMeta {
  siteName?: string;
  /** As written by the page: ISO date or date-time. */
  published?: string;
  /** The page's declared language (<html lang>, Content-Language). */
  lang?: string;
}

/** Query parameters that only track the click, so the same article keeps one id however it was reached. */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|xtor|at_medium|at_campaign)$/i;

/** The URL of the article itself: no fragment, no tracking parameters. */
export function canonicalPageUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  return u.toString();
}

/** FNV-1a: short, stable, good enough to tell URLs of one site apart in an id. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function siteName(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** A site's part of a page record's id ("lemonde-fr"): every record of one site shares it. */
export function siteSlug(host: string): string {
  return siteName(host).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'site';
}

/** The same page always gets the same id, so adding it twice updates it instead of duplicating it. */
export function pageDispatchId(url: string): string {
  const canonical = canonicalPageUrl(url);
  return `page-${siteSlug(new URL(canonical).hostname)}-${fnv1a(canonical)}`;
}

/** A name or title on one line, without control or bidirectional characters, at most `max` long. */
function oneLine(text: string, max: number): string {
  const s = cleanName(text).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** YYYY-MM-DD from an ISO date or date-time as pages write them, or null. */
export function isoDay(value: string | undefined): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

const FRENCH = new Set('le la les des du de et est une un dans pour que qui sur au aux pas ne il elle été cette avec sont ont mais plus par son ses leur'.split(' '));
const ENGLISH = new Set('the and of to in is that for on with was as by it at from be has have are this were their but not said which'.split(' '));

/** French or English by their commonest words; 'und' (undetermined) when the text says neither clearly. */
export function guessLanguage(text: string): string {
  let fr = 0;
  let en = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (FRENCH.has(word)) fr++;
    if (ENGLISH.has(word)) en++;
  }
  if (fr >= 5 && fr > 2 * en) return 'fr';
  if (en >= 5 && en > 2 * fr) return 'en';
  return 'und';
}

function declaredLanguage(lang: string | undefined): string | null {
  const primary = (lang ?? '').trim().split(/[-_]/)[0].toLowerCase();
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** The first paragraphs that fit in TEXT_LIMIT: a page longer than any article keeps its beginning. */
function withinLimit(paragraphs: string[]): string[] {
  let total = 0;
  const kept: string[] = [];
  for (const p of paragraphs) {
    total += p.length;
    if (total > TEXT_LIMIT) break;
    kept.push(p);
  }
  return kept;
}

function paragraphsOf(text: string, title: string): string[] {
  const blocks = cleanBody(text)
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => /[\p{L}\p{N}]/u.test(b));
  // Extraction starts with the headline; it is the title, not body text to match.
  if (blocks.length > 1 && oneLine(blocks[0], 10_000) === oneLine(title, 10_000)) blocks.shift();
  return withinLimit(blocks);
}

/**
 * The dispatch record for a page the reader adds to the corpus: the page's outlet is its site
 * (the name it gives itself, else its host without www), and since nothing says who wrote the
 * text first, the outlet is its own origin. The date is the publication date the page states,
 * else `today`; the language the one it declares, else a guess. Control and bidirectional
 * characters of the page's title and site name are stripped, never refused: the reader did not write them.
 */
export function pageDispatch(page: PageArticle, today: Date): Dispatch {
  const url = canonicalPageUrl(page.url);
  const host = new URL(url).hostname;
  const outlet = oneLine(page.meta.siteName ?? '', 80) || siteName(host);
  const title = oneLine(page.title, 300) || outlet;
  const paragraphs = paragraphsOf(page.text, title);
  if (paragraphs.length === 0) throw new Error('The page has no article text to add.');
  const dispatch: Dispatch = {
    id: pageDispatchId(url),
    outlet,
    origin: outlet,
    chain: [outlet],
    language: declaredLanguage(page.meta.lang) ?? guessLanguage(paragraphs.join(' ')),
    date: isoDay(page.meta.published) ?? today.toISOString().slice(0, 10),
    title,
    url,
    paragraphs,
  };
  // The page is as hostile as any imported file: what it gives is cleaned above, and checked here like an imported line.
  const problems = dispatchProblems(dispatch);
  if (problems.length > 0) throw new Error(`The page cannot be added: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`);
  return dispatch;
}
