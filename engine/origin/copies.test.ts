import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { copyOfDispatch, inferOrigin } from './index';

const byOutlet = (outlet: string) => bundledCorpus.find((d) => d.outlet === outlet)!;
const spanOf = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

describe('copyOfDispatch', () => {
  const rhc = byOutlet('Radio Habana Cuba');
  const text = dispatchText(rhc);

  it('credits the origin its record states for the paragraphs of the passage', () => {
    expect(copyOfDispatch(rhc, spanOf(text, 'Moscou veut des garanties juridiques'))).toEqual({
      outlet: 'Radio Habana Cuba',
      published: '2021-12-16',
      credits: [{ agency: 'AFP' }],
      whole: true,
    });
    expect(copyOfDispatch(rhc, spanOf(text, 'Groupe de Minsk')).credits).toEqual([{ agency: 'RT' }]);
  });

  it('credits both sources, weakly, for a passage straddling them', () => {
    const second = rhc.paragraphs[1];
    const third = rhc.paragraphs[2];
    const straddle = { start: text.indexOf(second) + second.length - 20, end: text.indexOf(third) + 20 };
    expect(copyOfDispatch(rhc, straddle)).toMatchObject({ credits: [{ agency: 'AFP' }, { agency: 'RT' }], whole: false });
  });

  it('credits nobody for an outlet that is its own origin', () => {
    const own = { outlet: 'Le Blog', origin: 'Le Blog', paragraphs: ['Un texte.'], date: '2022-01-01' };
    expect(copyOfDispatch(own, { start: 0, end: 5 }).credits).toEqual([]);
  });

  it('makes AFP the stated origin of the AFP paragraphs Radio Habana Cuba shares with Europe 1', () => {
    const europe1 = byOutlet('Europe 1');
    const copies = [copyOfDispatch(rhc, spanOf(text, 'Moscou veut des garanties juridiques')), copyOfDispatch(europe1, { start: 0, end: 50 })];
    expect(inferOrigin(copies)).toMatchObject({ origin: 'AFP', confidence: 'stated' });
    // Were the same words in an RT paragraph and in the AFP copy Europe 1 ran nine days earlier,
    // the earlier copy's credit would be likely, never stated.
    const mixed = inferOrigin([copyOfDispatch(rhc, spanOf(text, 'Groupe de Minsk')), copyOfDispatch(europe1, { start: 0, end: 50 })]);
    expect(mixed).toMatchObject({ origin: 'AFP', confidence: 'likely', chain: ['AFP', 'Europe 1', 'Radio Habana Cuba'] });
    expect(mixed.reasons).toContainEqual({ kind: 'credits-conflict', agencies: expect.arrayContaining(['AFP', 'RT']) });
  });
});
