/** Messages of the card on news pages: its main action, its source rows and the highlight legend. Spread into messages.ts. */
export const cardEn = {
  cardCompare: 'Compare',
  cardSources: 'Sources of this passage',
  cardScoreShort: '{percent}%',
  cardLegend: 'Legend',
  cardLegendTitle: 'The marks Recoupe puts on the page',
  cardLegendOverlap: 'Kinds are listed strongest first. Where two overlap, only the stronger shows its tint and underline; the other keeps its line, above the text.',
  cardLegendActive: 'The passage this card speaks of',
  cardLegendSaved: 'A comparison you saved',
  cardLegendSample: 'Text',
} as const;

export const cardFr: Record<keyof typeof cardEn, string> = {
  cardCompare: 'Comparer',
  cardSources: 'Sources de ce passage',
  cardScoreShort: '{percent}\u00a0%',
  cardLegend: 'Légende',
  cardLegendTitle: 'Les marques que Recoupe met sur la page',
  cardLegendOverlap:
    'Les sortes vont de la plus forte à la plus faible. Là où deux se chevauchent, seule la plus forte montre sa teinte et son soulignement\u202f; l’autre garde son trait, au-dessus du texte.',
  cardLegendActive: 'Le passage dont parle cette carte',
  cardLegendSaved: 'Une comparaison que vous avez enregistrée',
  cardLegendSample: 'Texte',
};
