import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { looksLikeArticle } from './looks-like-article';

const here = dirname(fileURLToPath(import.meta.url));
const pagesDir = join(here, '../../shared/real-pages');
const fixturesDir = join(here, '../tests/fixtures/pages');
const docOf = (html: string): Document => parseHTML(html).document as unknown as Document;
const page = (head: string, body: string): Document =>
  docOf(`<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`);

const LOREM =
  'The regional council approved the new budget on Tuesday after a long debate about school funding, road repairs and the future of the ferry service. ' +
  'Several members argued that the plan did not go far enough, while others warned that taxes could rise next year if revenue fell short of forecasts.';
const links = (n: number) => `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="/a${i}">A long link title for story number ${i} today</a></li>`).join('')}</ul>`;

describe('looksLikeArticle on every real page', () => {
  const rows = readdirSync(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((name) => {
      const doc = docOf(readFileSync(join(pagesDir, name), 'utf8'));
      const t0 = performance.now();
      const cheap = looksLikeArticle(doc);
      const ms = performance.now() - t0;
      return { name, cheap, ms, article: extractArticle(doc) !== null };
    });

  it('passes every page the extractor finds an article in', () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.article && !r.cheap).map((r) => r.name)).toEqual([]);
  });

  it('skips some of the pages the extractor turns down, and stays cheap', () => {
    const turnedDown = rows.filter((r) => !r.article);
    const skipped = turnedDown.filter((r) => !r.cheap);
    const slowest = [...rows].sort((a, b) => b.ms - a.ms)[0];
    const total = rows.reduce((s, r) => s + r.ms, 0);
    console.log(
      `cheap check: ${rows.length} pages, ${rows.length - turnedDown.length} articles all passed; ` +
        `${skipped.length} of ${turnedDown.length} turned-down pages skipped (${skipped.map((r) => r.name).join(', ')}); ` +
        `total ${total.toFixed(1)} ms, mean ${(total / rows.length).toFixed(2)} ms, slowest ${slowest.name} ${slowest.ms.toFixed(1)} ms (linkedom)`,
    );
    expect(skipped.length).toBeGreaterThan(0);
  });
});

describe('looksLikeArticle on test pages', () => {
  it('skips the navigation-only fixture and passes the demo article', () => {
    expect(looksLikeArticle(docOf(readFileSync(join(fixturesDir, 'nav-only.html'), 'utf8')))).toBe(false);
    expect(looksLikeArticle(docOf(readFileSync(join(fixturesDir, 'demo-article.html'), 'utf8')))).toBe(true);
  });

  it('skips pages of links, a login form and an app shell', () => {
    expect(looksLikeArticle(page('', `<nav>${links(30)}</nav><div class="content">${links(60)}</div>`))).toBe(false);
    expect(
      looksLikeArticle(page('', '<main><form><label>Email <input type="email"></label><label>Password <input type="password"></label><button>Sign in</button></form><p>Forgot your password?</p></main>')),
    ).toBe(false);
    expect(looksLikeArticle(page('', `<div id="app">${'<div class="cell"><span>42</span><button>Edit</button></div>'.repeat(200)}</div>`))).toBe(false);
  });

  it('passes prose in paragraphs, in preformatted text, or in a main container without paragraphs', () => {
    expect(looksLikeArticle(page('', `${links(30)}<div><p>${LOREM}</p><p>${LOREM}</p></div>`))).toBe(true);
    expect(looksLikeArticle(page('', `<pre>${LOREM}\n${LOREM}</pre>`))).toBe(true);
    expect(looksLikeArticle(page('', `<article><div>${LOREM}</div><div>${LOREM}</div></article>`))).toBe(true);
    expect(looksLikeArticle(page('', `<div itemprop="articleBody">${LOREM}<br><br>${LOREM}</div>`))).toBe(true);
  });

  it('counts each Chinese character as a word, as the extractor does', () => {
    const zh = '外交部发言人星期二表示，两国之间的谈判将于下周在首都恢复，政府致力于达成一项全面协议。';
    expect(looksLikeArticle(page('', `<p>${zh}</p><p>${zh}</p>`))).toBe(true);
    expect(looksLikeArticle(page('', `<p>${zh.slice(0, 20)}</p>`))).toBe(false);
  });

  it('passes a page whose metadata says article, whatever its markup', () => {
    const body = `<div class="x">${LOREM}</div><div class="x">${LOREM}</div>`;
    expect(looksLikeArticle(page('', body))).toBe(false);
    expect(looksLikeArticle(page('<meta property="og:type" content="article">', body))).toBe(true);
    expect(looksLikeArticle(page('<meta property="article:published_time" content="2026-01-02">', body))).toBe(true);
    expect(looksLikeArticle(page('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>', body))).toBe(true);
    expect(looksLikeArticle(page('<script type="application/ld+json">{"@type":["WebPage","BlogPosting"]}</script>', body))).toBe(true);
    expect(looksLikeArticle(page('<script type="application/ld+json">{"@type":"WebSite","name":"Article"}</script>', body))).toBe(false);
  });

  it('passes an article held only in open shadow roots, nested or split across components, never in closed ones', () => {
    const shadowPage = (mode: 'open' | 'closed', inner: (root: ShadowRoot) => void) => {
      const doc = page('', '<news-app></news-app>');
      inner(doc.querySelector('news-app')!.attachShadow({ mode }));
      return doc;
    };
    expect(looksLikeArticle(shadowPage('open', (root) => (root.innerHTML = `<article><p>${LOREM}</p><p>${LOREM}</p></article>`)))).toBe(true);
    expect(looksLikeArticle(shadowPage('closed', (root) => (root.innerHTML = `<article><p>${LOREM}</p><p>${LOREM}</p></article>`)))).toBe(false);
    // A component inside a component, and one paragraph per component: their words add up.
    const nested = shadowPage('open', (root) => {
      root.innerHTML = '<main><story-para></story-para><story-para></story-para></main>';
      for (const host of Array.from(root.querySelectorAll('story-para'))) host.attachShadow({ mode: 'open' }).innerHTML = `<p>${LOREM}</p>`;
    });
    expect(looksLikeArticle(nested)).toBe(true);
    const links30 = shadowPage('open', (root) => (root.innerHTML = `<nav>${links(30)}</nav>`));
    expect(looksLikeArticle(links30)).toBe(false);
  });
});
