/**
 * The popup's one-glance summary of a page. `{ofOrigin}` is the origin with its preposition,
 * elided in French ("d’AFP", "de Reuters"), plain in English.
 */
export const summaryEn = {
  sumCopyMany: '{percent} of this page is {origin} copy, run by {count} outlets you know',
  sumCopyOne: '{percent} of this page is {origin} copy, also run by {outlet}',
  sumCopyNone: '{percent} of this page is {origin} copy',
  sumTranslation: '{percent} of this page is a translation of {origin}',
  sumToldOne: 'No copied text; {count} sentence of this page is told by {outlets} in other words',
  sumToldMany: 'No copied text; {count} sentences of this page are told by {outlets} in other words',
  sumCoverageLabel: 'Share of the page by source',
  sumSegmentCopy: '{origin} copy: {percent}',
  sumSegmentTranslation: 'Translation of {origin}: {percent}',
  sumSegmentOwn: 'Not found in the corpus: {percent}',
  sumSources: 'Sources',
  sumOpenSource: 'Open the comparison at this source',
  uiSkipToList: 'Skip to the passage list',
  uiLegendInsDispatch: 'words only in this dispatch',
  readerPassageList: 'Passages of this dispatch found in other dispatches, copied or told in other words',
};

export const summaryFr: Record<keyof typeof summaryEn, string> = {
  sumCopyMany: '{percent} de cette page est une copie {ofOrigin}, reprise par {count} médias que vous connaissez',
  sumCopyOne: '{percent} de cette page est une copie {ofOrigin}, reprise aussi par {outlet}',
  sumCopyNone: '{percent} de cette page est une copie {ofOrigin}',
  sumTranslation: '{percent} de cette page est une traduction {ofOrigin}',
  sumToldOne: 'Aucun texte copié\u202f; {count} phrase de cette page est racontée par {outlets} en d’autres mots',
  sumToldMany: 'Aucun texte copié\u202f; {count} phrases de cette page sont racontées par {outlets} en d’autres mots',
  sumCoverageLabel: 'Part de la page par source',
  sumSegmentCopy: 'Copie {ofOrigin}\u202f: {percent}',
  sumSegmentTranslation: 'Traduction {ofOrigin}\u202f: {percent}',
  sumSegmentOwn: 'Absent du corpus\u202f: {percent}',
  sumSources: 'Sources',
  sumOpenSource: 'Ouvrir la comparaison à cette source',
  uiSkipToList: 'Aller à la liste des passages',
  uiLegendInsDispatch: 'mots présents seulement dans cette dépêche',
  readerPassageList: 'Passages de cette dépêche retrouvés dans d’autres dépêches, copiés ou racontés en d’autres mots',
};
