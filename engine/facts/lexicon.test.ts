import { describe, expect, it } from 'vitest';
import concepts from '../data/concepts.json';
import { CONCEPT_BY_STEM, stemOf } from './lexicon';
import { analyzeText } from './terms';

const keysOf = (text: string, lang: 'fr' | 'en') => analyzeText(text, lang).sentences.flatMap((s) => s.hits.map((h) => h.key));

describe('concept lists', () => {
  it('give each stem of a language one concept: a stem in two groups would join words of both', () => {
    const groupsOf = new Map<string, Set<string>>();
    for (const g of concepts.groups) {
      for (const lang of ['fr', 'en'] as const) {
        for (const w of g[lang]) {
          if (w.startsWith('=') || w.includes(' ')) continue;
          const key = `${lang}:${stemOf(w.toLowerCase(), lang)}`;
          groupsOf.set(key, (groupsOf.get(key) ?? new Set()).add(g.key));
        }
      }
    }
    const shared = [...groupsOf].filter(([, g]) => g.size > 1).map(([stem, g]) => `${stem} ${[...g].join('/')}`);
    expect(shared).toEqual([]);
  });

  it('read "cour" as a court and "courant" or "en cours" as no court', () => {
    expect(CONCEPT_BY_STEM.get('fr:cour')).toBe('court');
    expect(keysOf('Il a saisi la cour d’appel.', 'fr')).toContain('c:court');
    expect(keysOf('Le courant a été coupé dans la ville.', 'fr')).not.toContain('c:court');
  });

  it('read a French vote as the English one, and night as nuit', () => {
    expect(keysOf('Le vote a eu lieu.', 'fr')).toContain('c:election');
    expect(keysOf('The vote took place.', 'en')).toContain('c:election');
    expect(keysOf('Pendant la nuit, les secours ont travaillé.', 'fr')).toContain('c:night');
    expect(keysOf('During the night, rescuers worked.', 'en')).toContain('c:night');
  });

  it('keep humanitarian aid apart from an aide', () => {
    expect(keysOf('Aid reached the quake zone.', 'en')).toContain('c:aid');
  });
});

describe('idioms', () => {
  it('read "tirs au but" as a shootout and "à peine" as no penalty', () => {
    const keys = keysOf('Le match s’est joué aux tirs au but. À peine une heure après, elle s’écroule.', 'fr');
    expect(keys).toContain('c:shootout');
    expect(keys).not.toContain('s:pein');
    expect(keysOf('Il risque une lourde peine.', 'fr')).toContain('s:pein');
  });
});
