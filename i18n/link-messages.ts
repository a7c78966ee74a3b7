/** The side panel linked to its page: what the reader is told of the link. */
export const linkEn = {
  uiListHintPage: 'Arrow keys move between passages; the page scrolls to the one you pick. Point at a highlight on the page to find its passage here.',
  /** Said by the panel's live region when the page's highlight selects a passage here. */
  uiPageFocusSelected: 'Passage {n} of {total} selected: {outlet}, {kind}',
};

export const linkFr: Record<keyof typeof linkEn, string> = {
  uiListHintPage:
    'Les flèches du clavier passent d’un passage à l’autre\u202f; la page défile jusqu’à celui que vous choisissez. Pointez un surlignage sur la page pour retrouver ici son passage.',
  uiPageFocusSelected: 'Passage {n} sur {total} sélectionné\u00a0: {outlet}, {kind}',
};
