/**
 * Interface text in English and French. Keys are shared; a missing French entry is a type error.
 * `{name}` placeholders are filled by `t`.
 */
export const en = {
  appName: 'Recoupe',
  loading: 'Analysing…',
  noArticle: 'No article text found on this page.',
  noMatches: 'No passage of this page matches the corpus.',
} as const;

export type MessageKey = keyof typeof en;

export const fr: Record<MessageKey, string> = {
  appName: 'Recoupe',
  loading: 'Analyse en cours…',
  noArticle: 'Aucun texte d’article trouvé sur cette page.',
  noMatches: 'Aucun passage de cette page ne correspond au corpus.',
};
