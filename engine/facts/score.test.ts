import { describe, expect, it } from 'vitest';
import { alignFacts } from './align';
import { buildFactsIndex } from './facts-index';
import { cuesConflict } from './score';
import { dayNumber, NO_DAY } from './terms';

const JULY = 1 << 7;
const JUNE = 1 << 6;

describe('event checks', () => {
  it('keeps a month both sentences name when one also pins the day it was told', () => {
    // "Confirmé jeudi [9 juin] : une hausse en juillet" and "dès juillet, 25 points de plus".
    const thursday = dayNumber('2022-06-09');
    expect(cuesConflict(thursday, 1 << 4, JULY, NO_DAY, 0, JULY)).toBe(false);
    expect(cuesConflict(NO_DAY, 0, JULY, thursday, 1 << 4, JULY)).toBe(false);
    // A pinned day whose month the other sentence contradicts, with no month in common, still blocks.
    expect(cuesConflict(thursday, 0, 0, NO_DAY, 0, JULY)).toBe(true);
    expect(cuesConflict(thursday, 0, JUNE, NO_DAY, 0, JULY)).toBe(true);
  });

  it('weighs a retelling published years later like a report of the day when both pin the same day', () => {
    const text = 'The spire of the cathedral collapsed in the fire on April 15, 2019.';
    const page = 'On April 15, 2019, fire brought down the spire of the cathedral, which collapsed.';
    const scoreWith = (date: string) => {
      const index = buildFactsIndex([
        { id: 'retelling', text, date, language: 'en' },
        { id: 'other', text: 'Firefighters saved the towers of the cathedral.', date: '2019-04-16', language: 'en' },
      ]);
      return alignFacts(page, index, { pageDate: '2019-04-16', pageLanguage: 'en', threshold: 0, hints: false }).find((p) => p.dispatch === 'retelling')?.score ?? 0;
    };
    expect(scoreWith('2019-04-16')).toBeGreaterThan(0);
    expect(scoreWith('2024-02-13')).toBe(scoreWith('2019-04-16'));
  });

  it('blocks an act done against the same act to come', () => {
    const index = buildFactsIndex([
      { id: 'done', text: 'The central bank raised interest rates to fight inflation.', date: '2022-07-21', language: 'en' },
      { id: 'to-come', text: 'The central bank will raise interest rates to fight inflation.', date: '2022-07-21', language: 'en' },
      { id: 'other', text: 'Prices of food went up in June.', date: '2022-07-21', language: 'en' },
    ]);
    const found = alignFacts('The central bank has raised interest rates to fight inflation.', index, { pageDate: '2022-07-21', pageLanguage: 'en', threshold: 0, hints: false });
    expect(found.map((p) => p.dispatch)).toEqual(['done']);
  });
});
