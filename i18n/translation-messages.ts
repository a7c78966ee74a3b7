/**
 * Interface text of translations: a page that translates a corpus dispatch in the other language,
 * sentence by sentence.
 */
export const translationEn = {
  uiVerdictTranslated: 'Translation of {outlet} ({language}) — {percent} of the page',
  uiRelationTranslated: 'Translation',
  uiKindTranslated: 'Translation',
  cardKindTranslated: 'Translated sentence',
  setKindTranslated: 'A sentence translated from a dispatch in another language',
  kindTranslated: 'translated sentence',
  uiOriginal: 'Original',
  uiTranslationPairs: 'Each sentence beside its original',
  'lang:fr': 'French',
  'lang:en': 'English',
} as const;

export const translationFr: Record<keyof typeof translationEn, string> = {
  uiVerdictTranslated: 'Traduction de {outlet} ({language}) — {percent} de la page',
  uiRelationTranslated: 'Traduction',
  uiKindTranslated: 'Traduction',
  cardKindTranslated: 'Phrase traduite',
  setKindTranslated: 'Une phrase traduite d’une dépêche dans une autre langue',
  kindTranslated: 'phrase traduite',
  uiOriginal: 'Original',
  uiTranslationPairs: 'Chaque phrase à côté de son original',
  'lang:fr': 'français',
  'lang:en': 'anglais',
};
