import { describe, expect, it } from 'vitest';
import { canonicalPageUrl, guessLanguage, isoDay, pageDispatch, pageDispatchId } from './page-dispatch';
import { validateDispatch } from './validate';

const today = new Date('2026-03-04T10:00:00Z');
const body =
  'Le conseil municipal a voté mardi soir un budget de rénovation des écoles de la ville.\n\nLes travaux commenceront au printemps et dureront deux ans, selon la mairie qui les a présentés.';

describe('pageDispatch', () => {
  it('makes a valid record from the page and its metadata', () => {
    const d = pageDispatch(
      {
        url: 'https://www.gazette.example/ville/budget?utm_source=x&id=3#comments',
        title: 'Un budget pour les écoles',
        text: `Un budget pour les écoles\n\n${body}`,
        meta: { siteName: '  La Gazette\n du Test ', published: '2025-11-20T08:30:00+01:00', lang: 'fr-FR' },
      },
      today,
    );
    expect(d).toEqual({
      id: pageDispatchId('https://www.gazette.example/ville/budget?id=3'),
      outlet: 'La Gazette du Test',
      origin: 'La Gazette du Test',
      chain: ['La Gazette du Test'],
      language: 'fr',
      date: '2025-11-20',
      title: 'Un budget pour les écoles',
      url: 'https://www.gazette.example/ville/budget?id=3',
      paragraphs: body.split('\n\n'),
    });
    expect(validateDispatch(d, d.id)).toEqual([]);
  });

  it('falls back to the host, today and a guessed language', () => {
    const d = pageDispatch({ url: 'http://www.news.example/a', title: '', text: body, meta: {} }, today);
    expect(d.outlet).toBe('news.example');
    expect(d.title).toBe('news.example');
    expect(d.date).toBe('2026-03-04');
    expect(d.language).toBe('fr');
    expect(d.id).toMatch(/^page-news-example-[0-9a-z]+$/);
    expect(validateDispatch(d, d.id)).toEqual([]);
  });

  it('ignores a malformed date or language', () => {
    const d = pageDispatch({ url: 'https://a.example/x', title: 'T', text: 'The council voted on the budget for the schools of the town, and the works will start in the spring.', meta: { published: '2025-02-30', lang: 'x' } }, today);
    expect(d.date).toBe('2026-03-04');
    expect(d.language).toBe('en');
  });

  it('refuses a page without text', () => {
    expect(() => pageDispatch({ url: 'https://a.example/x', title: 'T', text: ' \n\n — ', meta: {} }, today)).toThrow('no article text');
  });

  it('ids are stable per article and differ between articles', () => {
    expect(pageDispatchId('https://www.a.example/x#top')).toBe(pageDispatchId('https://www.a.example/x?utm_medium=rss'));
    expect(pageDispatchId('https://www.a.example/x')).not.toBe(pageDispatchId('https://www.a.example/y'));
    expect(pageDispatchId('http://127.0.0.1:8080/p.html')).toMatch(/^page-127-0-0-1-/);
    expect(canonicalPageUrl('https://a.example/x?b=1&fbclid=z#f')).toBe('https://a.example/x?b=1');
  });

  it('reads ISO days and guesses French or English', () => {
    expect(isoDay('2024-02-29T23:00:00Z')).toBe('2024-02-29');
    expect(isoDay('29/02/2024')).toBeNull();
    expect(guessLanguage(body)).toBe('fr');
    expect(guessLanguage('Ok.')).toBe('und');
  });
});
