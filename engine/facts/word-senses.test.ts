import { describe, expect, it } from 'vitest';
import { analyzeText } from './terms';

const keysOf = (text: string, lang: 'fr' | 'en') => analyzeText(text, lang).sentences.flatMap((s) => s.hits.map((h) => h.key));

describe('French "but"', () => {
  it('is a goal after a count, a rank or its praise', () => {
    expect(keysOf('Lionel Messi inscrit son deuxième but de la finale.', 'fr')).toContain('c:goal');
    expect(keysOf('Il a marqué son 7e but du tournoi.', 'fr')).toContain('c:goal');
    expect(keysOf('Un superbe but a relancé le match.', 'fr')).toContain('c:goal');
  });

  it('is an aim, or no word at all, elsewhere', () => {
    expect(keysOf('Il agit dans le but de nuire.', 'fr')).not.toContain('c:goal');
    expect(keysOf('Dans un seul but : gagner du temps.', 'fr')).not.toContain('c:goal');
    expect(keysOf('Son but est de rassurer les marchés.', 'fr')).not.toContain('c:goal');
    expect(keysOf('He tried, but the second goal never came.', 'en').filter((k) => k === 'c:goal')).toHaveLength(1);
  });
});

describe('a renewed lease', () => {
  it('is a re-election in French news, as a win', () => {
    expect(keysOf('Emmanuel Macron renouvelle donc son bail à l’Élysée.', 'fr')).toContain('c:win');
    expect(keysOf('Le maire a prolongé son bail à l’hôtel de ville.', 'fr')).toContain('c:win');
    expect(keysOf('Le président sortant rempile pour cinq ans.', 'fr')).toContain('c:win');
  });

  it('is no win when the lease is signed or named alone, or something else is renewed', () => {
    expect(keysOf('Le locataire a signé un bail de trois ans.', 'fr')).not.toContain('c:win');
    expect(keysOf('Le club renouvelle le contrat de son entraîneur.', 'fr')).not.toContain('c:win');
  });
});
