import { findCredits, isCreditLine } from '../engine/credits';
import { inferOrigin, type OriginInference } from '../engine/origin';
import type { Dispatch } from '../engine/types';
import { pageKey } from './canonical-url';
import { pageDispatch, pageDispatchId } from './page-dispatch';
import type { ArticleMeta } from '../extract/article-meta';

/** What the page's metadata reader found; every field optional. */
export type ReadPageMeta = ArticleMeta;

/** A page the reader read, as the content side extracted it. */
export interface ReadPage {
  url: string;
  /** The extracted article's title. */
  title: string;
  /** Extracted article text, blocks separated by a blank line. */
  text: string;
  meta: ReadPageMeta;
}

export interface ReadRecord {
  /** The corpus record; stored with the source 'read'. */
  dispatch: Dispatch;
  /**
   * The article's key (corpus/canonical-url.ts): the same article read again, through its AMP or
   * mobile address too, has the same one, hence the same record id. The record's `url` is the
   * working address the key comes from.
   */
  key: string;
  /** A canonical the page declares on another site: what the page claims to copy, for what it is worth. */
  declaredElsewhere?: string;
  /** How the record's origin was decided, for the interface to explain it. */
  inference: OriginInference;
}

/** Lines at the start or end of the text that only credit agencies: metadata, not the article's prose. */
function withoutCreditLines(text: string): string {
  const blocks = text.split(/\n[ \t]*\n/);
  const keep = blocks.map((b, i) => !((i < 3 || i >= blocks.length - 3) && isCreditLine(b)));
  return blocks.filter((_, i) => keep[i]).join('\n\n');
}

/** The id of a read page's record, one per article key, apart from the ids of pages the reader added by hand. */
export function readDispatchId(key: string): string {
  return pageDispatchId(key).replace(/^page-/, 'read-');
}

/**
 * The corpus record of a page the reader read, for a reading memory: filed under the article's
 * key (AMP, mobile and tracked addresses of one article give one record), its origin the agency
 * the page credits when the evidence names one, else the outlet itself. Lines that only credit
 * ("Par Le Figaro avec AFP") are left out of the text; datelines stay, being part of the first
 * sentence. Cleaned and checked like any imported record (see pageDispatch); throws when the page
 * has no http(s) address or no article text.
 */
export function readDispatch(page: ReadPage, readAt: Date): ReadRecord {
  const filed = pageKey(page.url, { canonical: page.meta.canonical, ogUrl: page.meta.ogUrl });
  if (!filed) throw new Error('The page has no web address to file it under.');
  const base = pageDispatch(
    {
      url: filed.address,
      title: page.meta.title ?? page.title,
      text: withoutCreditLines(page.text),
      meta: { siteName: page.meta.siteName, published: page.meta.published, lang: page.meta.lang },
    },
    readAt,
  );
  const inference = inferOrigin([
    { outlet: base.outlet, published: page.meta.published, read: readAt.toISOString(), credits: findCredits(page.text, page.meta.byline), whole: true },
  ]);
  const origin = inference.origin ?? base.outlet;
  const dispatch: Dispatch = { ...base, id: readDispatchId(filed.key), origin, chain: origin === base.outlet ? [base.outlet] : [origin, base.outlet] };
  const record: ReadRecord = { dispatch, key: filed.key, inference };
  if (filed.declaredElsewhere) record.declaredElsewhere = filed.declaredElsewhere;
  return record;
}
