/**
 * Interface text of translations: a page that translates a corpus dispatch in the other language,
 * sentence by sentence.
 */
export const translationEn = {
  uiVerdictTranslated: 'Translation {ofOutlet} ({language}) — {percent} {ofSelf}',
  uiRelationTranslated: 'Translation',
  uiKindTranslated: 'Translated sentence',
  cardKindTranslated: 'Translated sentence',
  setKindTranslated: 'Translated sentences',
  kindTranslated: 'translated sentence',
  uiColumnOriginal: 'Original: {outlet}',
  uiColumnOriginalIn: 'Original in {language}: {outlet}',
  uiTranslatedPairsOne: '{count} sentence beside its original',
  uiTranslatedOne: '{count} sentence translated from the corpus',
  uiTranslatedMany: '{count} sentences translated from the corpus',
  uiTranslatedPairsMany: '{count} sentences beside their original',
  'lang:fr': 'French',
  'lang:en': 'English',
} as const;

export const translationFr: Record<keyof typeof translationEn, string> = {
  uiVerdictTranslated: 'Traduction {ofOutlet} ({language}) — {percent} {ofSelf}',
  uiRelationTranslated: 'Traduction',
  uiKindTranslated: 'Phrase traduite',
  cardKindTranslated: 'Phrase traduite',
  setKindTranslated: 'Phrases traduites',
  kindTranslated: 'phrase traduite',
  uiColumnOriginal: 'Original\u00a0: {outlet}',
  uiColumnOriginalIn: 'Original en {language}\u00a0: {outlet}',
  uiTranslatedPairsOne: '{count} phrase à côté de son original',
  uiTranslatedOne: '{count} phrase traduite du corpus',
  uiTranslatedMany: '{count} phrases traduites du corpus',
  uiTranslatedPairsMany: '{count} phrases à côté de leur original',
  'lang:fr': 'français',
  'lang:en': 'anglais',
};
