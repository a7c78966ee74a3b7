import type { Page } from 'playwright-core';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { expectDone, highlightTexts, openView, optionsPage } from './lib/page';
import { ndjson, paragraphs, resetCorpus as reset, RETOLD } from './lib/municipal-corpus';
import type { E2eTest } from './lib/types';

async function choose(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles('[data-testid=import-ndjson]', { name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text, 'utf8') });
}

export const tests: E2eTest[] = [
  {
    name: 'import in batches: 4,000 dispatches with progress shown, then a page reusing one of them is highlighted, and the facts it retells in other words are drawn after its copies',
    timeoutMs: 240_000,
    async run(t) {
      try {
        const options = await optionsPage(t);
        const before = (await ask(options, 'corpus-status', {})).dispatches;
        await choose(options, 'conseils.ndjson', ndjson(4_000, 'conseil'));
        await options.click('[data-testid=import-submit]');
        // Progress shows dispatches stored while the file is still being read.
        const seen = await options.waitForFunction(
          () => Number(document.querySelector('[data-testid=import-progress][data-phase=reading]')?.getAttribute('data-stored') ?? 0) > 0,
          undefined,
          { timeout: 60_000, polling: 50 },
        );
        assert(seen, 'no progress shown');
        const progressText = (await options.textContent('[data-testid=import-progress]')) ?? '';
        assert(/dispatches stored|dépêches enregistrées/.test(progressText), `progress reads "${progressText}"`);
        await options.waitForSelector('[data-testid=import-summary], [data-testid=import-rejected], .rc-error', { timeout: 180_000 });
        const added = await options.getAttribute('[data-testid=import-summary]', 'data-added');
        assert(added === '4000', `summary says ${added} added (${await options.textContent('[data-testid=import-status], form')})`);
        assert((await ask(options, 'corpus-status', {})).dispatches === before + 4_000, 'corpus count after the import');

        const page = await t.newPage();
        const own = 'La rédaction rappelle que le dossier avait déjà fait l’objet de deux recours devant le tribunal administratif, tous deux rejetés au printemps dernier pour vice de forme.';
        const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Conseil municipal</title><meta property="article:published_time" content="2021-12-08T07:30:00+01:00"></head><body><article><h1>Le conseil tranche</h1>${[...paragraphs(2_718), own, own.replace('deux', 'trois'), RETOLD].map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
        await open(page, t.server.put('/import-stream/reusing.html', html));
        await expectDone(page);
        const copies = async () => [...(await highlightTexts(page, 'recoupe-verbatim')), ...(await highlightTexts(page, 'recoupe-edited'))].join(' ');
        const lit = await copies();
        assert(lit.includes(paragraphs(2_718)[0].slice(0, 60)), `the reused paragraph is not highlighted (lit: ${lit.slice(0, 200)})`);
        assert(!lit.includes('tribunal administratif'), 'the page’s own text is highlighted');
        // Above 2,000 dispatches the copies are answered first; the same facts follow in a second drawing.
        const retold = await page.waitForFunction(
          (opening) => [...(CSS.highlights.get('recoupe-same-fact') ?? [])].some((r) => (r as Range).toString().replace(/\s+/g, ' ').startsWith(opening)),
          RETOLD.slice(0, 40),
          { timeout: 60_000, polling: 200 },
        );
        assert(retold, 'the retold fact is not highlighted');
        assert((await copies()).includes(paragraphs(2_718)[0].slice(0, 60)), 'the copied paragraph lost its highlight when the same facts were drawn');
      } finally {
        await reset(t);
      }
    },
  },
  {
    name: 'import in batches: cancelled half-way, nothing of the file is kept and the corpus is as it was',
    timeoutMs: 240_000,
    async run(t) {
      try {
        const options = await optionsPage(t);
        const before = (await ask(options, 'list-dispatches', {})).map((d) => d.id).sort();
        await choose(options, 'annule.ndjson', ndjson(12_000, 'annule'));
        await options.click('[data-testid=import-submit]');
        await options.waitForFunction(() => Number(document.querySelector('[data-testid=import-progress]')?.getAttribute('data-stored') ?? 0) >= 1_000, undefined, {
          timeout: 120_000,
          polling: 50,
        });
        await options.click('[data-testid=import-cancel]');
        await options.waitForSelector('[data-testid=import-cancelled]', { timeout: 60_000 });
        const after = (await ask(options, 'list-dispatches', {})).map((d) => d.id).sort();
        assert(JSON.stringify(after) === JSON.stringify(before), `corpus changed: ${after.length} dispatches, was ${before.length}`);
        assert((await ask(options, 'corpus-status', {})).dispatches === before.length, 'corpus count changed');
        const text = (await options.textContent('[data-testid=import-cancelled]')) ?? '';
        assert(/annule\.ndjson/.test(text), `cancel message reads "${text}"`);
      } finally {
        await reset(t);
      }
    },
  },
  {
    name: 'import in batches: a news page opened during a large import is matched within seconds, and the popup answers',
    timeoutMs: 240_000,
    async run(t) {
      try {
        const options = await optionsPage(t);
        await choose(options, 'pendant.ndjson', ndjson(12_000, 'pendant'));
        await options.click('[data-testid=import-submit]');
        await options.waitForFunction(() => Number(document.querySelector('[data-testid=import-progress]')?.getAttribute('data-stored') ?? 0) >= 400, undefined, {
          timeout: 120_000,
          polling: 50,
        });
        const started = Date.now();
        await open(t.page, fixture(t, 'demo').url);
        await expectDone(t.page, 20_000);
        const matchedMs = Date.now() - started;
        const popup = await openView(t, 'popup', t.page);
        await popup.waitForSelector('[data-testid=verdict-item]', { timeout: 10_000 });
        const popupMs = Date.now() - started;
        const stillImporting = (await options.$('[data-testid=import-progress]')) !== null;
        t.log(`during the import: page matched in ${matchedMs} ms, popup answered at ${popupMs} ms (import still running: ${stillImporting})`);
        assert(stillImporting, 'the import ended before the page was matched: nothing was measured during it');
        assert(matchedMs < 10_000, `matching a page took ${matchedMs} ms during the import`);
        await options.click('[data-testid=import-cancel]');
        await options.waitForSelector('[data-testid=import-cancelled]', { timeout: 60_000 });
      } finally {
        await reset(t);
      }
    },
  },
];
