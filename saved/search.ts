import type { SavedComparison, SavedQuery } from './types';

/** Case- and accent-insensitive form for searching: "Élysée" finds "elysee". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function haystack(r: SavedComparison): string {
  return fold(
    [r.passage.text, r.other.text, r.other.outlet, r.other.origin, r.other.chain.join(' '), r.other.title, r.page.title, r.page.url, r.note, r.tags.join(' ')].join('\n'),
  );
}

/**
 * The records matching every word of `query.text` (in the passages, outlets, titles, note or tags)
 * and carrying `query.tag`, newest first unless `sort` is 'oldest'.
 */
export function searchSaved(records: readonly SavedComparison[], query: SavedQuery = {}): SavedComparison[] {
  const words = fold(query.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const tag = query.tag ? fold(query.tag.trim()) : '';
  const found = records.filter((r) => {
    if (tag && !r.tags.some((t) => fold(t) === tag)) return false;
    if (words.length === 0) return true;
    const text = haystack(r);
    return words.every((w) => text.includes(w));
  });
  const sign = query.sort === 'oldest' ? 1 : -1;
  return found.sort((a, b) => sign * (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0) || (a.id < b.id ? -1 : 1));
}

/** Every tag in use, each once, alphabetically. */
export function allTags(records: readonly SavedComparison[]): string[] {
  return [...new Set(records.flatMap((r) => r.tags))].sort((a, b) => a.localeCompare(b));
}
