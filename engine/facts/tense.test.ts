import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize';
import { TENSE_FUTURE, TENSE_PAST, tenseOf, tensesConflict } from './tense';

const tense = (text: string, lang: 'fr' | 'en') => {
  const t = tokenize(text, true);
  const words = t.words!;
  return tenseOf(words, 0, words.length, lang, (i) => text.slice(t.starts[i], t.ends[i]));
};

describe('tense of a sentence', () => {
  it('tells an act done from one to come, in English', () => {
    expect(tense('The ECB raised its rates on Thursday.', 'en')).toBe(TENSE_PAST);
    expect(tense('The ECB has lifted its rates.', 'en')).toBe(TENSE_PAST);
    expect(tense('Argentina won the final.', 'en')).toBe(TENSE_PAST);
    expect(tense('We will raise interest rates for as long as it takes.', 'en')).toBe(TENSE_FUTURE);
    expect(tense('The bank plans to raise rates in July.', 'en')).toBe(TENSE_FUTURE);
    // "announced it would hike": a decision told in the past of an act to come, so neither a
    // retelling of the hike done nor one of the hike announced is blocked against it.
    expect(tense('The bank announced it would hike its rate.', 'en')).toBe(TENSE_PAST | TENSE_FUTURE);
    expect(tense('The bank would carry out its first increase in July.', 'en')).toBe(TENSE_FUTURE);
    // A verb of saying dates the telling, not the act told.
    expect(tense('The bank said it will raise rates.', 'en')).toBe(TENSE_FUTURE);
    expect(tense('A record rate hike', 'en')).toBe(0);
  });

  it('tells an act done from one to come, in French', () => {
    expect(tense('La BCE a relevé ses taux.', 'fr')).toBe(TENSE_PAST);
    expect(tense('Au moins 284 personnes ont été tuées.', 'fr')).toBe(TENSE_PAST);
    expect(tense('La BCE relèvera ses taux en juillet.', 'fr')).toBe(TENSE_FUTURE);
    expect(tense('L’institution va relever ses taux.', 'fr')).toBe(TENSE_FUTURE);
    expect(tense('Les gardiens de l’euro prévoient de relever les taux.', 'fr')).toBe(TENSE_FUTURE);
    expect(tense('Une caméra filmait la place.', 'fr')).toBe(0);
    expect(tense('À ce propos, il parle d’une menace.', 'fr')).toBe(0);
    expect(tense('La BCE a déjà relevé ses taux.', 'fr')).toBe(TENSE_PAST);
    // A past infinitive beside a narrative future: both, so no side is blocked for it.
    // A place name is no future, however it ends.
    expect(tense('Les secours sont arrivés à Pokhara.', 'fr')).toBe(TENSE_PAST);
    expect(tense('Le vol reliait Katmandou à Pokhara.', 'fr')).toBe(0);
    expect(tense('Il traversera le Sahara.', 'fr')).toBe(TENSE_FUTURE);
    // "être" is the auxiliary of a reflexive past and of a few verbs, not of a plan.
    expect(tense("L'avion s'est écrasé près de l'aéroport.", 'fr')).toBe(TENSE_PAST);
    expect(tense('Les ministres se sont réunis.', 'fr')).toBe(TENSE_PAST);
    expect(tense("L'ancien président est mort lundi.", 'fr')).toBe(TENSE_PAST);
    expect(tense('Le lancement est prévu lundi.', 'fr')).toBe(0);
    expect(tense('Après avoir ravagé la toiture, le feu ne sera éteint que le lendemain.', 'fr')).toBe(TENSE_PAST | TENSE_FUTURE);
  });

  it('blocks only a plain act done against a plain act to come', () => {
    expect(tensesConflict(TENSE_PAST, TENSE_FUTURE)).toBe(true);
    expect(tensesConflict(TENSE_FUTURE, TENSE_PAST)).toBe(true);
    expect(tensesConflict(TENSE_PAST | TENSE_FUTURE, TENSE_PAST)).toBe(false);
    expect(tensesConflict(0, TENSE_FUTURE)).toBe(false);
    expect(tensesConflict(TENSE_PAST, TENSE_PAST)).toBe(false);
  });
});
