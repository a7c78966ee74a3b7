import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assert, coverageProblems, marksOf, rangeTextProblems } from './lib/expect';
import { fixture, open, type FixtureName } from './lib/fixture-pages';
import { allHighlightTexts, expectDone, highlightTexts, passageCount, readCoverage, recoupeHighlightSizes, waitForRecoupe } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';
import type { Unit } from '../fixtures/spliced';

function failIf(problems: string[]): void {
  if (problems.length) throw new Error(problems.join('; '));
}

async function checkHighlights(page: Page, units: Unit[], strictKinds: boolean): Promise<void> {
  const coverage = await readCoverage(page);
  const ranges = await allHighlightTexts(page);
  failIf([...coverageProblems(coverage, units, strictKinds), ...rangeTextProblems(ranges, units)]);
}

async function loadFixture(t: TestContext, name: FixtureName) {
  const f = fixture(t, name);
  const requests: string[] = [];
  t.page.on('request', (r) => requests.push(r.url()));
  await open(t.page, f.url);
  await expectDone(t.page);
  // The hand-written fixtures load nothing but themselves, so any other request came from the extension.
  if (name === 'brief' || name === 'demo' || name === 'xss') {
    const others = requests.filter((u) => u !== f.url && !u.endsWith('/favicon.ico'));
    assert(others.length === 0, `requests besides the page itself: ${others.join(', ')}`);
  }
  return f;
}

async function expectNoHighlight(page: Page): Promise<void> {
  const sizes = await recoupeHighlightSizes(page);
  const verbatim = await highlightTexts(page, 'recoupe-verbatim');
  const edited = await highlightTexts(page, 'recoupe-edited');
  assert(Object.keys(sizes).length === 0, `expected no highlight, got ${JSON.stringify(sizes)}: ${JSON.stringify([...verbatim, ...edited].map((s) => s.slice(0, 60)))}`);
}

export const tests: E2eTest[] = [
  {
    name: 'republished copy in BBC markup: highlights exactly the reused paragraphs',
    async run(t) {
      const { units } = await loadFixture(t, 'republished');
      await checkHighlights(t.page, units, false);
      // Adjacent paragraphs may merge into one passage, so kinds are checked loosely here and strictly below.
      const coverage = await readCoverage(t.page);
      const unitMarks = (u: Unit) => marksOf(coverage, u) ?? '';
      assert(unitMarks(units[0]).includes('v'), 'the verbatim first paragraph carries no verbatim highlight');
      assert(units.filter((u) => u.kind === 'edited').some((u) => /[eb]/.test(unitMarks(u))), 'no edited paragraph carries the edited highlight');
      assert((await passageCount(t.page)) > 0, 'no passage drawn');
    },
  },
  {
    name: 'three reused sentences in New York Times markup: exact highlights and kinds',
    async run(t) {
      const { units } = await loadFixture(t, 'reuses');
      await checkHighlights(t.page, units, true);
      const count = await passageCount(t.page);
      assert(count === units.length, `${count} passages drawn, expected ${units.length} (one per reused sentence)`);
    },
  },
  {
    name: '100-word brief republishing one paragraph is an article and is highlighted',
    async run(t) {
      const { units } = await loadFixture(t, 'brief');
      const words = (await t.page.evaluate(() => document.querySelector('article')?.textContent ?? '')).split(/\s+/).filter(Boolean).length;
      assert(words >= 80 && words <= 120, `brief fixture has ${words} words, meant to be about 100`);
      await checkHighlights(t.page, units, true);
    },
  },
  {
    name: 'demo article: the republished and edited passages light up',
    async run(t) {
      const { units } = await loadFixture(t, 'demo');
      await checkHighlights(t.page, units, false);
      await screenshotDemo(t);
    },
  },
  {
    name: 'page sharing no text with the corpus (nytimes-2 as it is): no highlight',
    async run(t) {
      t.allowPageErrors((e) => !(e.stack ?? '').includes('chrome-extension://'));
      await open(t.page, `${t.server.origin}/real/nytimes-2.html`);
      const state = await waitForRecoupe(t.page);
      assert(state === 'done' || state === 'no-article', `state ${state}`);
      await expectNoHighlight(t.page);
      assert((await passageCount(t.page).catch(() => 0)) === 0 || state === 'no-article', 'passages drawn on this page');
    },
  },
  {
    name: 'navigation-only page: no-article and no highlight',
    async run(t) {
      await open(t.page, `${t.server.origin}/fixtures/nav-only.html`);
      const state = await waitForRecoupe(t.page);
      assert(state === 'no-article', `state is "${state}", expected "no-article"`);
      await expectNoHighlight(t.page);
    },
  },
];

/** Shows the card of a highlight and saves the picture; RECOUPE_SCREENSHOT=1 also puts it in docs/ for the README. */
async function screenshotDemo(t: TestContext): Promise<void> {
  const page = t.page;
  await page.evaluate(() => window.scrollTo(0, 220));
  const point = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('recoupe-verbatim') ?? [])][0] as Range | undefined;
    const rect = range?.getClientRects()[1] ?? range?.getClientRects()[0];
    return rect ? { x: rect.left + rect.width * 0.4, y: rect.top + rect.height / 2 } : null;
  });
  if (point) {
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.locator('recoupe-card [data-testid=open-comparison]').first().waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
  }
  await page.waitForTimeout(150);
  const file = join(t.artifactsDir, 'demo-highlights.png');
  await page.screenshot({ path: file });
  if (process.env.RECOUPE_SCREENSHOT === '1') {
    mkdirSync(join(t.repoRoot, 'docs'), { recursive: true });
    copyFileSync(file, join(t.repoRoot, 'docs/screenshot-highlights.png'));
    t.log('screenshot written to docs/screenshot-highlights.png');
  }
}
