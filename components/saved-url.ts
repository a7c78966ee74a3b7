import { browser } from 'wxt/browser';

/** The Saved view's address inside the extension. */
export function savedViewUrl(): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL('/saved.html');
}

/** The Saved view at one comparison (`?comparison=<id>`), or at its top. */
export function savedViewAddress(base: string, id?: string): string {
  return id ? `${base}?comparison=${encodeURIComponent(id)}` : base;
}

/** The comparison a Saved view's address asks for, if any. */
export function askedComparison(search: string): string | null {
  return new URLSearchParams(search).get('comparison');
}
