import { ask } from './background';
import type { TestContext } from './types';

/**
 * A corpus of municipal dispatches of their own words and figures, large enough for a page's match
 * to come in two stages (copies first, then same facts and translations).
 */
const PLACES = ['Lyon', 'Brest', 'Nantes', 'Lille', 'Rennes', 'Metz', 'Dijon', 'Tours', 'Nice', 'Caen', 'Amiens', 'Limoges'];
const ACTS = ['a voté', 'a rejeté', 'a reporté', 'a examiné', 'a adopté', 'a contesté'];
const THINGS = ['un budget', 'un plan de rénovation', 'une hausse des tarifs', 'un projet de tramway', 'une réforme des cantines', 'un schéma cyclable'];

/** A dispatch of its own words and figures, so that the imported corpus is not one text many times. */
export function paragraphs(n: number): string[] {
  const pick = <T>(list: T[], k: number) => list[(n * 7 + k * 13) % list.length];
  return [
    `Le conseil municipal de ${pick(PLACES, 1)} ${pick(ACTS, 2)} mardi soir ${pick(THINGS, 3)} de ${n * 37 + 1000} euros, après un débat de ${(n % 5) + 2} heures marqué par les critiques de l’opposition, qui réclamait un vote séparé pour le quartier numéro ${n}.`,
    `Selon la mairie, ${(n % 40) + 10} agents seront affectés au dossier numéro ${n} d’ici à la fin de l’année ${2020 + (n % 6)}, et une réunion publique se tiendra dans la salle ${pick(PLACES, 4)} le ${(n % 27) + 1} du mois prochain.`,
    `L’association des habitants du secteur ${n} a salué « un premier pas » mais demande des garanties écrites sur le calendrier des travaux et sur le coût réel pour les ménages modestes de ${pick(PLACES, 5)}.`,
  ];
}

/** A fact of a bundled dispatch told in other words, on a page among the imported ones. */
export const RETOLD = "Lors d'une visioconférence avec Joe Biden, mardi 7 décembre, Vladimir Poutine a exigé des garanties juridiques interdisant tout élargissement de l'Otan vers l'est de l'Europe.";

export function ndjson(count: number, prefix: string): string {
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    lines.push(JSON.stringify({ id: `${prefix}-${i}`, outlet: 'Fil Municipal', origin: 'Fil Municipal', chain: ['Fil Municipal'], language: 'fr', date: '2025-03-04', title: `Conseil municipal, dossier ${i}`, paragraphs: paragraphs(i) }));
  }
  return lines.join('\n');
}

/** Puts the bundled corpus back, whatever a test imported. */
export async function resetCorpus(t: TestContext): Promise<void> {
  const page = await t.newPage();
  await page.goto(`chrome-extension://${t.extensionId}/options.html`);
  await ask(page, 'restore-bundled', {});
  await page.close();
}
