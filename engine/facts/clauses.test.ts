import { describe, expect, it } from 'vitest';
import { alignFacts } from './align';
import { clauseStarts } from './clauses';
import { buildFactsIndex } from './facts-index';

describe('clauses of a long sentence', () => {
  it('cut at punctuation inside the sentence and before words that open a clause, in both languages', () => {
    const en = 'A fire swept through the cathedral on Monday, causing the spire to collapse and threatening the towers.';
    expect(clauseStarts(en).map((c) => en.slice(c).trim().split(' ')[0])).toEqual(['causing', 'and']);
    const fr = 'La flèche, haute de 93 mètres, s’est effondrée alors que les pompiers arrivaient.';
    expect(clauseStarts(fr).map((c) => fr.slice(c).trim().split(' ')[0])).toEqual(['haute', 's’est', 'alors']);
    expect(clauseStarts('The spire collapsed.')).toEqual([]);
  });

  it('let a fact told in one clause of a long page sentence match its short telling, and keep the event checks', () => {
    const index = buildFactsIndex([
      { id: 'short', text: 'The spire of the cathedral collapsed on Monday evening.', date: '2019-04-16', language: 'en' },
      { id: 'other-day', text: 'The spire of the cathedral collapsed on Friday evening.', date: '2019-04-16', language: 'en' },
      { id: 'unrelated', text: 'Donors pledged money for the rebuilding of the roof.', date: '2019-04-16', language: 'en' },
      { id: 'unrelated-2', text: 'Tourists queued in front of the museum in the morning.', date: '2019-04-16', language: 'en' },
    ]);
    const page =
      'Crowds of Parisians and tourists gathered along the river banks and bridges of the capital, many of them in tears and singing hymns late into the night, ' +
      'watching helplessly as the spire of the cathedral collapsed on Monday evening, while hundreds of firefighters fought the flames and saved the medieval towers, the organ and the crown of thorns.';
    // The whole sentence scores 0.3 against the short telling; its clause about the spire, far more.
    const found = alignFacts(page, index, { pageDate: '2019-04-16', pageLanguage: 'en', hints: false, threshold: 0.5 });
    expect(found.map((p) => p.dispatch)).toEqual(['short']);
    // The same clause against a telling of another day is still blocked, at any score.
    expect(alignFacts(page, index, { pageDate: '2019-04-16', pageLanguage: 'en', hints: false, threshold: 0 }).map((p) => p.dispatch)).not.toContain('other-day');
  });

  it('join the opening clause with a later one: the subject and its act past an apposition', () => {
    const docs = [
      { id: 'short', text: 'The spire of the cathedral collapsed.', date: '2019-04-16', language: 'en' },
      { id: 'filler-1', text: 'Donors pledged money for the rebuilding of the roof.', date: '2019-04-16', language: 'en' },
      { id: 'filler-2', text: 'Tourists queued in front of the museum in the morning.', date: '2019-04-16', language: 'en' },
      { id: 'filler-3', text: 'The organ was saved by the firefighters.', date: '2019-04-16', language: 'en' },
    ];
    const index = buildFactsIndex(docs);
    const page = 'The spire, a slender lattice of oak and lead raised by the architect in the nineteenth century above the nave, the transept and the choir, collapsed.';
    const score = (p: string) => alignFacts(p, index, { pageDate: '2019-04-16', pageLanguage: 'en', hints: false, threshold: 0 }).find((x) => x.dispatch === 'short')?.score ?? 0;
    // The subject's clause and the act's clause, apart, each hold one shared term; together, both.
    expect(score(page)).toBeGreaterThan(0.5);
  });
});
