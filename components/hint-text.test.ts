import { afterEach, describe, expect, it } from 'vitest';
import { HINT_CODES, STANCES } from '../engine/index';
import type { HintType } from '../engine/types';
import { en, fr } from '../i18n/messages';
import { setLanguage } from '../i18n/t';
import { hintText, hintTypeLabel, midSentence } from './hint-text';

const TYPES: HintType[] = ['attribution', 'hedging', 'quotation', 'loaded', 'numbers', 'entities', 'omission'];

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

afterEach(() => setLanguage('en'));

describe('hint wording', () => {
  it('words every engine hint code in both languages with exactly its params (and the outlet)', () => {
    for (const [code, params] of Object.entries(HINT_CODES)) {
      const key = `hint:${code}` as keyof typeof en;
      expect(en[key], code).toBeTypeOf('string');
      for (const dict of [en, fr]) {
        const used = placeholders(dict[key]);
        for (const name of used) expect([...params, 'outlet', 'self', 'Self', 'onSelf'], `${code} uses {${name}}`).toContain(name);
        for (const name of params) expect(used, `${code} drops {${name}}`).toContain(name);
      }
    }
  });

  it('has no wording for a code the engine does not give', () => {
    const codes = Object.keys(en).filter((k) => k.startsWith('hint:')).map((k) => k.slice(5));
    expect(codes.sort()).toEqual(Object.keys(HINT_CODES).sort());
  });

  it('places a credited source inside the sentence without the capital its clause gave its article, keeping names as written', () => {
    const hint = { code: 'credit-only-page', params: { page: 'Le président russe' }, note: '' };
    expect(hintText(hint, 'Radio Habana Cuba')).toBe('This page credits le président russe; Radio Habana Cuba names no source');
    setLanguage('fr');
    expect(hintText({ code: 'credit-differs', params: { page: 'L’armée russe', source: 'La Maison Blanche' }, note: '' }, 'RT')).toBe(
      'Cette page cite comme source l’armée russe\u202f; RT cite La Maison Blanche',
    );
    expect(midSentence('L’Élysée')).toBe('L’Élysée');
    expect(midSentence('Le Monde')).toBe('Le Monde');
    expect(midSentence('La porte-parole du Kremlin')).toBe('la porte-parole du Kremlin');
    expect(midSentence('Les services russes')).toBe('les services russes');
    expect(midSentence('AFP')).toBe('AFP');
  });

  it('translates stances and fills params, in French too', () => {
    const hint = { code: 'verb-stance-differs', params: { page: 'a dit', source: 'a dénoncé', pageStance: 'neutral', sourceStance: 'accusatory' }, note: 'English note' };
    expect(hintText(hint, 'RT')).toBe('Reporting verb: “a dit” (neutral) on this page, “a dénoncé” (accusing) in RT');
    setLanguage('fr');
    expect(hintText(hint, 'RT')).toBe('Verbe de parole : « a dit » (neutre) sur cette page, « a dénoncé » (accusateur) chez RT');
    for (const s of STANCES) expect(fr[`stance:${s}` as keyof typeof fr]).toBeTruthy();
  });

  it('names the compared text as a page or, in the reading view, as a dispatch', () => {
    const hint = { code: 'entity-only-page', params: { word: 'Kiev' }, note: '' };
    expect(hintText(hint, 'RT')).toBe('Only this page names Kiev');
    expect(hintText(hint, 'RT', 'dispatch')).toBe('Only this dispatch names Kiev');
    setLanguage('fr');
    expect(hintText({ code: 'hedge-only-page', params: { word: 'aurait' }, note: '' }, 'RT', 'dispatch')).toBe('Cette dépêche prend des précautions (« aurait ») là où RT affirme');
  });

  it('falls back to the engine note for an unknown code only', () => {
    expect(hintText({ code: 'something-new', params: {}, note: 'Only the page says so.' }, 'RT')).toBe('Only the page says so.');
    expect(hintText({ code: 'hedge-only-source', params: { word: 'aurait' }, note: 'Only the other version hedges.' }, 'RT')).not.toContain('other version');
  });

  it('labels every hint type in both languages', () => {
    for (const type of TYPES) {
      expect(hintTypeLabel(type)).not.toBe(type);
      expect(fr[`hintType:${type}` as keyof typeof fr]).toBeTruthy();
    }
  });
});
