/** Messages of the card on news pages: its main action, its source rows and the highlight legend. Spread into messages.ts. */
export const cardEn = {
  cardCompare: 'Compare',
  cardSources: 'Sources of this passage',
  cardScoreShort: '{percent}%',
  cardLegend: 'Legend',
  cardLegendTitle: 'The marks Recoupe puts on the page',
  cardLegendOverlap:
    'Kinds are listed strongest first. Where two overlap, only the stronger shows its tint and underline; the other keeps its line, above the text, unless the passage is saved: then that line is the saved mark alone.',
  cardLegendActive: 'The passage this card speaks of',
  cardLegendSaved: 'A comparison you saved',
  cardSavedMark: 'The magenta line above its text marks it on the page.',
  cardLegendSample: 'Text',
  cardSavedTitle: 'Saved passage',
  cardSavedWith: 'Comparison with {outlet}, saved on {date}.',
  cardSavedOn: 'Comparison saved on {date}.',
  cardSavedUnmatched: 'It no longer matches anything in the corpus: its dispatch has left the corpus, or the page changed.',
  cardSavedHidden: 'It matches a kind of passage you chose not to highlight (“Corpus & settings”).',
  cardOpenInSaved: 'Open in saved comparisons',
} as const;

export const cardFr: Record<keyof typeof cardEn, string> = {
  cardCompare: 'Comparer',
  cardSources: 'Sources de ce passage',
  cardScoreShort: '{percent}\u00a0%',
  cardLegend: 'Légende',
  cardLegendTitle: 'Les marques que Recoupe met sur la page',
  cardLegendOverlap:
    'Les sortes vont de la plus forte à la plus faible. Là où deux se chevauchent, seule la plus forte montre sa teinte et son soulignement\u202f; l’autre garde son trait, au-dessus du texte, sauf sur un passage enregistré\u00a0: ce trait est alors la seule marque d’enregistrement.',
  cardLegendActive: 'Le passage dont parle cette carte',
  cardLegendSaved: 'Une comparaison que vous avez enregistrée',
  cardSavedMark: 'Le trait magenta au-dessus de son texte le signale sur la page.',
  cardLegendSample: 'Texte',
  cardSavedTitle: 'Passage enregistré',
  cardSavedWith: 'Comparaison avec {outlet}, enregistrée le {date}.',
  cardSavedOn: 'Comparaison enregistrée le {date}.',
  cardSavedUnmatched: 'Il ne correspond plus à rien dans le corpus\u00a0: sa dépêche a quitté le corpus, ou la page a changé.',
  cardSavedHidden: 'Il correspond à une sorte de passage que vous avez choisi de ne pas surligner («\u00a0Corpus et réglages\u00a0»).',
  cardOpenInSaved: 'Ouvrir dans les comparaisons enregistrées',
};
