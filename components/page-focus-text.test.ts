import { afterEach, describe, expect, it } from 'vitest';
import type { Passage } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { setLanguage } from '../i18n/t';
import { pageFocusText } from './page-focus-text';

const passage = (dispatch: string, kind: Passage['kind']) => ({ dispatch, kind }) as Passage;
const result = {
  passages: [passage('afp', 'verbatim'), passage('e1', 'edited'), passage('gone', 'same-fact')],
  dispatchInfo: { afp: { outlet: 'AFP' } as DispatchInfo, e1: { outlet: 'Europe 1' } as DispatchInfo },
};

afterEach(() => setLanguage('en'));

describe('pageFocusText', () => {
  it('names the passage’s place in the list, its outlet and its kind', () => {
    setLanguage('en');
    expect(pageFocusText(result, [1, 0, 2], 0)).toBe('Passage 2 of 3 selected: AFP, verbatim copy');
    expect(pageFocusText(result, [1, 0, 2], 1)).toBe('Passage 1 of 3 selected: Europe 1, edited copy');
  });

  it('speaks French with French typography', () => {
    setLanguage('fr');
    expect(pageFocusText(result, [1, 0, 2], 1)).toBe('Passage 1 sur 3 sélectionné\u00a0: Europe 1, copie retouchée');
  });

  it('falls back on the dispatch id without a description, and says nothing of a passage the list lacks', () => {
    setLanguage('en');
    expect(pageFocusText(result, [0, 1, 2], 2)).toBe('Passage 3 of 3 selected: gone, same fact, other words');
    expect(pageFocusText(result, [0, 1], 2)).toBe('');
  });
});
