import { describe, expect, it } from 'vitest';
import { searchText, storyMatches } from './filter';
import type { StoryArticle } from './types';

const a = (id: string, outlet: string, date: string, readAt: string, url?: string): StoryArticle => ({ id, outlet, title: `Titre ${id}`, date, readAt, url, language: 'fr', credits: [] });
const story = {
  articles: [a('one', 'Le Figaro', '2025-03-10', '2025-03-12T09:00:00Z', 'https://www.lefigaro.fr/x'), a('two', 'Ouest-France', '2025-03', '2025-03-14T09:00:00Z')],
};
const texts: Record<string, string> = { one: searchText('Éoliennes en mer', 'Les pêcheurs dénoncent le projet.'), two: searchText('Parcs éoliens', 'Le Sénat examinera le texte.') };
const textOf = (id: string) => texts[id];

describe('storyMatches', () => {
  it('finds words in any article, accents and case aside, from the start of a word', () => {
    expect(storyMatches(story, { words: 'eoliennes SÉNAT' }, textOf)).toBe(true);
    expect(storyMatches(story, { words: 'pêch' }, textOf)).toBe(true);
    expect(storyMatches(story, { words: 'éoliennes football' }, textOf)).toBe(false);
    expect(storyMatches(story, { words: 'cheurs' }, textOf)).toBe(false);
  });

  it('filters by outlet name or web host', () => {
    expect(storyMatches(story, { site: 'ouest' }, textOf)).toBe(true);
    expect(storyMatches(story, { site: 'lefigaro.fr' }, textOf)).toBe(true);
    expect(storyMatches(story, { site: 'lemonde' }, textOf)).toBe(false);
  });

  it('filters by the publication day, or the reading day when only a month is known', () => {
    expect(storyMatches(story, { from: '2025-03-10', to: '2025-03-10' }, textOf)).toBe(true);
    expect(storyMatches(story, { from: '2025-03-13', to: '2025-03-14' }, textOf)).toBe(true);
    expect(storyMatches(story, { from: '2025-03-11', to: '2025-03-13' }, textOf)).toBe(false);
    expect(storyMatches(story, { from: '2025-04-01' }, textOf)).toBe(false);
    expect(storyMatches(story, { from: 'garbage' }, textOf)).toBe(true);
  });
});
