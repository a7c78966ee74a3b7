import type { Page } from 'playwright-core';
import type { MessageType, Req, Res } from '../../messaging/protocol';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { badgeOf, expectDone, highlightTexts, openView, optionsPage, pageReport, passageCount, tabRuns, waitForState } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';
import { waitForCardElement } from './lib/card';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const OUTLET = 'La Gazette des Essais';
const REUSED = [
  'Les quarante ruches installées sur les toits de la médiathèque et du marché couvert seront confiées dès septembre à une coopérative d’apiculteurs amateurs, a annoncé vendredi la municipalité après un vote serré du conseil.',
  'La coopérative, qui compte une soixantaine de membres, s’engage à ouvrir les ruchers aux classes de primaire deux matinées par mois et à tenir un registre public de la mortalité des abeilles, un point qui avait divisé les élus de la majorité.',
];

/** Another outlet's page: two paragraphs of the original article inside text and markup of its own. */
const REUSING_PAGE = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Clermont : les abeilles des toits confiées à des bénévoles – Le Petit Auvergnat</title></head>
<body><div class="site"><div class="brand">Le Petit Auvergnat</div>
<div class="content"><div class="story">
<h1>Clermont : les abeilles des toits confiées à des bénévoles</h1>
<div class="byline">Publié le 15 juin 2025</div>
<p>Changement de cap pour les abeilles du centre-ville, qui occupent depuis six ans les terrasses de deux bâtiments municipaux.</p>
<p>${REUSED[0]}</p>
<p>Interrogé par notre rédaction, le président de l’association des commerçants du marché couvert se dit satisfait de la décision et espère que la vente du miel se poursuivra.</p>
<p>${REUSED[1]}</p>
<p>La première récolte sous la nouvelle gestion est attendue pour la fin du mois de juin de l’année prochaine, selon les services de la ville.</p>
</div></div></div></body></html>`;

/** A Protocol request from an extension page open in `page`. */
async function ask<K extends MessageType>(page: Page, type: K, req: Req<K>): Promise<Res<K>> {
  const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), { type, req })) as
    | { ok: true; value: Res<K> }
    | { ok: false; error: string }
    | undefined;
  if (!reply?.ok) throw new Error(`${type}: ${reply ? reply.error : 'no reply'}`);
  return reply.value;
}

async function rows(page: Page): Promise<{ id: string; source: string }[]> {
  return page.$$eval('[data-testid=corpus-row]', (els) => els.map((el) => ({ id: el.getAttribute('data-dispatch') ?? '', source: el.getAttribute('data-source') ?? '' })));
}

/** Back to the bundled corpus and default settings: the browser is shared with the other test files. */
async function resetExtension(t: TestContext): Promise<void> {
  const page = await t.newPage();
  await page.goto(`chrome-extension://${t.extensionId}/options.html`);
  await ask(page, 'restore-bundled', {});
  await ask(page, 'set-settings', { pausedEverywhere: false, language: 'auto', sensitivity: 'normal', highlightKinds: ['verbatim', 'edited', 'same-fact', 'translated'] });
  const settings = await ask(page, 'get-settings', {});
  for (const host of settings.pausedSites) await ask(page, 'set-settings', { site: { host, paused: false } });
  await page.close();
}

async function highlightCount(page: Page): Promise<number> {
  return (await highlightTexts(page, 'recoupe-verbatim')).length + (await highlightTexts(page, 'recoupe-edited')).length;
}

async function badgeSettles(t: TestContext, page: Page, wanted: (badge: string) => boolean): Promise<string> {
  let badge = await badgeOf(t, page);
  for (let i = 0; i < 50 && !wanted(badge); i++) {
    await page.waitForTimeout(100);
    badge = await badgeOf(t, page);
  }
  return badge;
}

const ndjsonLine = (id: string, title: string, text: string) =>
  JSON.stringify({ id, outlet: 'Fil Test', origin: 'AFP', chain: ['AFP', 'Fil Test'], language: 'fr', date: '2025-02-03', title, text });

const GOOD_FILE = [
  ndjsonLine('test-import-1', 'Première dépêche importée', 'Un premier paragraphe importé par le lecteur.\n\nUn second paragraphe, tout aussi inventé.'),
  '',
  ndjsonLine('test-import-2', 'Seconde dépêche importée', 'Une autre dépêche, courte mais valable.'),
].join('\n');

const BAD_FILE = [ndjsonLine('test-bad-1', 'Valable', 'Texte valable.'), '{"id": "cassé"', ndjsonLine('test-bad-2', 'Date fausse', 'Texte.').replace('2025-02-03', 'hier')].join('\n');

async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles('[data-testid=import-ndjson]', { name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text, 'utf8') });
  await page.click('[data-testid=import-submit]');
  await page.waitForSelector('[data-testid=import-summary], [data-testid=import-rejected], .rc-error', { timeout: 20_000 });
}

export const tests: E2eTest[] = [
  {
    name: 'corpus: add a page to the corpus from the popup; a page reusing its text is then highlighted and named',
    timeoutMs: 60_000,
    async run(t) {
      try {
        const original = `${t.server.origin}/fixtures/original-article.html`;
        await open(t.page, original);
        await expectDone(t.page);
        assert((await passageCount(t.page)) === 0, 'the original article already matches the corpus');

        const popup = await openView(t, 'popup', t.page);
        await popup.click('[data-testid=add-page-to-corpus]');
        await popup.waitForSelector('[data-testid=add-page-result], .rc-error', { timeout: 15_000 });
        const result = (await popup.textContent('[data-testid=add-page-result]').catch(() => null)) ?? (await popup.textContent('.rc-error'));
        assert(result?.includes(OUTLET), `popup says "${result}", expected a confirmation naming ${OUTLET}`);

        const reusing = await t.newPage();
        await open(reusing, t.server.put('/corpus-settings/reusing.html', REUSING_PAGE));
        await expectDone(reusing);
        const lit = [...(await highlightTexts(reusing, 'recoupe-verbatim')), ...(await highlightTexts(reusing, 'recoupe-edited'))].join(' ');
        for (const p of REUSED) assert(lit.includes(p.slice(0, 60)), `the reused paragraph "${p.slice(0, 40)}…" is not highlighted (lit: ${lit.slice(0, 200)})`);
        assert(!lit.includes('Changement de cap'), 'the page’s own text is highlighted');

        const reusingPopup = await openView(t, 'popup', reusing);
        await reusingPopup.waitForSelector('[data-testid=verdict-item]', { timeout: 10_000 });
        const verdicts = await reusingPopup.$$eval('[data-testid=verdict-item]', (els) => els.map((el) => el.textContent ?? ''));
        assert(verdicts.some((v) => v.includes(OUTLET)), `popup verdicts do not name ${OUTLET}: ${JSON.stringify(verdicts)}`);

        // The added page is not "republished from itself".
        await t.page.reload({ waitUntil: 'domcontentloaded' });
        await expectDone(t.page);
        assert((await passageCount(t.page)) === 0, 'the added page matches itself');

        const options = await optionsPage(t);
        const added = (await rows(options)).filter((r) => r.source === 'imported');
        assert(added.length === 1 && added[0].id.startsWith('page-127-0-0-1-'), `options list: ${JSON.stringify(added)}`);
      } finally {
        await resetExtension(t);
      }
    },
  },
  {
    name: 'settings: pause on this site from the popup, then reload: no highlight, state paused, badge empty; resume brings highlights back',
    timeoutMs: 60_000,
    async run(t) {
      try {
        const f = fixture(t, 'republished');
        await open(t.page, f.url);
        await expectDone(t.page);
        const before = await passageCount(t.page);
        assert(before > 0, 'no passages before pausing');

        const popup = await openView(t, 'popup', t.page);
        await popup.check('[data-testid=pause-site]');
        await waitForState(t.page, 'paused');
        assert((await highlightCount(t.page)) === 0, 'highlights left after pausing');
        await popup.waitForSelector('[data-testid=popup-paused]', { timeout: 10_000 });

        const runsBefore = (await tabRuns(t.page)).runs;
        await t.page.reload({ waitUntil: 'domcontentloaded' });
        await waitForState(t.page, 'paused');
        // Give a wrongly started analysis the time to show itself.
        await t.page.waitForTimeout(500);
        assert((await pageReport(t.page)).state === 'paused', 'state left "paused" after reload');
        // The browser injected no content script: no run reached the background, no text was read.
        const runsAfter = (await tabRuns(t.page)).runs;
        assert(runsAfter === runsBefore, `a paused page ran the content script after reload (runs ${runsBefore} → ${runsAfter})`);
        assert((await highlightCount(t.page)) === 0, 'highlights on a paused site after reload');
        const badge = await badgeSettles(t, t.page, (b) => b === '');
        assert(badge === '', `badge "${badge}" on a paused site`);

        const popupAfter = await openView(t, 'popup', t.page);
        await popupAfter.waitForSelector('[data-testid=popup-paused]', { timeout: 10_000 });
        assert(await popupAfter.isChecked('[data-testid=pause-site]'), 'pause-site unticked after reload');
        await popupAfter.uncheck('[data-testid=pause-site]');
        await waitForState(t.page, 'done');
        assert((await passageCount(t.page)) === before, `passages after resuming: ${await passageCount(t.page)}, before pausing: ${before}`);
        assert((await highlightCount(t.page)) > 0, 'no highlight after resuming');
        const back = await badgeSettles(t, t.page, (b) => b === String(before));
        assert(back === String(before), `badge "${back}" after resuming, expected "${before}"`);
      } finally {
        await resetExtension(t);
      }
    },
  },
  {
    name: 'options: an NDJSON file with a bad line is rejected, naming every bad line, and changes nothing',
    timeoutMs: 45_000,
    async run(t) {
      const options = await optionsPage(t);
      const before = await rows(options);
      await importFile(options, 'bad.ndjson', BAD_FILE);
      const lines = await options.$$eval('[data-testid=rejected-line]', (els) => els.map((el) => Number(el.getAttribute('data-line'))));
      assert(JSON.stringify(lines) === '[2,3]', `rejected lines ${JSON.stringify(lines)}, expected [2,3]`);
      const text = (await options.textContent('[data-testid=import-rejected]')) ?? '';
      assert(/invalid JSON/.test(text) && /"date"/.test(text), `rejection does not give the reasons: ${text}`);
      assert((await options.$$('[data-testid=import-summary]')).length === 0, 'a summary shown for a rejected file');
      const stored = (await ask(options, 'list-dispatches', {})).map((d) => d.id).sort();
      assert(JSON.stringify(stored) === JSON.stringify(before.map((r) => r.id).sort()), `corpus changed: ${JSON.stringify(stored)}`);
    },
  },
  {
    name: 'options: a good NDJSON file is imported with a summary; an imported dispatch is read, then removed; the bundled corpus is restored',
    timeoutMs: 60_000,
    async run(t) {
      try {
        const options = await optionsPage(t);
        const bundled = (await rows(options)).filter((r) => r.source === 'bundled').length;
        assert(bundled > 0, 'no bundled dispatch listed');

        await importFile(options, 'good.ndjson', GOOD_FILE);
        const added = await options.getAttribute('[data-testid=import-summary]', 'data-added');
        assert(added === '2', `summary says ${added} added, expected 2`);
        await options.waitForSelector('[data-testid=corpus-row][data-dispatch=test-import-2]', { timeout: 10_000 });

        await options.click('[data-testid=read-dispatch][data-dispatch=test-import-1]');
        await options.waitForSelector('[data-testid=dispatch-paragraphs]', { timeout: 10_000 });
        const paragraphs = await options.$$eval('[data-testid=dispatch-paragraphs] p', (ps) => ps.map((p) => p.textContent));
        assert(paragraphs.length === 2 && paragraphs[1] === 'Un second paragraphe, tout aussi inventé.', `reader shows ${JSON.stringify(paragraphs)}`);
        assert(await options.evaluate(() => document.activeElement?.id === 'rc-reader-title'), 'focus did not move to the reading view');
        await options.keyboard.press('Escape');
        await options.waitForSelector('[data-testid=dispatch-reader]', { state: 'detached', timeout: 5_000 });

        assert((await options.$$('[data-testid=remove-dispatch][data-dispatch="afp-europe1-2021-12-07-poutine-garanties"]')).length === 0, 'a bundled dispatch offers removal');
        await options.click('[data-testid=remove-dispatch][data-dispatch=test-import-1]');
        await options.click('[data-testid=confirm-remove]');
        await options.waitForSelector('[data-testid=corpus-row][data-dispatch=test-import-1]', { state: 'detached', timeout: 10_000 });
        await options.waitForSelector('[data-testid=corpus-notice]', { timeout: 5_000 });
        const left = (await ask(options, 'list-dispatches', {})).map((d) => d.id);
        assert(!left.includes('test-import-1') && left.includes('test-import-2'), `corpus after removal: ${JSON.stringify(left)}`);

        await options.click('[data-testid=restore-bundled]');
        await options.click('[data-testid=confirm-restore]');
        await options.waitForSelector('[data-testid=restore-done]', { timeout: 15_000 });
        await options.waitForSelector('[data-testid=corpus-row][data-dispatch=test-import-2]', { state: 'detached', timeout: 10_000 });
        const after = await rows(options);
        assert(after.length === bundled && after.every((r) => r.source === 'bundled'), `after restore: ${JSON.stringify(after)}`);
      } finally {
        await resetExtension(t);
      }
    },
  },
  {
    name: 'settings: choosing French switches the options page and the popup to French',
    timeoutMs: 45_000,
    async run(t) {
      try {
        const options = await optionsPage(t);
        const english = await options.textContent('h1');
        await options.selectOption('[data-testid=setting-language]', 'fr');
        await options.waitForFunction(() => document.querySelector('h1')?.textContent === 'Corpus et réglages', undefined, { timeout: 10_000 });
        assert(english !== 'Corpus et réglages', `the page was French before the switch (${english})`);
        assert((await options.evaluate(() => document.documentElement.lang)) === 'fr', 'html lang is not fr');
        // Counts read as French numbers: a narrow no-break space between thousands.
        const retention = await options.textContent('[data-testid=memory-retention]');
        assert(retention?.includes('50\u202f000 au plus'), `retention reads ${JSON.stringify(retention)}`);

        await open(t.page, `${t.server.origin}/fixtures/brief.html`);
        await expectDone(t.page);
        // The hover card of a page speaks the chosen language too.
        await t.page.keyboard.press('Alt+Shift+ArrowDown');
        const card = (await waitForCardElement(t.page, '[data-testid=open-comparison]')).text;
        assert(card === 'Comparer', `card button reads "${card}"`);
        const popup = await openView(t, 'popup', t.page);
        await popup.waitForSelector('[data-testid=add-page-to-corpus]', { timeout: 10_000 });
        const label = await popup.textContent('[data-testid=add-page-to-corpus]');
        assert(label === 'Ajouter cette page au corpus', `popup button reads "${label}"`);
        const link = await popup.textContent('[data-testid=open-options]');
        assert(link === 'Corpus et réglages', `popup link reads "${link}"`);
      } finally {
        await resetExtension(t);
      }
    },
  },
];
