import { foldWord } from '../fold';
import type { Story, StoryArticle } from './types';

/** What the reader searches stories by; every field optional, all given ones must hold. */
export interface StoryQuery {
  /** Words, each found (folded: case and accents aside) in the title or text of some article of the story. */
  words?: string;
  /** Part of an outlet's name or of an article's web address host. */
  site?: string;
  /** Dates YYYY-MM-DD, both included: some article was published (or, undated, read) in the range. */
  from?: string;
  to?: string;
}

/** Folded words of a search or of a text, for matching one against the other. */
export function foldedWords(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldWord);
}

/** An article's text folded once, to search it quickly and often. */
export function searchText(title: string, text: string): string {
  return ` ${foldedWords(`${title}\n${text}`).join(' ')} `;
}

function hostOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The day an article counts for: its publication day, else (only a month, or none) the day it was read. */
export function dayOf(a: Pick<StoryArticle, 'date' | 'readAt'>): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? a.date : a.readAt.slice(0, 10);
}

/**
 * Whether a story answers the query: each word is a word (or the start of one) of some article's
 * title or text, some article's outlet or host holds the site, some article's day is in range.
 */
export function storyMatches(story: Pick<Story, 'articles'>, query: StoryQuery, textOf: (id: string) => string | undefined): boolean {
  const words = foldedWords(query.words ?? '');
  if (words.length > 0) {
    const texts = story.articles.map((a) => textOf(a.id) ?? searchText(a.title, ''));
    if (!words.every((w) => texts.some((t) => t.includes(` ${w}`)))) return false;
  }
  const site = (query.site ?? '').trim().toLowerCase();
  if (site && !story.articles.some((a) => a.outlet.toLowerCase().includes(site) || hostOf(a.url).includes(site))) return false;
  const from = validDay(query.from);
  const to = validDay(query.to);
  if (from || to) {
    if (!story.articles.some((a) => (!from || dayOf(a) >= from) && (!to || dayOf(a) <= to))) return false;
  }
  return true;
}

function validDay(day: string | undefined): string | null {
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}
