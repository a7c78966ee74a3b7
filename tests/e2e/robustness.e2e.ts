import { SEED, dispatch } from '../fixtures/corpus';
import { assert, collapse } from './lib/expect';
import { corpus, open } from './lib/fixture-pages';
import { contentScriptMs, expectDone, highlightTexts, waitForRecoupe } from './lib/page';
import type { E2eTest } from './lib/types';

/** Sentences of a page's own, varied so that no two paragraphs are the same text. */
function ownParagraph(i: number): string {
  return (
    `Chronique numéro ${i} : la commune de Saint-Exemple a voté ${i % 97} délibérations, ` +
    `dont une sur l’éclairage du stade et ${(i * 7) % 31} sur les cantines, ` +
    `sous l’œil de ${(i * 13) % 53} habitants venus en voisins.`
  );
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const tests: E2eTest[] = [
  {
    name: 'huge page (about 8 MB, 40,000 paragraphs): no error, the reused paragraph near the top is highlighted, the rest is capped',
    timeoutMs: 90_000,
    async run(t) {
      const reused = dispatch(corpus(t), SEED.europe1).paragraphs[3];
      const paragraphs = [reused, ...Array.from({ length: 40_000 }, (_, i) => ownParagraph(i))];
      const html =
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Archives municipales</title></head><body>' +
        '<article><h1>Toutes les chroniques</h1>' +
        paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
        '</article></body></html>';
      assert(html.length > 7_000_000, `generated page is only ${html.length} characters`);
      const logs: string[] = [];
      t.page.on('console', (m) => logs.push(m.text()));
      await open(t.page, t.server.put('/gen/huge.html', html));
      await expectDone(t.page, 60_000);
      const verbatim = (await highlightTexts(t.page, 'recoupe-verbatim')).map(collapse);
      assert(
        verbatim.some((h) => collapse(reused).startsWith(h) && h.length > 100),
        `reused paragraph not highlighted; verbatim highlights: ${JSON.stringify(verbatim).slice(0, 300)}`,
      );
      assert(
        logs.some((l) => l.includes('[Recoupe]')),
        `no console note that the article text was capped (console: ${JSON.stringify(logs).slice(0, 300)})`,
      );
      const ms = await contentScriptMs(t.page);
      t.log(`content script on the huge page: ${ms?.toFixed(0)} ms from the load event to the end of the run`);
    },
  },
  {
    name: 'odd page: one giant text node without markup, and a page of tables only, end without error',
    timeoutMs: 60_000,
    async run(t) {
      const wall = Array.from({ length: 20_000 }, (_, i) => ownParagraph(i)).join(' ');
      await open(t.page, t.server.put('/gen/wall.html', `<!doctype html><html><body>${escapeHtml(wall)}</body></html>`));
      const wallState = await waitForRecoupe(t.page, 45_000);
      assert(wallState === 'done' || wallState === 'no-article', `giant text node: state ${wallState}`);

      const rows = Array.from({ length: 2_000 }, (_, i) => `<tr><td>${i}</td><td>${escapeHtml(ownParagraph(i))}</td></tr>`).join('');
      const tables = await t.newPage();
      await open(tables, t.server.put('/gen/tables.html', `<!doctype html><html><body><table>${rows}</table></body></html>`));
      const tableState = await waitForRecoupe(tables, 45_000);
      assert(tableState === 'done' || tableState === 'no-article', `tables page: state ${tableState}`);
    },
  },
];
