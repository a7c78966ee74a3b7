import type { Worker } from 'playwright-core';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import { freshProfile } from './lib/fresh-profile';
import { allowInPrivateWindows, extensionPage, openPrivateWindow } from './lib/private-window';
import type { E2eTest } from './lib/types';

const PARAGRAPHS = [
  'LYON (AFP) - La métropole a voté jeudi un budget de 95 millions d’euros pour prolonger deux lignes de tramway vers l’est de l’agglomération, un projet attendu depuis une décennie par les habitants.',
  'Les travaux doivent commencer à l’automne et durer trois ans ; la circulation sera réduite à une voie sur le boulevard principal pendant la majeure partie du chantier, selon la délibération.',
  'Les commerçants du quartier ont demandé des compensations pour la baisse de fréquentation qu’ils redoutent, tandis que les associations d’usagers saluent une desserte enfin digne de ce nom.',
];

function article(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Tramway</title><meta property="og:site_name" content="Le Quotidien"></head><body><article><h1>Tramway</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

/** Calls one of the worker's debug functions (the page's state, runs, pending memory) with `arg`. */
async function debug(worker: Worker, name: string, arg?: unknown): Promise<unknown> {
  return worker.evaluate(([fn, value]) => (globalThis as unknown as { recoupeDebug: Record<string, (v: unknown) => unknown> }).recoupeDebug[fn as string](value), [name, arg] as const);
}

export const tests: E2eTest[] = [
  {
    name: 'reading memory: an article read in a private window is analysed but never remembered; the same article in a normal window is',
    timeoutMs: 120_000,
    async run(t) {
      const fresh = await freshProfile(t);
      try {
        await allowInPrivateWindows(fresh);
        const settings = await extensionPage(fresh);
        await ask(settings, 'set-settings', { memory: 'on' });
        let worker = await fresh.serviceWorker();
        await debug(worker, 'setMemoryDwell', 300);
        const before = (await ask(settings, 'memory-status', {})).count;
        const url = t.server.put('/private/tramway.html', article());

        const tab = await openPrivateWindow(settings, url);
        // The content script ran there and the background heard how its run ended.
        const deadline = Date.now() + 20_000;
        const state = async () => ((await debug(worker, 'page', tab)) as { state: string }).state;
        while (Date.now() < deadline && !(((await debug(worker, 'runsFor', tab)) as number) > 0 && (await state()) === 'done')) {
          await settings.waitForTimeout(200);
        }
        assert((await state()) === 'done', 'the private window\'s page was never analysed: the test proves nothing');
        // Well past the dwell time: a page that counted as read would be stored by now.
        await settings.waitForTimeout(1_500);
        assert(((await debug(worker, 'memoryPending')) as number[]).length === 0, 'the private page waits to be remembered');
        assert((await ask(settings, 'memory-status', {})).count === before, 'an article read in a private window was remembered');

        // The same article in a normal window is remembered: the private window is what stopped it.
        const normal = await fresh.context.newPage();
        await normal.goto(url);
        worker = await fresh.serviceWorker();
        const until = Date.now() + 20_000;
        while (Date.now() < until && (await ask(settings, 'memory-status', {})).count === before) await settings.waitForTimeout(200);
        assert((await ask(settings, 'memory-status', {})).count === before + 1, 'the article was not remembered from a normal window either');
      } finally {
        await fresh.close();
      }
    },
  },
];
