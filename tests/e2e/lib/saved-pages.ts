import { dispatch, SEED, type DispatchRecord } from '../../fixtures/corpus';

/** The page's own paragraphs, about nothing in the corpus. */
const OWN = [
  'La médiathèque municipale rouvrira ses portes au printemps après dix-huit mois de travaux, a annoncé lundi la mairie, qui promet des horaires élargis le samedi et un espace consacré aux bandes dessinées.',
  'Les habitants du quartier, consultés lors de trois réunions publiques, ont réclamé davantage de places assises et une salle de travail silencieuse pour les lycéens qui préparent le baccalauréat.',
  'Le chantier a coûté un peu plus que prévu, selon l’adjointe chargée de la culture, en raison du remplacement complet de la toiture et de la mise aux normes de l’ascenseur.',
];

export interface SavedPageOptions {
  /** A paragraph put before everything else (the page was updated since). */
  lead?: string;
  /** Replacements applied to the corpus paragraphs as shown on the page, each [from, to]. */
  edits?: [string, string][];
  /** Leave the corpus paragraphs out (the passage is gone from the page). */
  withoutCorpus?: boolean;
}

/** The corpus paragraphs the page republishes: seed 000 paragraphs 0, 2 and 3. */
export function reusedParagraphs(corpus: Map<string, DispatchRecord>): string[] {
  const p = dispatch(corpus, SEED.europe1).paragraphs;
  return [p[0], p[2], p[3]];
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A small news page with its own paragraphs around three paragraphs of a corpus dispatch. */
export function savedTestPage(corpus: Map<string, DispatchRecord>, options: SavedPageOptions = {}): string {
  let reused = options.withoutCorpus ? [] : reusedParagraphs(corpus);
  for (const [from, to] of options.edits ?? []) {
    const hits = reused.filter((p) => p.includes(from)).length;
    if (hits !== 1) throw new Error(`saved test page: "${from}" is in ${hits} paragraphs, expected 1`);
    reused = reused.map((p) => p.replace(from, to));
  }
  const paragraphs = [...(options.lead ? [options.lead] : []), OWN[0], ...reused, OWN[1], OWN[2]];
  return `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Le Quotidien du Test</title></head>
<body>
  <header><strong>Le Quotidien du Test</strong><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav></header>
  <main><article>
    <h1>Moscou, Washington et la médiathèque</h1>
${paragraphs.map((p) => `    <p>${escapeHtml(p)}</p>`).join('\n')}
  </article></main>
  <footer>Le Quotidien du Test · tous droits réservés</footer>
</body>
</html>`;
}

/** A word of `text` (seven letters or more) that occurs once in `text` and once in `html`, to change it. */
export function uniqueWord(text: string, html: string): string {
  const words = text.match(/[\p{L}]{7,}/gu) ?? [];
  const middle = words.slice(Math.floor(words.length / 3)).concat(words);
  const count = (hay: string, w: string) => hay.split(w).length - 1;
  const word = middle.find((w) => count(text, w) === 1 && count(html, w) === 1);
  if (!word) throw new Error('no word to change in the saved passage');
  return word;
}
