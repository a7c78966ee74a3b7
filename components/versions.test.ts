import { describe, expect, it } from 'vitest';
import type { Passage, StoryVerdict } from '../engine/types';
import { articleFacts, versionsOf } from './versions';

const p = (dispatch: string, kind: Passage['kind'], start: number, end: number, score = 0.5): Passage => ({
  dispatch,
  kind,
  quote: false,
  score,
  page: { start, end, text: '' },
  source: { start: 0, end: 0, text: '' },
  diff: [],
});
const v = (id: string, relation: StoryVerdict['relation']): StoryVerdict => ({ id, relation, coverage: 0.1, narrationCoverage: 0, passages: 1 });

const result = {
  passages: [p('a', 'same-fact', 0, 50, 0.3), p('b', 'same-fact', 0, 50, 0.5), p('c', 'edited', 10, 40, 0.9), p('b', 'same-fact', 60, 90), p('a', 'same-fact', 0, 50, 0.6)],
  dispatches: [v('c', 'reuses-passages'), v('b', 'same-story'), v('a', 'same-story'), v('d', 'same-story')],
};

describe('versionsOf', () => {
  it('puts the chosen passage first, then one version per other dispatch in verdict order', () => {
    expect(versionsOf(result, 1)).toEqual([1, 2, 4]);
    expect(versionsOf(result, 3)).toEqual([3]);
    expect(versionsOf(result, 9)).toEqual([]);
  });
});

describe('articleFacts', () => {
  it('groups overlapping passages into facts and names the dispatches of the story that leave each out', () => {
    expect(articleFacts(result)).toEqual([
      { start: 0, end: 50, versions: [2, 1, 4], omittedBy: ['d'] },
      { start: 60, end: 90, versions: [3], omittedBy: ['c', 'a', 'd'] },
    ]);
  });

  it('counts a dispatch telling one fact of the page as part of the story, verdict or not', () => {
    const few = { passages: [p('a', 'same-fact', 0, 50), p('b', 'same-fact', 0, 50), p('a', 'same-fact', 60, 90)], dispatches: [v('a', 'same-story')] };
    expect(articleFacts(few).map((f) => f.omittedBy)).toEqual([[], ['b']]);
  });
});
