import type { Passage } from '../engine/types';
import type { PageResult } from '../messaging/protocol';
import { cleanName } from '../corpus/clean-text';
import { formatCount } from '../corpus/validate';
import { t } from '../i18n/t';
import { QUOTE_CONTEXT, type SavedComparison, type SavedHint } from './types';
import { cleanSavedTags, SAVED_LIMITS } from './validate';

/** What the reader adds when saving. */
export interface SaveInput {
  note?: string;
  tags?: string[] | string;
}

/** A page's address without its fragment: the same article whatever heading the reader jumped to. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Tags as the reader typed them (comma-separated or a list): trimmed, no empties, each once, in order. */
export function cleanTags(input: string[] | string | undefined): string[] {
  return cleanSavedTags(typeof input === 'string' ? input.split(',') : (input ?? []));
}

/** The reader's note as stored; a note over the limit an import accepts is refused, with a message saying so. */
export function cleanNote(note: string | undefined): string {
  const clean = cleanName(note ?? '').trim();
  if (clean.length > SAVED_LIMITS.note) throw new Error(t('savedNoteTooLong', { length: formatCount(clean.length), max: formatCount(SAVED_LIMITS.note) }));
  return clean;
}

/** A name or title from the page or the corpus, as a saved record keeps it: cleaned and within the import's limit. */
function name(text: string, max: number): string {
  return cleanName(text).slice(0, max);
}

function toSavedHints(passage: Passage): SavedHint[] | undefined {
  if (!passage.hints || passage.hints.length === 0) return undefined;
  return passage.hints.map((h) => ({ type: h.type, note: h.note, code: h.code, params: { ...h.params }, page: { ...h.page }, source: { ...h.source } }));
}

/**
 * The record for passage `index` of a page's result, with both passages and the selectors that find
 * the page's passage again (quote with 32 characters of context each side, and offsets into the
 * article text).
 */
export function buildSaved(result: PageResult, index: number, input: SaveInput, id: string, now: Date): SavedComparison {
  const passage = result.passages[index];
  if (!passage) throw new Error(`This page has no passage ${index}.`);
  const info = result.dispatchInfo[passage.dispatch];
  const { start, end } = passage.page;
  const exact = result.text.slice(start, end);
  const at = now.toISOString();
  const record: SavedComparison = {
    id,
    savedAt: at,
    updatedAt: at,
    page: { url: pageKey(result.url), title: name(result.title, SAVED_LIMITS.title) },
    passage: {
      text: exact,
      quote: { exact, prefix: result.text.slice(Math.max(0, start - QUOTE_CONTEXT), start), suffix: result.text.slice(end, end + QUOTE_CONTEXT) },
      position: { start, end },
    },
    other: {
      dispatch: passage.dispatch,
      outlet: name(info?.outlet ?? passage.dispatch, SAVED_LIMITS.name),
      origin: name(info?.origin ?? '', SAVED_LIMITS.name),
      chain: (info?.chain ?? []).slice(0, SAVED_LIMITS.chain).map((c) => name(c, SAVED_LIMITS.name)),
      date: info?.date ?? '',
      title: name(info?.title ?? '', SAVED_LIMITS.title),
      text: passage.source.text,
      start: passage.source.start,
      end: passage.source.end,
    },
    kind: passage.kind,
    quote: passage.quote,
    score: passage.score,
    diff: passage.diff.map((d) => ({ op: d.op, text: d.text })),
    note: cleanNote(input.note),
    tags: cleanTags(input.tags),
  };
  const hints = toSavedHints(passage);
  if (hints) record.hints = hints;
  return record;
}

/**
 * Identity of a comparison apart from its id and the reader's words: the same page passage
 * compared with the same stretch of the same dispatch. Saving it twice, or importing a copy, keeps one.
 */
export function comparisonKey(r: Pick<SavedComparison, 'page' | 'passage' | 'other'>): string {
  return JSON.stringify([pageKey(r.page.url), r.passage.quote.exact, r.passage.position.start, r.other.dispatch, r.other.start, r.other.end]);
}

/** True when `r` is the comparison of passage `passage` of this page. */
export function isSavedPassage(r: SavedComparison, result: Pick<PageResult, 'url' | 'text'>, passage: Passage): boolean {
  return (
    pageKey(r.page.url) === pageKey(result.url) &&
    r.other.dispatch === passage.dispatch &&
    r.other.start === passage.source.start &&
    r.other.end === passage.source.end &&
    r.passage.quote.exact === result.text.slice(passage.page.start, passage.page.end)
  );
}
