import { describe, expect, it } from 'vitest';
import concepts from '../data/concepts.json';
import { CONCEPT_BY_STEM, frenchVerbFamily, stemOf } from './lexicon';
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

  it('read the level a figure stands at alike in both languages, and "atteinte" (a breach) or a pupil as no level', () => {
    for (const [text, lang] of [
      ['L’abstention a atteint 28 %.', 'fr'],
      ['L’abstention s’élève à 28 %.', 'fr'],
      ['Le chômage s’établit à 7 %.', 'fr'],
      ['Turnout stood at 28%.', 'en'],
      ['The toll reached 284.', 'en'],
    ] as const) {
      expect(keysOf(text, lang)).toContain('c:stand-at');
    }
    expect(keysOf('Une atteinte à la vie privée.', 'fr')).not.toContain('c:stand-at');
    expect(keysOf('Un élève a parlé.', 'fr')).not.toContain('c:stand-at');
  });

  it('give the forms of a French verb in -crire, -duire or -truire one stem, and leave look-alike words theirs', () => {
    const stems = (words: string[]) => new Set(words.map((w) => stemOf(w, 'fr')));
    expect(stems(['inscrire', 'inscrit', 'inscrits', 'inscrivant', 'inscrivent', 'inscrira']).size).toBe(1);
    expect(stems(['réduire', 'réduit', 'réduite', 'réduisent', 'réduisant']).size).toBe(1);
    expect(stems(['détruire', 'détruit', 'détruisent']).size).toBe(1);
    for (const word of ['circuit', 'bruit', 'nuit', 'fruit', 'gratuit', 'crise', 'cri', 'cuir', 'écrivain']) expect(frenchVerbFamily(stemOf(word, 'fr'))).toBe(stemOf(word, 'fr'));
    expect(stemOf('crise', 'fr')).not.toBe(stemOf('cri', 'fr'));
    // "La France réduit le score" and "to halve the lead" both cut.
    expect(keysOf('La France réduit le score.', 'fr')).toContain('c:cut');
    expect(keysOf('Mbappe halved the lead.', 'en')).toContain('c:cut');
  });

  it('read "les combles" of a building as its roof, and "un comble" or "combler" as none', () => {
    expect(keysOf('Le feu est parti des combles.', 'fr')).toContain('c:roof');
    expect(keysOf('C’est un comble, il faut combler le retard.', 'fr')).not.toContain('c:roof');
  });

  it('leave out "enfin", a narration filler that says nothing of the fact', () => {
    expect(keysOf('L’incendie a enfin été maîtrisé.', 'fr')).toEqual(keysOf('L’incendie a été maîtrisé.', 'fr'));
  });

  it('read the "foyers" of a fire as the fire, and households as homes', () => {
    expect(keysOf('Seuls des foyers résiduels restaient actifs.', 'fr')).toEqual(expect.arrayContaining(['c:fire']));
    expect(keysOf('Seuls des foyers résiduels restaient actifs.', 'fr')).not.toContain('c:homes');
    expect(keysOf('Les pompiers ont éteint deux foyers d’incendie.', 'fr')).toContain('c:fire');
    expect(keysOf('Des milliers de foyers sont privés d’électricité.', 'fr')).toContain('c:homes');
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

describe('phrases and names that hold a concept', () => {
  it('match an entry joined by an elision as a phrase, not by the stem of its verb', () => {
    expect(keysOf('C’est finalement l’Argentine qui s’impose.', 'fr')).toContain('c:win');
    expect(keysOf('La France l’a emporté face au Maroc.', 'fr')).toContain('c:win');
    expect(keysOf('Le gouvernement impose des restrictions.', 'fr')).not.toContain('c:win');
    expect(keysOf('Au moins 237 personnes ont perdu la vie en Syrie.', 'fr')).toContain('c:dead');
    expect(keysOf('Un incendie s’est déclaré vers 18h50.', 'fr')).toContain('c:start');
    expect(keysOf('A fire broke out in the roof.', 'en')).toContain('c:start');
    expect(keysOf('Le ministre a déclaré que le feu était maîtrisé.', 'fr')).not.toContain('c:start');
    expect(keysOf('Argentina beat France 4-2 on penalties.', 'en')).toContain('c:shootout');
    expect(keysOf('Mbappé, auteur d’un triplé, ne suffit pas.', 'fr')).toContain('c:hat-trick');
    expect(keysOf('Mbappe scored a hat-trick.', 'en')).toContain('c:hat-trick');
    expect(keysOf('Les prix ont triplé en un an.', 'fr')).not.toContain('c:hat-trick');
    expect(keysOf('Argentina claimed a third World Cup title.', 'en')).toContain('c:champion');
    expect(keysOf('L’Argentine remporte son troisième titre mondial.', 'fr')).toContain('c:champion');
  });

  it('give a body the concepts its name holds, so "the court" meets "the Supreme Court"', () => {
    expect(keysOf('The Supreme Court overturned the ruling.', 'en')).toEqual(expect.arrayContaining(['e:us-supreme-court', 'c:court']));
    expect(keysOf('La BCE a relevé ses taux.', 'fr')).toEqual(expect.arrayContaining(['e:ecb', 'c:bank', 'c:central']));
    expect(keysOf('The central bank raised its rates.', 'en')).toEqual(expect.arrayContaining(['c:bank', 'c:central']));
  });
});

describe('verbs of saying', () => {
  it('leave their present participles out of the fact, as their other forms', () => {
    const fr = keysOf('La Cour a annulé l’arrêt, déclarant ainsi l’avortement hors des droits constitutionnels.', 'fr');
    expect(fr.some((k) => k.includes('declar'))).toBe(false);
    const en = keysOf('The bank raised its rates, saying inflation was too high.', 'en');
    expect(en.some((k) => k.startsWith('s:sai') || k.startsWith('s:say'))).toBe(false);
  });
});
