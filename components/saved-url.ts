import { browser } from 'wxt/browser';

/** The Saved view's address inside the extension. */
export function savedViewUrl(): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL('/saved.html');
}
