import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { LIMITS, readArticleMeta } from './article-meta';
import { MAX_BLOCK_CHARS } from './json-ld';

const here = dirname(fileURLToPath(import.meta.url));
const pagesDir = join(here, '../../shared/real-pages');
const doc = (html: string) => parseHTML(html).document as unknown as Document;
const realPage = (name: string) => doc(readFileSync(join(pagesDir, name), 'utf8'));
const page = (head: string, body = '') => doc(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('readArticleMeta on saved real pages', () => {
  it('nytimes-1: canonical, title, date, language and author from meta tags', () => {
    expect(readArticleMeta(realPage('nytimes-1.html'), 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html?_r=0')).toEqual({
      canonical: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html',
      ogUrl: 'http://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html',
      siteName: 'nytimes.com',
      title: 'United States to Lift Sudan Sanctions',
      published: '2017-01-13T00:00:04-05:00',
      lang: 'en',
      byline: 'Jeffrey Gettleman',
    });
  });

  it('schema-org-context-object: authors from JSON-LD wrapped in CDATA', () => {
    const meta = readArticleMeta(realPage('schema-org-context-object.html'), 'https://www.nbcnews.com/news/world/x');
    expect(meta.siteName).toBe('NBC News');
    expect(meta.published).toBe('2024-12-07T12:43:39.889Z');
    expect(meta.byline).toBe('Stella Kim, Jennifer Jett');
  });

  it('videos-2: a French page', () => {
    const meta = readArticleMeta(realPage('videos-2.html'), 'https://next.liberation.fr/culture/2017/11/24/x');
    expect(meta).toMatchObject({ siteName: 'Libération.fr', lang: 'fr', published: '2017-11-24T18:42:20' });
    expect(meta.title).toContain('Vape Wave');
  });

  it('telegraph and bbc-1: regional language tags and offsets without a colon', () => {
    expect(readArticleMeta(realPage('telegraph.html'), 'https://www.telegraph.co.uk/news/x')).toMatchObject({
      siteName: 'The Telegraph',
      lang: 'en-GB',
      published: '2017-11-16T14:15+0000',
    });
    expect(readArticleMeta(realPage('bbc-1.html'), 'https://www.bbc.com/news/world-us-canada-33646704')).toMatchObject({
      siteName: 'BBC News',
      published: '2015-07-24T05:36:09+01:00',
    });
  });

  it('msn: a syndicated copy whose canonical is on the original site', () => {
    const meta = readArticleMeta(realPage('msn.html'), 'https://www.msn.com/en-us/news/technology/x/ar-AAkm7Xj');
    expect(meta.canonical).toBe('http://www.businessinsider.com/super-mario-run-december-15-2016-11');
    expect(meta.siteName).toBe('MSN');
  });

  it('004-metadata-space-separated-properties: a property attribute naming several properties', () => {
    expect(readArticleMeta(realPage('004-metadata-space-separated-properties.html'), 'https://example.org/a')).toEqual({
      siteName: 'example.org',
      title: 'A title',
      byline: 'Creator Name',
    });
  });

  it('videos-1: a byline element without the script inside it', () => {
    const byline = readArticleMeta(realPage('videos-1.html'), 'https://www.vox.com/x').byline ?? '';
    expect(byline).toContain('Alissa Wilkinson');
    expect(byline).not.toMatch(/CDATA|function/);
  });

  it('every saved page: no throw, every field within its limit and on one line', () => {
    const names = readdirSync(pagesDir).filter((f) => f.endsWith('.html'));
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      const meta = readArticleMeta(realPage(name), `https://www.example.com/${name}`);
      expect(meta.siteName, name).toBeTruthy();
      for (const [field, value] of Object.entries(meta)) {
        expect(value.length, `${name} ${field}`).toBeLessThanOrEqual(LIMITS[field === 'canonical' || field === 'ogUrl' ? 'url' : (field as keyof typeof LIMITS)]);
        expect(value, `${name} ${field}`).not.toMatch(/[\n\r\t\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
      }
    }
    // Parsing a hundred pages takes a few seconds on a busy machine.
  }, 60_000);
});

describe('readArticleMeta on hostile pages', () => {
  it('takes no canonical or og:url that is not http(s), and resolves relative ones', () => {
    expect(readArticleMeta(page('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x">'), 'https://a.example/p')).toEqual({
      siteName: 'a.example',
    });
    expect(readArticleMeta(page('<link rel="Canonical" href="/story/1"><meta property="og:url" content="//a.example/story/1">'), 'https://a.example/amp/story/1')).toMatchObject({
      canonical: 'https://a.example/story/1',
      ogUrl: 'https://a.example/story/1',
    });
  });

  it('strips bidirectional and control characters and caps every field', () => {
    const long = 'Titre '.repeat(400);
    const meta = readArticleMeta(
      page(`<meta property="og:site_name" content="\u202EPFA\u0007"><meta property="og:title" content="${long}"><meta name="author" content="${'Nom '.repeat(200)}">`),
      'https://a.example/p',
    );
    expect(meta.siteName).toBe('PFA');
    expect(meta.title!.length).toBeLessThanOrEqual(LIMITS.title);
    expect(meta.title!.endsWith('…')).toBe(true);
    expect(meta.byline!.length).toBeLessThanOrEqual(LIMITS.byline);
  });

  it('takes only dates and language tags that look like ones', () => {
    expect(readArticleMeta(page('<meta property="article:published_time" content="<script>x</script>"><meta property="og:locale" content="fr_FR">'), 'https://a.example/p')).toEqual({
      siteName: 'a.example',
      lang: 'fr-FR',
    });
    expect(readArticleMeta(page('<meta name="date" content="2021-12-07">'), 'https://a.example/p').published).toBe('2021-12-07');
    expect(readArticleMeta(doc('<html lang="fr&quot;><x>"><body></body></html>'), 'https://a.example/p').lang).toBeUndefined();
  });

  it('reads datePublished and authors in a JSON-LD @graph, the article node first, skipping broken blocks', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', datePublished: '2020-01-01', author: { name: 'Le Webmestre' } },
        { '@type': ['NewsArticle'], datePublished: '2021-12-07T19:30:00+01:00', author: [{ '@type': 'Person', name: 'Marie Dupont' }, { name: 'AFP' }, 'Jean Roe'] },
      ],
    });
    const meta = readArticleMeta(page(`<script type="application/ld+json">{ broken</script><script type="application/ld+json">${graph}</script>`), 'https://a.example/p');
    expect(meta).toMatchObject({ published: '2021-12-07T19:30:00+01:00', byline: 'Marie Dupont, AFP, Jean Roe' });
  });

  it('skips an oversized JSON-LD block and bounds deep nesting', () => {
    const huge = `{"@type":"NewsArticle","datePublished":"2021-12-07","x":"${'a'.repeat(MAX_BLOCK_CHARS)}"}`;
    let deep = '{"@type":"NewsArticle","datePublished":"2022-01-01"}';
    for (let i = 0; i < 10_000; i++) deep = `{"a":${deep}}`;
    const wide = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ '@type': 'Thing', name: `n${i}` })));
    const t0 = performance.now();
    const meta = readArticleMeta(
      page(
        `<script type="application/ld+json">${huge}</script><script type="application/ld+json">${deep}</script><script type="application/ld+json">${wide}</script>`,
      ),
      'https://a.example/p',
    );
    expect(meta.published).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it('never throws, even when the document does', () => {
    const broken = {
      querySelector() {
        throw new Error('hostile');
      },
      querySelectorAll() {
        throw new Error('hostile');
      },
      get documentElement(): never {
        throw new Error('hostile');
      },
    } as unknown as Document;
    // Only the site name, which comes from the address, survives.
    expect(readArticleMeta(broken, 'https://a.example/p')).toEqual({ siteName: 'a.example' });
    expect(readArticleMeta(page(''), 'not a url')).toEqual({});
  });

  it('falls back on the h1, then the title element', () => {
    expect(readArticleMeta(page('<title>Titre de l’onglet</title>', '<article><h1>Le vrai titre</h1></article>'), 'https://a.example/p').title).toBe('Le vrai titre');
    expect(readArticleMeta(page('<title>Titre de l’onglet</title>'), 'https://a.example/p').title).toBe('Titre de l’onglet');
  });

  it('takes no address for an author', () => {
    expect(readArticleMeta(page('<meta name="author" content="https://www.facebook.com/someone">', '<p class="byline">Par Anne Martin</p>'), 'https://a.example/p').byline).toBe('Anne Martin');
  });
});

describe('the bootstrap content script', () => {
  /** Every project file a module imports, statically or dynamically, transitively. */
  function importGraph(entry: string): Set<string> {
    const seen = new Set<string>();
    const stack = [entry];
    while (stack.length > 0) {
      const file = stack.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const base = resolve(dirname(file), m[1]);
        const target = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f) && /\.tsx?$/.test(f));
        if (target) stack.push(target);
      }
    }
    return seen;
  }

  it('does not load the metadata reader (it is injected only when a page is recorded)', () => {
    const graph = importGraph(resolve(here, '../entrypoints/content-boot.ts'));
    expect(graph.size).toBeGreaterThan(5);
    expect([...graph].some((f) => f.endsWith('extract/extract-article.ts'))).toBe(true);
    expect([...graph].filter((f) => /extract\/(?:article-meta|json-ld)\.ts$/.test(f))).toEqual([]);
  });
});
