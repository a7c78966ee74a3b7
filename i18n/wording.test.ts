import { describe, expect, it } from 'vitest';
import { en, fr, type MessageKey } from './messages';

/** Each passage kind has one name, in every view: chip, card, settings, saved view (case and number aside). */
const KIND_NAMES: { keys: MessageKey[]; en: RegExp; fr: RegExp }[] = [
  { keys: ['uiKindVerbatim', 'cardKindVerbatim', 'setKindVerbatim', 'kindVerbatim'], en: /^verbatim cop(y|ies)$/i, fr: /^copies? mot pour mot$/i },
  { keys: ['uiKindEdited', 'cardKindEdited', 'setKindEdited', 'kindEdited'], en: /^edited cop(y|ies)$/i, fr: /^copies? retouchées?$/i },
  { keys: ['uiKindSameFact', 'cardKindSameFact', 'setKindSameFact', 'kindSameFact'], en: /^same facts?, other words$/i, fr: /^mêmes? faits?, autres mots$/i },
  { keys: ['uiKindTranslated', 'cardKindTranslated', 'setKindTranslated', 'kindTranslated'], en: /^translated sentences?$/i, fr: /^phrases? traduites?$/i },
];

describe('wording', () => {
  it('gives each passage kind one name across views, in English and French', () => {
    for (const kind of KIND_NAMES) {
      for (const key of kind.keys) {
        expect(en[key], key).toMatch(kind.en);
        expect(fr[key], key).toMatch(kind.fr);
      }
    }
  });

  it('writes French with French typography: ’ not \', no-break space before ; : ! ? and inside « »', () => {
    for (const [key, text] of Object.entries(fr)) {
      expect(text, key).not.toMatch(/'/);
      expect(text, key).not.toMatch(/"/);
      expect(text, key).not.toMatch(/ [;:!?»]|« /);
      expect(text, key).not.toMatch(/[^\s\u00a0\u202f][;!?](\s|$)/);
    }
  });

  it('elides "de" and "que" before a vowel in French wordings', () => {
    for (const [key, text] of Object.entries(fr)) {
      // Articles and prepositions only: "Corrigez-la et" is a pronoun.
      expect(text, key).not.toMatch(/(?<![\p{L}-])(de|que|le|la) [aeiouéèêàâîôûy]\p{L}*/iu);
    }
  });

  it('marks optional fields in both languages', () => {
    expect(en.saveNoteLabel).toMatch(/\(optional\)$/);
    expect(fr.saveNoteLabel).toMatch(/\(facultatif\)$/);
    expect(fr.saveTagsLabel).toMatch(/\(facultatif\)$/);
  });
});
