import { assert } from '../e2e/lib/expect';
import { recoupeHighlightSizes } from '../e2e/lib/coverage';
import { ask, openAnalysed, poll, tabIdOf, waitForAnalysis, openWebPage } from './lib/extension';
import type { FirefoxTest } from './lib/types';

const WIRE = [
  'BRUXELLES (AFP) - Les ministres européens de l’Agriculture ont trouvé mercredi un accord sur la réforme des aides aux jeunes exploitants, après deux jours de négociations à Bruxelles.',
  'Le texte relève de 15 % l’aide à l’installation et crée un fonds de garantie pour les prêts fonciers, selon un document consulté par l’AFP.',
  'Plusieurs pays, dont la Pologne et la Hongrie, ont obtenu un délai de deux ans pour appliquer les nouvelles règles de rotation des cultures.',
  'Les syndicats agricoles ont salué une « avancée », tout en jugant le fonds de garantie trop modeste pour enrayer le recul du nombre d’exploitations.',
];
const OWN = 'Dans notre région, une centaine de jeunes agriculteurs attendent depuis des mois une réponse de la chambre d’agriculture sur leurs dossiers d’installation.';

function article(title: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

export const tests: FirefoxTest[] = [
  {
    name: 'reading memory: an article read for a moment is remembered, and a page copying it is highlighted',
    timeoutMs: 90_000,
    async run(t) {
      const a = t.server.put('/ff-memory/a.html', article('Accord sur les aides agricoles', WIRE));
      const b = t.server.put('/ff-memory/b.html', article('Les jeunes agriculteurs aidés', [OWN, WIRE[0], WIRE[1].replace('consulté', 'obtenu'), OWN.replace('centaine', 'vingtaine')]));
      const { probe } = await openAnalysed(t, a);
      try {
        await ask(probe, 'set-settings', { memory: 'on' });
        // The analysis already ran: reading the page again starts its dwell time under the new setting.
        await t.page.reload({ waitUntil: 'domcontentloaded' });
        const before = (await ask(probe, 'memory-status', {})).count;
        const count = await poll(
          async () => {
            const n = (await ask(probe, 'memory-status', {})).count;
            return n > before ? n : undefined;
          },
          40_000,
          () => 'the article was not remembered after 40 s',
        );
        assert(count === before + 1, `memory holds ${count}`);
        const other = await t.newPage();
        await other.bringToFront();
        await openWebPage(other, b);
        const state = await waitForAnalysis(probe, await tabIdOf(probe, b));
        assert(state.status === 'done', `B ended "${state.status}"`);
        // The background records the match before the page has drawn it: wait for the drawing.
        await poll(
          async () => {
            const sizes = await other.evaluate(recoupeHighlightSizes);
            return (sizes['recoupe-verbatim'] ?? 0) + (sizes['recoupe-edited'] ?? 0) > 0 ? sizes : undefined;
          },
          10_000,
          async () => `B has no highlight: ${JSON.stringify(await other.evaluate(recoupeHighlightSizes))}`,
        );
        const remembered = state.result.passages.map((p) => state.result.dispatchInfo[p.dispatch]).find((i) => i?.source === 'read');
        assert(remembered?.credits?.includes('AFP'), `B's passages do not name the remembered page with its credit: ${JSON.stringify(remembered)}`);
      } finally {
        await ask(probe, 'memory-forget', { scope: 'all' });
        await ask(probe, 'set-settings', { memory: 'unset' });
      }
    },
  },
];
