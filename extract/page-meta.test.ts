import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageDateAndLanguage, pageMeta } from './page-meta';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('pageMeta', () => {
  it('reads the site name, the publication date and the language from meta tags', () => {
    const d = doc(`<html lang="fr-FR"><head>
      <meta property="og:site_name" content="La Gazette">
      <meta property="article:published_time" content="2025-11-20T08:30:00+01:00">
      </head><body><time datetime="2020-01-01">old</time></body></html>`);
    expect(pageMeta(d)).toEqual({ siteName: 'La Gazette', published: '2025-11-20T08:30:00+01:00', lang: 'fr-FR' });
  });

  it('prefers the publisher\'s article date to a generic one wherever each stands, and passes over an empty one', () => {
    const d = doc(`<html><head><meta name="date" content="2019-03-03"><meta property="article:published_time" content=" ">
      <meta itemprop="datePublished" content="2022-07-08"><meta property="article:published_time" content="2001-01-01"></head><body></body></html>`);
    // The first article:published_time is empty: the next kind of tag, not a later tag of the same kind.
    expect(pageDateAndLanguage(d)).toEqual({ published: '2022-07-08' });
  });

  it('finds datePublished in JSON-LD, skipping broken blocks, before any <time>', () => {
    const d = doc(`<html><head>
      <script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-05-06T07:00:00Z"}]}</script>
      </head><body><article><time datetime="2020-01-01">x</time></article></body></html>`);
    expect(pageMeta(d)).toEqual({ published: '2024-05-06T07:00:00Z' });
  });

  it('falls back to a <time datetime> and says nothing it does not know', () => {
    expect(pageMeta(doc('<html><body><article><p><time datetime="2021-12-16">16 déc.</time></p></article></body></html>'))).toEqual({ published: '2021-12-16' });
    expect(pageMeta(doc('<html><body><p>Rien</p></body></html>'))).toEqual({});
  });

  it('gives matching the date and language alone, without reading the site name', () => {
    const d = doc(`<html lang="en"><head><meta property="og:site_name" content="The Herald">
      <meta itemprop="datePublished" content="2023-02-01"></head><body></body></html>`);
    expect(pageDateAndLanguage(d)).toEqual({ published: '2023-02-01', lang: 'en' });
    expect(pageMeta(d)).toEqual({ siteName: 'The Herald', published: '2023-02-01', lang: 'en' });
  });
});
