import type { Page } from 'playwright-core';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { expectDone, recoupeHighlightSizes, waitForRecoupe } from './lib/page';
import type { E2eTest } from './lib/types';

/** Records, from the page's own world, whether each Alt+Shift+ArrowDown reached the window and was left alone. */
function listenForShortcut(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { seenShortcuts: { prevented: boolean; target: string }[] };
    w.seenShortcuts = [];
    window.addEventListener('keydown', (e) => {
      if (e.altKey && e.shiftKey && e.key === 'ArrowDown') w.seenShortcuts.push({ prevented: e.defaultPrevented, target: (e.target as Element).tagName });
    });
  });
}

const seenShortcuts = (page: Page) =>
  page.evaluate(() => (window as unknown as { seenShortcuts: { prevented: boolean; target: string }[] }).seenShortcuts);

export const tests: E2eTest[] = [
  {
    name: 'editable article: the demo text inside contenteditable gets no highlight, Alt+Shift+ArrowDown stays the editor’s',
    async run(t) {
      await open(t.page, `${t.server.origin}/fixtures/editable-article.html`);
      const state = await waitForRecoupe(t.page);
      assert(state === 'no-article', `the run ended "${state}", expected "no-article" for an article being edited`);
      const sizes = await recoupeHighlightSizes(t.page);
      assert(Object.keys(sizes).length === 0, `highlights inside editable text: ${JSON.stringify(sizes)}`);
      await listenForShortcut(t.page);
      await t.page.bringToFront();
      await t.page.click('article p:nth-of-type(4)');
      await t.page.keyboard.press('Alt+Shift+ArrowDown');
      const seen = await seenShortcuts(t.page);
      assert(seen.length === 1 && !seen[0].prevented, `Alt+Shift+ArrowDown in the editable article: ${JSON.stringify(seen)}`);
      assert(!(await t.page.evaluate(() => document.querySelector('recoupe-card'))), 'a Recoupe card appeared over an editable article');
    },
  },
  {
    name: 'editable field on a highlighted page: Alt+Shift+ArrowDown typed in a textarea reaches the page, outside it opens the card',
    async run(t) {
      await open(t.page, fixture(t, 'demo').url);
      await expectDone(t.page);
      assert(Object.keys(await recoupeHighlightSizes(t.page)).length > 0, 'the demo article has no highlight to step through');
      await t.page.evaluate(() => {
        const box = document.createElement('textarea');
        box.id = 'comment';
        box.value = 'Première ligne\nDeuxième ligne';
        document.querySelector('footer')!.append(box);
        const editor = document.createElement('div');
        editor.id = 'editor';
        editor.contentEditable = 'true';
        editor.innerHTML = '<p>Un commentaire <b>en cours</b> d’écriture.</p>';
        document.querySelector('footer')!.append(editor);
      });
      await listenForShortcut(t.page);
      await t.page.bringToFront();
      await t.page.focus('#comment');
      await t.page.keyboard.press('Alt+Shift+ArrowDown');
      await t.page.click('#editor b');
      await t.page.keyboard.press('Alt+Shift+ArrowDown');
      const seen = await seenShortcuts(t.page);
      assert(
        seen.length === 2 && seen.every((s) => !s.prevented),
        `Alt+Shift+ArrowDown in a textarea and in editable content should reach the page untouched: ${JSON.stringify(seen)}`,
      );
      assert(!(await t.page.evaluate(() => document.querySelector('recoupe-card'))), 'the shortcut typed in an editable field opened the card');
      // Outside editable text the shortcut is Recoupe's: the card opens with focus inside.
      await t.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await t.page.keyboard.press('Alt+Shift+ArrowDown');
      await t.page
        .waitForFunction(() => document.activeElement === document.querySelector('recoupe-card'), undefined, { timeout: 5_000 })
        .catch(() => {
          throw new Error('Alt+Shift+ArrowDown outside editable text did not open the card');
        });
    },
  },
];
