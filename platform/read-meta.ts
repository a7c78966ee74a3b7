import { browser } from 'wxt/browser';
import type { ArticleMeta } from '../extract/article-meta';

/** The metadata reader, an unlisted script (never web-accessible). */
export const CONTENT_META_FILE = '/content-meta.js';

interface ScriptingApi {
  scripting?: {
    executeScript(options: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<{ result?: unknown }[]>;
  };
}

const FIELDS = ['canonical', 'ogUrl', 'siteName', 'title', 'published', 'lang', 'byline'] as const;

/**
 * What the page in the top frame of a tab says about itself, read by a script run there; null when
 * the tab cannot run it. The result comes from a page the reader does not control: only string
 * fields of bounded length are kept.
 */
export async function readPageMeta(tabId: number): Promise<ArticleMeta | null> {
  const api = browser as unknown as ScriptingApi;
  if (!api.scripting?.executeScript) return null;
  const [first] = await api.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CONTENT_META_FILE] });
  const raw = first?.result;
  if (typeof raw !== 'object' || raw === null) return null;
  const meta: ArticleMeta = {};
  for (const key of FIELDS) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'string' && value.length > 0 && value.length <= 4000) meta[key] = value;
  }
  return meta;
}
