import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readArticleMeta, type ArticleMeta } from '../extract/article-meta';
import { extractArticle } from '../extract/extract-article';
import { readDispatch, readDispatchId, type ReadPage } from './read-dispatch';
import { validateDispatch } from './validate';

const readAt = new Date('2021-12-08T09:00:00Z');
const lead =
  'PARIS (AFP) - Le président russe Vladimir Poutine a dénoncé mardi auprès de son homologue américain Joe Biden le potentiel militaire croissant de l’Otan aux frontières de la Russie.';
const second =
  'Les discussions entre les deux hommes d’Etat ont été « franches », assure le Kremlin, qui a publié un communiqué à l’issue de l’entretien, le premier depuis le sommet de Genève.';

const figaro = (over: Partial<ReadPage> = {}): ReadPage => ({
  url: 'https://amp.lefigaro.fr/international/poutine-biden-20211207?utm_source=twitter',
  title: 'Poutine demande des garanties à Biden',
  text: `Poutine demande des garanties à Biden\n\nPar Le Figaro avec AFP\n\n${lead}\n\n${second}`,
  meta: {
    canonical: 'https://www.lefigaro.fr/international/poutine-biden-20211207',
    siteName: 'Le Figaro',
    published: '2021-12-07T19:30:00+01:00',
    lang: 'fr-FR',
    byline: 'Le Figaro avec AFP',
  },
  ...over,
});

describe('readDispatch', () => {
  it('files an AFP copy under its article key, with AFP as its origin and the credit line out of the text', () => {
    const { dispatch, key, inference, declaredElsewhere } = readDispatch(figaro(), readAt);
    expect(key).toBe('https://lefigaro.fr/international/poutine-biden-20211207');
    expect(declaredElsewhere).toBeUndefined();
    expect(dispatch).toEqual({
      id: readDispatchId(key),
      outlet: 'Le Figaro',
      origin: 'AFP',
      chain: ['AFP', 'Le Figaro'],
      language: 'fr',
      date: '2021-12-07',
      title: 'Poutine demande des garanties à Biden',
      url: 'https://www.lefigaro.fr/international/poutine-biden-20211207',
      paragraphs: [lead, second],
    });
    expect(dispatch.id).toMatch(/^read-lefigaro-fr-[0-9a-z]+$/);
    expect(inference.confidence).toBe('stated');
    expect(validateDispatch(dispatch, dispatch.id)).toEqual([]);
  });

  it('gives the AMP copy and the canonical page one record', () => {
    const amp = readDispatch(figaro(), readAt).dispatch.id;
    const canonical = readDispatch(figaro({ url: 'https://www.lefigaro.fr/international/poutine-biden-20211207#xtor=RSS-1', meta: { siteName: 'Le Figaro' } }), readAt).dispatch.id;
    expect(canonical).toBe(amp);
  });

  it('makes the outlet its own origin when the page credits nobody', () => {
    const { dispatch, inference } = readDispatch(
      figaro({ text: `${second}\n\n${second.replace('franches', 'directes')}`, meta: { siteName: 'Le Blog', published: '2021-12-07' } }),
      readAt,
    );
    expect(dispatch.origin).toBe('Le Blog');
    expect(dispatch.chain).toEqual(['Le Blog']);
    expect(inference).toMatchObject({ origin: null, confidence: 'unknown' });
  });

  it('does not file a page under another site’s canonical, but keeps the claim', () => {
    const r = readDispatch(figaro({ url: 'https://copies.example/p/1', meta: { canonical: 'https://www.lefigaro.fr/international/poutine-biden-20211207' } }), readAt);
    expect(r.key).toBe('https://copies.example/p/1');
    expect(r.dispatch.url).toBe('https://copies.example/p/1');
    expect(r.declaredElsewhere).toBe('https://lefigaro.fr/international/poutine-biden-20211207');
  });

  it('refuses a page without a web address', () => {
    expect(() => readDispatch(figaro({ url: 'file:///home/me/page.html' }), readAt)).toThrow('web address');
  });
});

describe('readDispatch on a saved real page', () => {
  it('makes a valid record from what the extraction and the metadata reader find', () => {
    const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../shared/real-pages/nytimes-1.html'), 'utf8');
    const { document } = parseHTML(html);
    const doc = document as unknown as Document;
    const url = 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html?smid=tw-share&_r=0';
    const meta: ArticleMeta = readArticleMeta(doc, url);
    const article = extractArticle(doc)!;
    const { dispatch, key } = readDispatch({ url, title: article.title, text: article.text, meta }, readAt);
    expect(key).toBe('https://nytimes.com/2017/01/13/world/africa/sudan-sanctions.html');
    expect(dispatch).toMatchObject({
      outlet: 'nytimes.com',
      origin: 'nytimes.com',
      language: 'en',
      date: '2017-01-13',
      title: 'United States to Lift Sudan Sanctions',
      url: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html',
    });
    expect(dispatch.paragraphs.join(' ')).toContain('the American government plans to reverse its position on Sudan');
    expect(validateDispatch(dispatch, dispatch.id)).toEqual([]);
  });
});

describe('readDispatch on every saved real page', () => {
  it('gives a valid record, or says the page has no article text', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../../shared/real-pages');
    let records = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const doc = parseHTML(readFileSync(join(dir, name), 'utf8')).document as unknown as Document;
      const url = `https://www.example.com/articles/${name}?utm_source=x`;
      const article = extractArticle(doc);
      if (!article) continue;
      try {
        const { dispatch } = readDispatch({ url, title: article.title, text: article.text, meta: readArticleMeta(doc, url) }, readAt);
        expect(validateDispatch(dispatch, name)).toEqual([]);
        records++;
      } catch (err) {
        expect(String(err), name).toMatch(/no article text/);
      }
    }
    expect(records).toBeGreaterThan(80);
    // Extracting a hundred pages takes a few seconds on a busy machine.
  }, 60_000);
});
