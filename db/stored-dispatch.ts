import type { Dispatch } from '../engine/index';
import type { DispatchInfo } from '../messaging/protocol';
import type { DispatchSource, StoredDispatch } from './rows';

/** Words as a reader counts them: runs of text holding a letter or digit (a lone « or – is not a word). */
export function countWords(paragraphs: readonly string[]): number {
  let n = 0;
  for (const p of paragraphs) {
    for (const token of p.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  }
  return n;
}

/** Copies only the Dispatch fields, so nothing else a caller passed ends up stored. */
export function toStored(d: Dispatch, source: DispatchSource): StoredDispatch {
  const row: StoredDispatch = {
    id: d.id,
    outlet: d.outlet,
    origin: d.origin,
    chain: [...d.chain],
    language: d.language,
    date: d.date,
    title: d.title,
    paragraphs: [...d.paragraphs],
    source,
    words: countWords(d.paragraphs),
  };
  if (d.url !== undefined) row.url = d.url;
  if (d.origins !== undefined) row.origins = d.origins.map(({ from, to, origin }) => ({ from, to, origin }));
  // A page of a reading memory (an export imported again) stays one.
  if (d.read !== undefined) {
    row.source = 'read';
    row.readAt = new Date(d.read.at).toISOString();
    if (d.read.credits?.length) row.credits = [...d.read.credits];
    if (d.read.byline) row.byline = d.read.byline;
  }
  return row;
}

export function toDispatch(row: StoredDispatch): Dispatch {
  const { source: _source, words: _words, readAt, credits, byline, ...dispatch } = row;
  if (readAt !== undefined) {
    dispatch.read = { at: readAt };
    if (credits) dispatch.read.credits = [...credits];
    if (byline) dispatch.read.byline = byline;
  }
  return dispatch;
}

export function toInfo(row: StoredDispatch): DispatchInfo {
  const info: DispatchInfo = {
    id: row.id,
    outlet: row.outlet,
    origin: row.origin,
    chain: row.chain,
    language: row.language,
    date: row.date,
    title: row.title,
    words: row.words,
    source: row.source,
  };
  if (row.url !== undefined) info.url = row.url;
  if (row.origins !== undefined) info.origins = row.origins.map(({ from, to, origin }) => ({ from, to, origin }));
  if (row.readAt !== undefined) info.readAt = row.readAt;
  if (row.credits !== undefined) info.credits = [...row.credits];
  return info;
}

/** True when storing `next` would change nothing, so an unchanged record is not rewritten. */
export function sameStored(a: StoredDispatch, b: StoredDispatch): boolean {
  return JSON.stringify(toComparable(a)) === JSON.stringify(toComparable(b));
}

function toComparable(r: StoredDispatch): unknown[] {
  return [r.id, r.outlet, r.origin, r.chain, r.language, r.date, r.title, r.url ?? null, r.paragraphs, r.source, r.words, r.origins ?? null];
}
