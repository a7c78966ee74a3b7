import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import { open } from './lib/fixture-pages';
import { freshProfile } from './lib/fresh-profile';
import { hoverHighlight, waitForCard } from './lib/card';
import { expectDone, highlightTexts, openView, optionsPage, waitForRecoupe } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';

const WIRE = [
  'PARIS (AFP) - Le conseil régional a adopté mardi soir un plan de 240 millions d’euros pour rénover les lycées de la région d’ici à 2030, après six heures de débats tendus dans l’hémicycle.',
  'Le texte prévoit la rénovation thermique de 85 établissements, la création de 12 internats et le remplacement des cantines les plus anciennes, selon le document consulté par l’AFP.',
  'L’opposition a dénoncé un calendrier « irréaliste » et réclamé un audit indépendant des chantiers déjà engagés, dont plusieurs ont pris plus de deux ans de retard.',
  'Les syndicats d’enseignants ont salué un « premier pas », tout en demandant que les travaux soient menés pendant les vacances scolaires pour ne pas perturber les cours.',
  'Le président de la région a promis une première liste d’établissements prioritaires avant la fin du mois de janvier, et une réunion publique dans chaque département.',
];
const OWN_B = [
  'Notre rédaction a interrogé plusieurs proviseurs du département, qui attendent surtout des précisions sur le financement des internats et sur le calendrier des premiers chantiers.',
  'Dans notre ville, le lycée Jean-Moulin attend depuis dix ans la réfection de son gymnase, fermé au public depuis l’hiver dernier pour des raisons de sécurité.',
];

function article(title: string, paragraphs: string[], canonical?: string): string {
  const link = canonical ? `<link rel="canonical" href="${canonical}">` : '';
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>${link}<meta property="og:site_name" content="Le Quotidien"></head><body><nav><a href="/">Accueil</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

async function worker(t: TestContext, fn: string, arg?: unknown): Promise<unknown> {
  return (await t.serviceWorker()).evaluate(([name, value]) => (globalThis as unknown as { recoupeDebug: Record<string, (v: unknown) => unknown> }).recoupeDebug[name as string](value), [fn, arg] as const);
}

/** Opens a page and waits until the background has decided about remembering it. */
async function read(t: TestContext, url: string): Promise<Page> {
  const page = await t.newPage();
  await open(page, url);
  await waitForRecoupe(page);
  for (let i = 0; i < 50 && ((await worker(t, 'memoryPending')) as number[]).length > 0; i++) await page.waitForTimeout(100);
  await page.waitForTimeout(400);
  return page;
}

/** The page as the reader sees it, saved as a picture; RECOUPE_SCREENSHOT=1 also puts it in docs/ for the README. */
async function screenshot(t: TestContext, page: Page, name: string): Promise<void> {
  const file = join(t.artifactsDir, name);
  await page.screenshot({ path: file });
  if (process.env.RECOUPE_SCREENSHOT === '1') copyFileSync(file, join(t.repoRoot, 'docs', name));
}

async function count(page: Page): Promise<number> {
  return (await ask(page, 'memory-status', {})).count;
}

async function reset(t: TestContext): Promise<void> {
  const page = await optionsPage(t);
  await ask(page, 'memory-forget', { scope: 'all' });
  await ask(page, 'set-settings', { memory: 'unset' });
  await page.close();
}

export const tests: E2eTest[] = [
  {
    name: 'reading memory: off until the reader says yes; then a read article is remembered once, and a site republishing it names it',
    timeoutMs: 120_000,
    async run(t) {
      await worker(t, 'setMemoryDwell', 300);
      const siteA = t.server.put('/memory/a/regions-lycees.html', article('Les lycées seront rénovés', WIRE, '/memory/a/regions-lycees.html'));
      // Browser tests reach 127.0.0.1 only: the second outlet is another page of that host.
      const siteB = t.server.put('/memory/b/lycees.html', article('Lycées : la région vote son plan', [OWN_B[0], WIRE[0], WIRE[1].replace('consulté', 'obtenu'), OWN_B[1]]));
      try {
        const settingsPage = await optionsPage(t);
        const before = await count(settingsPage);
        // Unasked: the popup asks, and nothing is remembered meanwhile.
        const off = await read(t, siteA);
        const popup = await openView(t, 'popup', off);
        await popup.waitForSelector('[data-testid=memory-ask]', { timeout: 10_000 });
        assert((await count(settingsPage)) === before, 'a page was remembered before the reader said yes');
        await popup.click('[data-testid=memory-yes]');
        await popup.waitForSelector('[data-testid=memory-ask]', { state: 'detached', timeout: 10_000 });
        await popup.close();
        await off.close();

        const a = await read(t, siteA);
        assert((await count(settingsPage)) === before + 1, `count after reading A: ${await count(settingsPage)}`);
        // Read again, and under a second address of the same article: still one record.
        await a.reload({ waitUntil: 'domcontentloaded' });
        await expectDone(a);
        const again = await read(t, `${siteA}?utm_source=newsletter#top`);
        assert((await count(settingsPage)) === before + 1, `count after reading A twice: ${await count(settingsPage)}`);
        assert((await highlightTexts(again, 'recoupe-verbatim')).length === 0 && (await highlightTexts(again, 'recoupe-edited')).length === 0, 'the remembered page highlights itself');

        const b = await read(t, siteB);
        const lit = [...(await highlightTexts(b, 'recoupe-verbatim')), ...(await highlightTexts(b, 'recoupe-edited'))].join(' ');
        assert(lit.includes('Le conseil régional a adopté mardi soir'), `B's copy of A is not highlighted: ${lit.slice(0, 160)}`);
        assert(!lit.includes('Jean-Moulin'), 'B’s own text is highlighted');
        // The card of the copied passage says where and when it was read, and what that page credited.
        const kind = (await highlightTexts(b, 'recoupe-verbatim')).length > 0 ? 'recoupe-verbatim' : 'recoupe-edited';
        await hoverHighlight(b, kind);
        const card = (await waitForCard(b, (text) => text !== null && /Read on|Lu sur/.test(text), 'the card does not say where the passage was read')) ?? '';
        assert(/127\.0\.0\.1/.test(card) && /AFP/.test(card), `card: ${card}`);
        await screenshot(t, b, 'screenshot-memory.png');
        const bPopup = await openView(t, 'popup', b);
        await bPopup.waitForSelector('[data-testid=verdict-read-note]', { timeout: 10_000 });
        const note = (await bPopup.textContent('[data-testid=verdict-read-note]')) ?? '';
        assert(/127\.0\.0\.1/.test(note) && /AFP/.test(note), `the verdict does not say where it was read and what it credited: "${note}"`);

        // The side panel shows the word changed between the remembered article and B's copy.
        const panel = await openView(t, 'sidepanel', b);
        await panel.waitForSelector('[data-testid=passage-item]', { timeout: 10_000 });
        const items = panel.locator('[data-testid=passage-item]');
        let changed: { ins: string[]; del: string[] } | null = null;
        for (let i = 0; i < (await items.count()) && !changed?.ins.length; i++) {
          await items.nth(i).click();
          const diff = await panel.waitForSelector('[data-testid=diff-view]', { timeout: 5_000 }).catch(() => null);
          if (diff) changed = await diff.evaluate((el) => ({ ins: [...el.querySelectorAll('ins')].map((x) => x.textContent ?? ''), del: [...el.querySelectorAll('del')].map((x) => x.textContent ?? '') }));
        }
        assert(changed?.ins.some((w) => w.includes('obtenu')) && changed.del.some((w) => w.includes('consulté')), `side panel diff: ${JSON.stringify(changed)}`);
        await panel.close();
        // B is an article too: remembered in its turn.
        assert((await count(settingsPage)) === before + 2, `count after reading B: ${await count(settingsPage)}`);
        // Forget A from its popup: B no longer matches it (nor itself).
        const aPopup = await openView(t, 'popup', a);
        await aPopup.waitForSelector('[data-testid=memory-forget-page]', { timeout: 10_000 });
        await aPopup.click('[data-testid=memory-forget-page]');
        await aPopup.waitForSelector('[data-testid=memory-forget-page]', { state: 'detached', timeout: 10_000 });
        assert((await count(settingsPage)) === before + 1, `count after forgetting A: ${await count(settingsPage)}`);
        // B, still open, is matched again without a reload: its passages from A go.
        const copied = async () => (await highlightTexts(b, 'recoupe-verbatim')).length + (await highlightTexts(b, 'recoupe-edited')).length;
        const deadline = Date.now() + 15_000;
        while ((await copied()) > 0 && Date.now() < deadline) await b.waitForTimeout(200);
        assert((await copied()) === 0, 'B, left open, still shows the forgotten page\'s passages');
        await ask(settingsPage, 'memory-forget', { scope: 'site', site: '127.0.0.1' });
        assert((await count(settingsPage)) === before, `count after forgetting the site: ${await count(settingsPage)}`);
      } finally {
        await reset(t);
      }
    },
  },
  {
    name: 'reading memory: an excluded site, a short page, a navigation page and a search page store nothing; the memory exports and imports into a fresh profile',
    timeoutMs: 180_000,
    async run(t) {
      await worker(t, 'setMemoryDwell', 300);
      try {
        const settingsPage = await optionsPage(t);
        await ask(settingsPage, 'set-settings', { memory: 'on', memorySite: { host: '127.0.0.1', excluded: true } });
        const before = await count(settingsPage);
        await read(t, t.server.put('/memory/c/excluded.html', article('Exclu', WIRE)));
        assert((await count(settingsPage)) === before, 'a page of an excluded site was remembered');
        await ask(settingsPage, 'set-settings', { memorySite: { host: '127.0.0.1', excluded: false } });
        await read(t, t.server.put('/memory/c/short.html', article('Brève', ['Trente mots à peine pour une brève qui ne dit presque rien du tout.'])));
        assert((await count(settingsPage)) === before, 'a short page was remembered');
        await read(t, `${t.server.origin}/fixtures/nav-only.html`);
        assert((await count(settingsPage)) === before, 'a navigation page was remembered');
        const results = Array.from(
          { length: 10 },
          (_, i) => `<li><h3><a href="/r/${i}">Résultat ${i} : ${WIRE[i % WIRE.length].slice(0, 60)}</a></h3><p>${WIRE[(i + 1) % WIRE.length].slice(0, 140)}…</p></li>`,
        ).join('');
        await read(t, t.server.put('/memory/c/search.html', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Recherche : lycées</title></head><body><form role="search"><input name="q" value="lycées"></form><ol class="results">${results}</ol></body></html>`));
        assert((await count(settingsPage)) === before, 'a search page was remembered');

        await read(t, t.server.put('/memory/c/kept.html', article('Gardé', WIRE)));
        assert((await count(settingsPage)) === before + 1, 'the article was not remembered');
        const lines: string[] = [];
        for (let after: string | null = null, first = true; first || after !== null; first = false) {
          const piece: { lines: string[]; next: string | null } = await ask(settingsPage, 'memory-export', { after });
          lines.push(...piece.lines);
          after = piece.next;
        }
        assert(lines.length === before + 1 && lines.every((l) => JSON.parse(l).read?.at), `export: ${lines.length} lines`);

        const fresh = await freshProfile(t);
        try {
          const page = await fresh.context.newPage();
          await page.goto(`chrome-extension://${fresh.extensionId}/options.html`);
          await ask(page, 'import-ndjson', { text: lines.join('\n'), mode: 'extend' });
          assert((await ask(page, 'memory-status', {})).count === lines.length, 'the fresh profile does not hold the imported memory');
        } finally {
          await fresh.close();
        }
      } finally {
        await reset(t);
        const page = await optionsPage(t);
        await ask(page, 'set-settings', { memorySite: { host: '127.0.0.1', excluded: false } });
        await page.close();
      }
    },
  },
];
