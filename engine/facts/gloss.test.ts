import { describe, expect, it } from 'vitest';
import { alignFacts } from './align';
import { buildFactsIndex } from './facts-index';
import { glossOf } from './gloss';
import { analyzeText } from './terms';

const glosses = (text: string, language: string) => analyzeText(text, language).sentences[0].hits.filter((h) => h.key.startsWith('x:')).map((h) => h.key);

describe('glossOf', () => {
  it('gives a French word and its English translation one English stem, in any inflection', () => {
    const pairs: [string, string][] = [
      ['incendie', 'fire'],
      ['pompiers', 'firefighters'],
      ['tuées', 'killed'],
      ['séisme', 'earthquakes'],
      ['épicentre', 'epicenter'],
      ['annoncé', 'announced'],
      ['menace', 'threat'],
      ['hausse', 'hike'],
      ['agriculteurs', 'farmer'],
    ];
    for (const [fr, en] of pairs) {
      const g = glossOf(fr, 'fr');
      expect(g, fr).not.toBeNull();
      expect(glossOf(en, 'en'), en).toBe(g);
    }
  });

  it('leaves the words the lexicon does not know to their stems', () => {
    expect(glossOf('zxqwv', 'fr')).toBeNull();
    expect(glossOf('zxqwv', 'en')).toBeNull();
  });

  it('reads a French and an English sentence of one fact with shared terms', () => {
    const fr = glosses('Les agriculteurs ont bloqué les autoroutes avec leurs tracteurs.', 'fr');
    const en = glosses('Farmers blocked the motorways with their tractors.', 'en');
    expect(fr).toHaveLength(4);
    expect(fr).toEqual(en);
  });
});

describe('same facts across languages through the lexicon', () => {
  const dispatches = [
    { id: 'fr-toll', text: 'Les pompiers ont sauvé douze mineurs piégés sous terre dans la province de Zonguldak, après trois jours de recherches.', date: '2023-03-01', language: 'fr' },
    { id: 'fr-chat', text: 'Personne ne souhaite devenir le premier à partir, espère-t-il.', date: '2023-03-01', language: 'fr' },
  ];
  const index = buildFactsIndex(dispatches);

  it('pairs an English retelling whose words only the lexicon joins to the French dispatch', () => {
    const found = alignFacts('Firefighters rescued twelve miners trapped underground in Zonguldak province after a three-day search.', index, { pageLanguage: 'en', pageDate: '2023-03-01' });
    expect(found.map((p) => p.dispatch)).toEqual(['fr-toll']);
  });

  it('does not pair sentences that share only common words met through the lexicon', () => {
    const found = alignFacts('Nobody hopes to become the first one to leave the party, people say.', index, { pageLanguage: 'en', pageDate: '2023-03-01' });
    expect(found).toEqual([]);
  });
});
