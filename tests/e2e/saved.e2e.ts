import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { SavedComparison } from '../../saved/types';
import { ask } from './lib/background';
import { assert, collapse } from './lib/expect';
import { corpus, open } from './lib/fixture-pages';
import { freshProfile } from './lib/fresh-profile';
import { expectDone, openView, savedCounts } from './lib/page';
import { savedTestPage, uniqueWord, type SavedPageOptions } from './lib/saved-pages';
import type { E2eTest, TestContext } from './lib/types';
import { cardQuery, clickInCard, waitForCardElement } from './lib/card';

let pages = 0;

/** Serves a saved-test page at a new address; `update` serves another version at the same address. */
function servePage(t: TestContext, options: SavedPageOptions = {}): { url: string; update(next: SavedPageOptions): string } {
  const path = `/saved/article-${Date.now()}-${++pages}.html`;
  const url = t.server.put(path, savedTestPage(corpus(t), options));
  return { url, update: (next) => (t.server.put(path, savedTestPage(corpus(t), next)), savedTestPage(corpus(t), next)) };
}

/** Saves the first passage of the side panel for `page`, with a note and tags typed into the form. */
async function saveFromSidePanel(t: TestContext, page: Page, note: string, tags: string): Promise<{ view: Page; record: SavedComparison }> {
  const view = await openView(t, 'sidepanel', page);
  await view.waitForSelector('[data-testid=passage-item]', { timeout: 15_000 });
  await view.locator('[data-testid=passage-item]').first().click();
  await view.waitForSelector('[data-testid=save-comparison]', { timeout: 10_000 });
  await view.locator('[data-testid=save-form] summary').click();
  await view.fill('[data-testid=save-note]', note);
  await view.fill('[data-testid=save-tags]', tags);
  await view.click('[data-testid=save-comparison]');
  await view.waitForSelector('[data-testid=save-confirmation]', { timeout: 10_000 });
  const link = await view.getAttribute('[data-testid=save-confirmation] a', 'href');
  assert(link?.endsWith('/saved.html'), `confirmation link goes to ${link}`);
  const records = await ask(view, 'saved-for-url', { url: page.url() });
  assert(records.length === 1, `${records.length} records saved for ${page.url()}`);
  return { view, record: records[0] };
}

function savedRanges(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('recoupe-saved') ?? [])].map((r) => (r as Range).toString()));
}

async function openSavedView(t: TestContext): Promise<Page> {
  const view = await t.newPage();
  await view.goto(`chrome-extension://${t.extensionId}/saved.html`);
  await view.waitForSelector('main[data-state=ready]', { timeout: 10_000 });
  return view;
}

function item(view: Page, id: string) {
  return view.locator(`[data-testid=saved-item][data-id="${id}"]`);
}

/** Hovers the first range of the saved highlight and returns the card's saved note, if any. */
async function cardSavedNote(page: Page): Promise<{ anchor: string | null; text: string } | null> {
  const box = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('recoupe-saved') ?? [])][0] as Range | undefined;
    const r = range?.getClientRects()[0];
    if (!r) return null;
    return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
  });
  assert(box, 'no saved range to hover');
  await page.mouse.move(box.x, box.y);
  await page.mouse.move(box.x + 2, box.y);
  await waitForCardElement(page, '.card');
  const [el] = await cardQuery(page, '[data-testid=card-saved]');
  return el ? { anchor: el.attrs['data-anchor'] ?? null, text: el.text } : null;
}

export const tests: E2eTest[] = [
  {
    name: 'saved: save from the side panel with a note and tags, revisit the page and see it marked',
    timeoutMs: 60_000,
    async run(t) {
      const { url } = servePage(t);
      await open(t.page, url);
      await expectDone(t.page);
      assert((await savedRanges(t.page)).length === 0, 'saved marks before anything was saved');
      const { view, record } = await saveFromSidePanel(t, t.page, 'Copie de l’AFP', 'afp, cours');
      assert(record.note === 'Copie de l’AFP', `note ${JSON.stringify(record.note)}`);
      assert(JSON.stringify(record.tags) === '["afp","cours"]', `tags ${JSON.stringify(record.tags)}`);
      assert(record.passage.quote.exact.length > 50 && record.passage.quote.prefix.length === 32, 'selectors not recorded');
      assert(record.other.outlet === 'Europe 1' && record.other.text.length > 50, `other passage ${JSON.stringify(record.other).slice(0, 200)}`);

      // The panel remembers it is saved.
      await view.reload();
      await view.waitForSelector('[data-testid=passage-item]', { timeout: 15_000 });
      await view.locator('[data-testid=passage-item]').first().click();
      await view.waitForSelector('[data-testid=save-form][data-saved=true]', { timeout: 10_000 });

      await t.page.reload();
      await expectDone(t.page);
      const ranges = await savedRanges(t.page);
      assert(ranges.length > 0, 'no recoupe-saved highlight after revisiting');
      assert(collapse(ranges.join(' ')) === collapse(record.passage.text), `saved marks "${collapse(ranges.join(' ')).slice(0, 120)}…" ≠ saved passage`);
      assert((await savedCounts(t.page))?.saved === 1, `saved marks: ${JSON.stringify(await savedCounts(t.page))}`);
      const card = await cardSavedNote(t.page);
      assert(card?.anchor === 'exact', `card says ${JSON.stringify(card)}`);
      const again = await ask(view, 'saved-for-url', { url });
      assert(again[0].lastAnchor?.status === 'exact', `lastAnchor ${JSON.stringify(again[0].lastAnchor)}`);
    },
  },
  {
    name: 'saved: save from the hover card marks the passage at once',
    timeoutMs: 60_000,
    async run(t) {
      const { url } = servePage(t);
      await open(t.page, url);
      await expectDone(t.page);
      await t.page.keyboard.press('Alt+Shift+ArrowDown');
      await clickInCard(t.page, '[data-testid=save-comparison]');
      await waitForCardElement(t.page, '[data-testid=card-saved]', 10_000);
      assert((await savedCounts(t.page))?.saved === 1, `saved marks after saving: ${JSON.stringify(await savedCounts(t.page))}`);
      assert((await savedRanges(t.page)).length > 0, 'no saved mark after saving from the card');
      const view = await openSavedView(t);
      const records = await ask(view, 'saved-for-url', { url });
      assert(records.length === 1, `${records.length} records for the page`);
      await item(view, records[0].id).waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'saved: edit note and tags, search, delete with undo and bulk delete in the Saved view',
    timeoutMs: 90_000,
    async run(t) {
      const first = servePage(t);
      await open(t.page, first.url);
      await expectDone(t.page);
      const { record: a } = await saveFromSidePanel(t, t.page, '', '');
      const second = servePage(t);
      const page2 = await t.newPage();
      await open(page2, second.url);
      await expectDone(page2);
      const { record: b } = await saveFromSidePanel(t, page2, 'deuxième', 'lot');

      const view = await openSavedView(t);
      await view.waitForSelector('[data-testid=saved-list]');
      await item(view, a.id).locator('[data-testid=edit-saved]').click();
      await item(view, a.id).locator('[data-testid=edit-note]').fill('Reprise mot pour mot, sans citer l’AFP');
      await item(view, a.id).locator('[data-testid=edit-tags]').fill('preuve, Europe 1');
      await item(view, a.id).locator('[data-testid=edit-save]').click();
      await item(view, a.id).locator('[data-testid=saved-note]').waitFor({ timeout: 10_000 });
      const edited = (await ask(view, 'list-saved', {})).find((r) => r.id === a.id)!;
      assert(edited.note === 'Reprise mot pour mot, sans citer l’AFP', `note ${edited.note}`);
      assert(JSON.stringify(edited.tags) === '["preuve","Europe 1"]', `tags ${JSON.stringify(edited.tags)}`);

      // Search by tag and by note words.
      await view.fill('[data-testid=saved-search]', 'preuve');
      await view.waitForFunction((id) => document.querySelectorAll(`[data-testid=saved-item]`).length >= 1 && !!document.querySelector(`[data-id="${id}"]`), a.id);
      assert((await item(view, b.id).count()) === 0, 'search for a tag still shows another record');
      await view.fill('[data-testid=saved-search]', 'sans citer');
      await item(view, a.id).waitFor();
      await view.fill('[data-testid=saved-search]', '');

      // Details inline: both passages and the diff.
      await item(view, a.id).locator('[data-testid=toggle-saved-details]').click();
      await item(view, a.id).locator('[data-testid=diff-view]').waitFor();

      // Delete with undo gives back the very same record.
      await item(view, a.id).locator('[data-testid=delete-saved]').click();
      await view.waitForSelector('[data-testid=undo-delete]');
      await item(view, a.id).waitFor({ state: 'detached' });
      assert(!(await ask(view, 'list-saved', {})).some((r) => r.id === a.id), 'record still stored after delete');
      await view.click('[data-testid=undo-delete]');
      await item(view, a.id).waitFor();
      const back = (await ask(view, 'list-saved', {})).find((r) => r.id === a.id);
      assert(JSON.stringify(back) === JSON.stringify(edited), 'restored record differs from the deleted one');

      // Bulk delete, then undo.
      await item(view, a.id).locator('[data-testid=select-saved]').check();
      await item(view, b.id).locator('[data-testid=select-saved]').check();
      await view.click('[data-testid=delete-selected]');
      await item(view, b.id).waitFor({ state: 'detached' });
      const left = await ask(view, 'list-saved', {});
      assert(!left.some((r) => r.id === a.id || r.id === b.id), 'bulk delete left records');
      await view.click('[data-testid=undo-delete]');
      await item(view, b.id).waitFor();
      assert((await ask(view, 'list-saved', {})).filter((r) => r.id === a.id || r.id === b.id).length === 2, 'undo of bulk delete');
      await page2.close();
    },
  },
  {
    name: 'saved: JSON export imports into a fresh profile as identical records; Markdown export reads as a report',
    timeoutMs: 120_000,
    async run(t) {
      const { url } = servePage(t);
      await open(t.page, url);
      await expectDone(t.page);
      const { record } = await saveFromSidePanel(t, t.page, 'À montrer en classe', 'classe');
      const view = await openSavedView(t);
      const all = await ask(view, 'list-saved', {});

      const [jsonDownload] = await Promise.all([view.waitForEvent('download'), view.click('[data-testid=export-json]')]);
      const jsonPath = await jsonDownload.path();
      const jsonText = readFileSync(jsonPath, 'utf8');
      const data = JSON.parse(jsonText);
      assert(data.format === 'recoupe-saved' && data.version === 1 && typeof data.exportedAt === 'string', 'export envelope');
      assert(JSON.stringify(data.items) === JSON.stringify(all), 'export items differ from the stored records');

      const [mdDownload] = await Promise.all([view.waitForEvent('download'), view.click('[data-testid=export-markdown]')]);
      const md = readFileSync(await mdDownload.path(), 'utf8');
      const section = md.slice(md.indexOf(record.page.title));
      assert(md.startsWith('# Recoupe'), 'markdown title');
      assert(section.includes(`<${record.page.url}>`), 'markdown page URL');
      assert(section.includes('Europe 1'), 'markdown outlet');
      assert(section.includes(`> ${record.passage.text.split('\n')[0].slice(0, 60)}`), 'markdown page passage as a quote');
      assert(section.includes('> À montrer en classe') && section.includes('classe'), 'markdown note and tags');
      t.log(`markdown export: ${md.length} characters for ${all.length} comparisons`);

      const fresh = await freshProfile(t);
      try {
        const other = await fresh.context.newPage();
        await other.goto(`chrome-extension://${fresh.extensionId}/saved.html`);
        await other.waitForSelector('[data-testid=saved-empty]', { timeout: 15_000 });
        // A foreign file is refused and changes nothing.
        await other.setInputFiles('[data-testid=import-file]', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"someone-else","items":[]}') });
        await other.waitForSelector('.rc-error', { timeout: 10_000 });
        assert(((await other.textContent('.rc-error')) ?? '').includes('not an export'), 'foreign file message');
        assert((await ask(other, 'list-saved', {})).length === 0, 'foreign file imported something');

        await other.setInputFiles('[data-testid=import-file]', jsonPath);
        await other.waitForSelector('[data-testid=saved-notice]', { timeout: 15_000 });
        const imported = await ask(other, 'list-saved', {});
        assert(JSON.stringify(imported) === JSON.stringify(all), 'imported records differ from the exported ones');
        await other.waitForSelector(`[data-testid=saved-item][data-id="${record.id}"]`);
        // Importing again adds nothing.
        const again = await ask(other, 'import-saved', { text: jsonText });
        assert(again.added === 0 && again.skipped === all.length, `second import ${JSON.stringify(again)}`);
      } finally {
        await fresh.close();
      }
    },
  },
  {
    name: 'saved: a page changed since saving is marked fuzzily and the card says so',
    timeoutMs: 60_000,
    async run(t) {
      const served = servePage(t);
      await open(t.page, served.url);
      await expectDone(t.page);
      const { record } = await saveFromSidePanel(t, t.page, '', '');
      const html = savedTestPage(corpus(t));
      const word = uniqueWord(record.passage.text, html);
      served.update({ lead: 'Mise à jour : cet article a été complété avec de nouvelles informations.', edits: [[word, 'remplacé']] });
      await t.page.reload();
      await expectDone(t.page);
      assert((await savedCounts(t.page))?.savedFuzzy === 1, `saved marks: ${JSON.stringify(await savedCounts(t.page))}`);
      const marked = collapse((await savedRanges(t.page)).join(' '));
      assert(marked.includes('remplacé') && !marked.includes(word), `fuzzy mark "${marked.slice(0, 160)}…"`);
      const card = await cardSavedNote(t.page);
      assert(card?.anchor === 'fuzzy' && /changed|changé/.test(card.text), `card says ${JSON.stringify(card)}`);
      const view = await openSavedView(t);
      await item(view, record.id).waitFor();
      assert((await item(view, record.id).getAttribute('data-anchor')) === 'fuzzy', 'Saved view does not show the fuzzy anchor');
    },
  },
  {
    name: 'saved: a passage gone from the page is orphaned, not placed elsewhere, and the Saved view says so',
    timeoutMs: 60_000,
    async run(t) {
      const served = servePage(t);
      await open(t.page, served.url);
      await expectDone(t.page);
      const { record } = await saveFromSidePanel(t, t.page, '', '');
      served.update({
        withoutCorpus: true,
        lead: 'La mairie a aussi présenté le calendrier des animations prévues pour la réouverture, avec des lectures pour les enfants, un atelier de reliure et une exposition de photographies anciennes du quartier prêtées par les habitants.',
      });
      await t.page.reload();
      await expectDone(t.page);
      assert((await savedCounts(t.page))?.savedOrphaned === 1, `saved marks: ${JSON.stringify(await savedCounts(t.page))}`);
      assert((await savedRanges(t.page)).length === 0, 'an orphaned passage was marked somewhere');
      const view = await openSavedView(t);
      await item(view, record.id).waitFor();
      assert((await item(view, record.id).getAttribute('data-anchor')) === 'orphaned', 'Saved view does not show the orphan');
      assert(((await item(view, record.id).textContent()) ?? '').match(/Orphaned|Orphelin/), 'no orphan wording');
    },
  },
];
