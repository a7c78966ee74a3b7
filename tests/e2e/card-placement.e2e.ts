import type { Page } from 'playwright-core';
import { cardFocus, cardQuery, cardText, clickInCard, hoverHighlight, waitForCard, waitForCardElement } from './lib/card';
import { cardGeometry, placementProblems, setLanguage, stepToCard, waitUntil } from './lib/card-geometry';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { expectDone } from './lib/page';
import type { E2eTest } from './lib/types';

const WORDS = {
  en: { compare: 'Compare', legend: 'Legend', kinds: ['Verbatim copy', 'Edited copy', 'Translated sentence', 'Same fact, other words'] },
  fr: { compare: 'Comparer', legend: 'Légende', kinds: ['Copie mot pour mot', 'Copie retouchée', 'Phrase traduite', 'Même fait, autres mots'] },
} as const;

/** The reuse highlight there is on the page, to hover. */
async function reuseHighlight(page: Page): Promise<string> {
  const name = await page.evaluate(() => ['recoupe-verbatim', 'recoupe-edited'].find((n) => (CSS.highlights.get(n)?.size ?? 0) > 0) ?? null);
  assert(name, 'no verbatim or edited highlight on the page');
  return name;
}

/** Every Recoupe highlight's priority, and whether the active one is above all others. */
function activeOnTop(page: Page): Promise<{ active: number | null; others: number[] }> {
  return page.evaluate(() => {
    const others: number[] = [];
    CSS.highlights.forEach((h, n) => {
      if (n.startsWith('recoupe-') && n !== 'recoupe-active') others.push(h.priority);
    });
    return { active: CSS.highlights.get('recoupe-active')?.priority ?? null, others };
  });
}

/** Remembers, in the page, where the marked passage starts (to find the caret there later). */
function rememberPassageStart(page: Page): Promise<string> {
  return page.evaluate(() => {
    const range = [...(CSS.highlights.get('recoupe-active') ?? [])][0] as Range | undefined;
    if (!range) return '';
    (window as unknown as { __passageStart: [Node, number] }).__passageStart = [range.startContainer, range.startOffset];
    return (range.startContainer.textContent ?? '').slice(range.startOffset, range.startOffset + 40);
  });
}

/** Where the caret and the focus are, against the remembered passage start. */
function focusVsPassage(page: Page) {
  return page.evaluate(() => {
    const [node, offset] = (window as unknown as { __passageStart: [Node, number] }).__passageStart;
    const sel = document.getSelection();
    const active = document.activeElement;
    return {
      card: !!document.querySelector('recoupe-card'),
      focus: active?.tagName.toLowerCase() ?? null,
      caretAtPassage: !!sel && sel.isCollapsed && sel.anchorNode === node && sel.anchorOffset === offset,
      focusAfterPassage: !!active && active !== document.body && (active.contains(node) || !!(node.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING)),
      marked: CSS.highlights.has('recoupe-active'),
    };
  });
}

export const tests: E2eTest[] = [
  {
    name: 'card placement: the card opens beside its passage, never over it, inside the viewport, marks the passage and offers one Compare action, in English and French',
    timeoutMs: 60_000,
    async run(t) {
      try {
        for (const language of ['en', 'fr'] as const) {
          await setLanguage(t, language);
          await open(t.page, fixture(t, 'reuses').url);
          await expectDone(t.page);
          const point = await hoverHighlight(t.page, await reuseHighlight(t.page));
          await waitForCardElement(t.page, '[data-testid=open-comparison]');
          const g = await waitUntil(t.page, () => cardGeometry(t.page), (v) => v.card !== null && v.passage.length > 0, `${language}: no card with a marked passage`);
          assert(placementProblems(g).length === 0, `${language}, hover: ${placementProblems(g).join('; ')}`);
          assert(g.passage.some((r) => point.x >= r.left - 1 && point.x <= r.right + 1 && point.y >= r.top - 1 && point.y <= r.bottom + 1), `${language}: the marked passage is not the hovered one`);
          const order = await activeOnTop(t.page);
          assert(order.active !== null && order.others.every((p) => p < order.active!), `${language}: the passage mark is not above the other highlights: ${JSON.stringify(order)}`);
          // One main action, with the secondary ones beside it on one row.
          const open_ = await cardQuery(t.page, '.open');
          assert(open_.length === 1 && open_[0].text === WORDS[language].compare, `${language}: main actions ${JSON.stringify(open_.map((b) => b.text))}`);
          const row = await cardQuery(t.page, '.actions button');
          assert(row.length >= 2 && row.every((b) => Math.abs(b.box.y + b.box.height / 2 - (row[0].box.y + row[0].box.height / 2)) < 4), `${language}: the actions are not one row: ${JSON.stringify(row.map((b) => [b.text, b.box]))}`);
          // The legend unfolds in the card, names the kinds strongest first, and the taller card still clears the passage.
          await clickInCard(t.page, '[data-testid=card-legend-toggle]');
          const legend = await waitForCardElement(t.page, '[data-testid=card-legend]');
          const at = WORDS[language].kinds.map((k) => legend.text.indexOf(k));
          assert(at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1])), `${language}: legend ${JSON.stringify(legend.text)}`);
          const [toggle] = await cardQuery(t.page, '[data-testid=card-legend-toggle]');
          assert(toggle.attrs['aria-expanded'] === 'true' && toggle.text.includes(WORDS[language].legend), `${language}: legend button ${JSON.stringify(toggle)}`);
          const grown = await waitUntil(t.page, () => cardGeometry(t.page), (v) => placementProblems(v).length === 0, `${language}: with its legend, the card covers its passage or leaves the viewport`);
          assert(grown.card!.bottom - grown.card!.top > g.card!.bottom - g.card!.top, `${language}: the legend did not make the card taller`);
          await t.page.keyboard.press('Escape');
          await waitForCard(t.page, (text) => text === null, `${language}: Escape did not close the card`);
          assert(!(await t.page.evaluate(() => CSS.highlights.has('recoupe-active'))), `${language}: the passage stays marked after the card closed`);

          // Reached by keyboard, the card clears its passage too.
          await stepToCard(t.page);
          const k = await cardGeometry(t.page);
          assert(k.passage.length > 0 && placementProblems(k).length === 0, `${language}, keyboard: ${placementProblems(k).join('; ')}`);
        }
      } finally {
        await setLanguage(t, 'auto');
      }
    },
  },
  {
    name: 'card placement: the card follows its passage when the page scrolls and closes once the passage has left the view',
    timeoutMs: 45_000,
    async run(t) {
      await open(t.page, fixture(t, 'republished').url);
      await expectDone(t.page);
      await stepToCard(t.page);
      const before = await cardGeometry(t.page);
      assert(before.card && before.passage.length > 0 && placementProblems(before).length === 0, `before scrolling: ${placementProblems(before).join('; ')}`);
      await t.page.evaluate(() => window.scrollBy(0, 40));
      const after = await waitUntil(
        t.page,
        () => cardGeometry(t.page),
        (g) => g.card !== null && g.passage[0].top < before.passage[0].top - 30 && Math.abs(g.card.top - before.card!.top - (g.passage[0].top - before.passage[0].top)) <= 2,
        'the card did not move with its passage',
      );
      assert(placementProblems(after).length === 0, `after scrolling: ${placementProblems(after).join('; ')}`);
      t.log(`passage moved ${Math.round(after.passage[0].top - before.passage[0].top)} px, card ${Math.round(after.card!.top - before.card!.top)} px`);
      // Scrolled well past the passage: the card goes, and so does the mark.
      await t.page.evaluate((bottom) => window.scrollBy(0, bottom + window.innerHeight), Math.max(...after.passage.map((r) => r.bottom)));
      await waitForCard(t.page, (text) => text === null, 'the card stayed open with its passage out of view');
      assert(!(await t.page.evaluate(() => CSS.highlights.has('recoupe-active'))), 'the passage stays marked after its card closed');
    },
  },
  {
    name: 'card placement: Tab from the card’s last control and Escape give the keyboard back to the page at the passage',
    timeoutMs: 45_000,
    async run(t) {
      await open(t.page, fixture(t, 'reuses').url);
      await expectDone(t.page);
      await stepToCard(t.page);
      const start = await rememberPassageStart(t.page);
      assert(start.length > 0, 'no marked passage while the card is open');
      // Tab through the card's controls; the last one leads out of the card.
      let steps = 0;
      while ((await cardFocus(t.page)) !== null && steps < 10) {
        await t.page.keyboard.press('Tab');
        steps++;
      }
      const out = await waitUntil(t.page, () => focusVsPassage(t.page), (s) => !s.card, 'the card stayed open after Tab from its last control');
      assert(out.focus !== 'recoupe-card' && out.caretAtPassage, `after Tab out (${steps} Tabs): ${JSON.stringify(out)}, passage “${start}”`);
      assert(!out.marked, 'the passage stays marked after its card closed');
      // The next Tab goes on from the passage, not from the top of the page.
      await t.page.keyboard.press('Tab');
      const next = await focusVsPassage(t.page);
      assert(next.focusAfterPassage, `the next Tab went to ${next.focus}, not to a control after the passage`);

      await stepToCard(t.page);
      await rememberPassageStart(t.page);
      await t.page.keyboard.press('Escape');
      const esc = await waitUntil(t.page, () => focusVsPassage(t.page), (s) => !s.card, 'Escape did not close the card');
      assert(esc.focus !== 'recoupe-card' && esc.caretAtPassage && !esc.marked, `after Escape: ${JSON.stringify(esc)}`);
    },
  },
  {
    name: 'card placement: several sources are one line each; choosing one marks its passage and makes it the subject of Compare',
    timeoutMs: 45_000,
    async run(t) {
      await open(t.page, fixture(t, 'republished').url);
      await expectDone(t.page);
      let rows: Awaited<ReturnType<typeof cardQuery>> = [];
      for (let i = 0; i < 15 && rows.length < 2; i++) {
        await stepToCard(t.page);
        rows = await cardQuery(t.page, '[data-testid=card-source]');
      }
      assert(rows.length >= 2, `no passage of the page lists two sources; last card: ${JSON.stringify(await cardText(t.page))}`);
      const line = Math.max(...rows.map((r) => r.box.height));
      assert(line < 30, `a source row is ${line} px high, more than one line`);
      assert((await cardQuery(t.page, '[data-testid=open-comparison]')).length === 1, 'more than one Compare button');
      assert(rows[0].attrs['aria-pressed'] === 'true' && rows.slice(1).every((r) => r.attrs['aria-pressed'] === 'false'), `rows ${JSON.stringify(rows.map((r) => r.attrs))}`);
      const before = await cardGeometry(t.page);
      // Straight onto the row: a pointer crossing other highlights on its way would open their cards.
      const { box } = await waitForCardElement(t.page, `[data-testid=card-source][data-index="${rows[1].attrs['data-index']}"]`);
      await t.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await t.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const chosen = await waitUntil(t.page, () => cardQuery(t.page, '[data-testid=card-source][aria-pressed=true]'), (r) => r[0]?.attrs['data-index'] === rows[1].attrs['data-index'], 'the second source is not chosen after a click');
      const after = await cardGeometry(t.page);
      assert(after.passage.length > 0 && after.card !== null, `no marked passage after choosing a source: ${JSON.stringify(after)}`);
      t.log(`${rows.length} sources; marked ${before.text.length} → ${after.text.length} chars (${chosen[0].text})`);
    },
  },
  {
    name: 'card placement: overlapping kinds show one tint and one underline; a weaker kind keeps only its overline',
    async run(t) {
      for (const name of ['republished', 'demo'] as const) {
        await open(t.page, fixture(t, name).url);
        await expectDone(t.page);
        const layers = await t.page.evaluate(() => {
          const kinds = ['verbatim', 'edited', 'translated', 'same-fact'];
          const full = new Map<Node, Uint8Array>();
          const under = new Map<Node, Uint8Array>();
          let both = 0;
          let orphan = 0;
          let underChars = 0;
          kinds.forEach((kind, rank) => {
            for (const [map, highlight] of [
              [full, `recoupe-${kind}`],
              [under, `recoupe-${kind}-under`],
            ] as const) {
              for (const r of (CSS.highlights.get(highlight) ?? []) as Iterable<Range>) {
                const node = r.startContainer;
                const length = (node.textContent ?? '').length;
                let cells = map.get(node);
                if (!cells) map.set(node, (cells = new Uint8Array(length)));
                for (let i = r.startOffset; i < (r.endContainer === node ? r.endOffset : length); i++) {
                  if (map === full) {
                    if (cells[i]) both++;
                    cells[i] = rank + 1;
                  } else {
                    underChars++;
                    const top = full.get(node)?.[i] ?? 0;
                    if (!(top > 0 && top - 1 < rank)) orphan++;
                  }
                }
              }
            }
          });
          return { both, orphan, underChars };
        });
        assert(layers.both === 0, `${name}: ${layers.both} characters carry two kinds’ tints and underlines`);
        assert(layers.orphan === 0, `${name}: ${layers.orphan} characters carry a weaker kind’s overline with no stronger kind drawn there`);
        t.log(`${name}: ${layers.underChars} characters where a weaker kind lies under a stronger one`);
      }
    },
  },
];
