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
});
