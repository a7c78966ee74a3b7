import { describe, expect, it } from 'vitest';
import { buildFactsIndex } from './facts-index';
import { ACT_CLASSES, OCCASION_CLASSES, cueAgreement, figuresConflict, sameFigure } from './events';
import { scorePair, sentenceVector, isSameFact } from './score';
import { analyzeText, dayNumber, NO_DAY } from './terms';
import { TENSE_BITS } from './tense';

const cues = (text: string, lang = 'fr', date = '2023-03-08') => analyzeText(text, lang, date).sentences[0].cues;
const names = (bits: number, list: readonly string[]) => list.filter((_, i) => bits & (1 << i));

describe('event cues', () => {
  it('finds act classes by stem in any inflection, French and English', () => {
    expect(names(cues('Le ministre a exigé des excuses et menaçait de partir.').acts, ACT_CLASSES)).toEqual(['demand', 'threaten', 'apologize']);
    expect(names(cues('The minister demanded an apology and threatened to leave.', 'en').acts, ACT_CLASSES)).toEqual(['demand', 'threaten', 'apologize']);
    expect(names(cues('Le porte-parole a démenti ces informations.').acts, ACT_CLASSES)).toEqual(['deny']);
  });

  it('reads announcing as how a fact became known, no act of its own', () => {
    const acts = (text: string, lang: string) => cues(text, lang).acts & ~TENSE_BITS;
    expect(acts('The bank announced a half-point hike of its key rate.', 'en')).toBe(0);
    expect(acts('La banque a annoncé et dévoilé une hausse de son taux.', 'fr')).toBe(0);
    expect(names(acts('The bank announced it rejected the offer.', 'en'), ACT_CLASSES)).toEqual(['reject']);
  });

  it('reads word-for-word entries as phrases and keeps look-alike words out', () => {
    expect(names(cues('Les deux pays se sont entendus sur un calendrier.').acts, ACT_CLASSES)).toEqual(['agree']);
    // "à ce propos" is no proposal, "une menace" no threat made.
    expect(cues('À ce propos, il parle d’une menace pour la région.').acts).toBe(0);
  });

  it('finds the occasion', () => {
    expect(names(cues('Lors de leur entretien téléphonique, ils ont parlé du gaz.').occasions, OCCASION_CLASSES)).toEqual(['call']);
    expect(names(cues('At the summit, the leaders spoke in a joint statement.', 'en').occasions, OCCASION_CLASSES)).toEqual(['summit', 'statement']);
  });

  it('resolves relative days and months against the text date', () => {
    expect(cues('Hier, le conseil a voté le budget.').day).toBe(dayNumber('2023-03-07'));
    expect(cues('The council voted the budget yesterday.', 'en').day).toBe(dayNumber('2023-03-07'));
    expect(cues('Le conseil a voté le budget.').day).toBe(NO_DAY);
    expect(cues('Les prix ont augmenté de 5 % le mois dernier.').months).toBe(1 << 2);
    expect(cues('Prices rose 5% last month.', 'en', '2023-01-10').months).toBe(1 << 12);
  });

  it('takes a year as the day’s only when it follows the day, and no month inside a hyphenated name', () => {
    expect(cues('Comme en 2017, il a été réélu ce dimanche 24 avril.', 'fr', '2022-04-24').day).toBe(dayNumber('2022-04-24'));
    expect(cues('Il est réélu le 24 avril 2017.', 'fr', '2022-04-24').day).toBe(dayNumber('2017-04-24'));
    expect(cues('Il a parlé sur le Champ-de-Mars.').months).toBe(0);
  });

  it('tells agreement, conflict and one-sided cues apart', () => {
    expect(cueAgreement(0b01, 0b11)).toBe('agree');
    expect(cueAgreement(0b01, 0b10)).toBe('conflict');
    expect(cueAgreement(0b01, 0)).toBe('one-sided');
    expect(cueAgreement(0, 0)).toBe('agree');
  });

  it('counts figures as one when equal, within half a percent or rounded', () => {
    expect(sameFigure(58, 58.2)).toBe(true);
    expect(sameFigure(28, 28.01)).toBe(true);
    expect(sameFigure(58.2, 58.55)).toBe(false);
    expect(figuresConflict([284, 2300], [912, 5000])).toBe(true);
    expect(figuresConflict([284], [])).toBe(false);
    expect(figuresConflict([7.8, 1500], [7.8, 1300])).toBe(false);
  });
});

describe('event checks in the pair score', () => {
  const pair = (page: string, corpus: string, pageDate = '2023-03-08', docDate = '2023-03-08') => {
    const index = buildFactsIndex([
      { id: 'x', text: corpus, date: docDate, language: 'fr' },
      { id: 'filler', text: 'Le temps sera doux sur la côte.', date: docDate, language: 'fr' },
    ]);
    const v = sentenceVector(analyzeText(page, 'fr', pageDate).sentences[0], index, new Map());
    return scorePair(v, index, 0, dayNumber(pageDate));
  };

  it('blocks a pair whose sentences state different acts of the same actors', () => {
    const p = pair('Le ministre Dupont a exigé la fermeture de la centrale de Flamanville.', 'Le ministre Dupont a menacé la fermeture de la centrale de Flamanville.');
    expect(p.conflict).toBe(true);
    expect(isSameFact(p, 0)).toBe(false);
    expect(pair('Le ministre Dupont a exigé la fermeture de la centrale de Flamanville.', 'Le ministre Dupont réclame la fermeture de la centrale de Flamanville.').conflict).toBe(false);
  });

  it('blocks different occasions and different days, and lowers a one-sided act', () => {
    expect(pair('Au sommet, Dupont a promis la fermeture de la centrale.', 'Dans un communiqué, Dupont a promis la fermeture de la centrale.').conflict).toBe(true);
    expect(pair('Hier, Dupont a promis la fermeture de la centrale.', 'Jeudi 2 mars, Dupont a promis la fermeture de la centrale.').conflict).toBe(true);
    const both = pair('Dupont a promis la fermeture de la centrale.', 'Dupont a promis la fermeture de la centrale.');
    const oneSided = pair('Dupont a promis la fermeture de la centrale.', 'Dupont veut la fermeture de la centrale.');
    expect(oneSided.conflict).toBe(false);
    expect(oneSided.score).toBeLessThan(both.score);
  });
});
