import type { Dispatch } from '../engine/types';

/**
 * 64-bit string hash as 16 hex digits (two independent 32-bit multiply-xorshift lanes).
 * Pure arithmetic on purpose: it runs in the service worker, the CLI and the build, where
 * node:crypto is missing or SubtleCrypto is async.
 */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** Fields in a fixed order, so the hash depends on content, not on how a file happened to be written. */
function canonical(d: Dispatch): unknown[] {
  const fields: unknown[] = [d.id, d.outlet, d.origin, d.chain, d.language, d.date, d.title, d.url ?? null, d.paragraphs];
  // Only when present, so that records without per-paragraph origins keep the hash they had.
  if (d.origins !== undefined) fields.push(d.origins.map(({ from, to, origin }) => [from, to, origin]));
  return fields;
}

/** Same records in any order give the same hash; any change to any field changes it. */
export function corpusHash(dispatches: readonly Dispatch[]): string {
  const sorted = [...dispatches].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return hashString(JSON.stringify(sorted.map(canonical)));
}
