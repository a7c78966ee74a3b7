import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { allHighlightTexts, pageReport, tabRuns } from './page';
import type { TestContext } from './types';

/** Pieces of the demo article: all of it, its first paragraph taken from a dispatch, and paragraphs of its own. */
export function demoParts(t: Pick<TestContext, 'repoRoot'>) {
  const html = readFileSync(join(t.repoRoot, 'tests/fixtures/pages/demo-article.html'), 'utf8');
  const pick = (re: RegExp) => {
    const m = html.match(re);
    if (!m) throw new Error(`demo-article.html no longer has ${re}`);
    return m[0];
  };
  return {
    article: pick(/<article>[\s\S]*<\/article>/),
    reused: pick(/<p>Le président russe Vladimir Poutine[\s\S]*?<\/p>/),
    own: [/<p class="chapo">[\s\S]*?<\/p>/, /<p>Pour les diplomates[\s\S]*?<\/p>/, /<p>À Kiev[\s\S]*?<\/p>/].map(pick).join('\n'),
  };
}

/** Opening words of the reused paragraph, as the highlights must show them. */
export const REUSED_START = 'Le président russe Vladimir Poutine a dénoncé';

export const shell = (body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page vivante</title></head><body>${body}</body></html>`;

export const NAV = `<nav><ul>${['Accueil', 'International', 'Politique', 'Économie'].map((s) => `<li><a href="/${s}">${s}</a></li>`).join('')}</ul></nav>`;

export async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 12_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | string = '(never read)';
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (e) {
      last = `(${(e as Error).message.split('\n')[0]})`;
    }
    if (Date.now() > end) throw new Error(`${what} within ${timeoutMs} ms; last seen: ${JSON.stringify(last, (k, v) => (typeof v === "string" ? v.slice(0, 60) : v)).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Passages drawn and highlighted texts, once the background holds a drawn run about the page's current address. */
export async function drawnHere(page: Page): Promise<{ passages: number; texts: string[]; url: string | undefined }> {
  const report = await pageReport(page);
  const { url } = await tabRuns(page);
  // The address is checked where the build reports it (the SPA test asserts it separately).
  const passages = report.state === 'done' && (url === undefined || url === page.url()) ? (report.drawn?.passages ?? 0) : 0;
  return { passages, texts: await allHighlightTexts(page), url };
}

export const showsReused = (d: { passages: number; texts: string[] }) => d.passages > 0 && d.texts.some((s) => s.includes(REUSED_START));
