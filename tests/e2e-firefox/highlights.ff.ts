import { coverageProblems, rangeTextProblems, assert } from '../e2e/lib/expect';
import { mergedHighlightTexts, pageCoverage, recoupeHighlightSizes } from '../e2e/lib/coverage';
import { fixture } from '../e2e/lib/fixture-pages';
import { openAnalysed } from './lib/extension';
import type { FirefoxTest } from './lib/types';

export const tests: FirefoxTest[] = [
  {
    name: 'demo article: the republished and edited passages light up, and nothing else',
    async run(t) {
      const { url, units } = fixture(t, 'demo');
      const { state } = await openAnalysed(t, url);
      assert(state.status === 'done', `analysis ended "${state.status}", expected "done"`);
      const coverage = await t.page.evaluate(pageCoverage);
      const ranges = await t.page.evaluate(mergedHighlightTexts);
      const sizes = await t.page.evaluate(recoupeHighlightSizes);
      assert(sizes['recoupe-verbatim'] > 0, `no verbatim highlight: ${JSON.stringify(sizes)}`);
      assert(sizes['recoupe-edited'] > 0, `no edited highlight: ${JSON.stringify(sizes)}`);
      const problems = [...coverageProblems(coverage, units, false), ...rangeTextProblems(ranges, units)];
      assert(problems.length === 0, problems.join('; '));
      t.log(`highlights: ${JSON.stringify(sizes)}`);
    },
  },
  {
    name: 'page sharing no text with the corpus (nytimes-2 as it is): analysed, no highlight',
    async run(t) {
      // The saved page's own scripts fail offline; only the extension's errors count.
      t.allowPageErrors((e) => !`${e.message} ${e.stack ?? ''}`.includes('moz-extension://'));
      const { state } = await openAnalysed(t, `${t.server.origin}/real/nytimes-2.html`);
      assert(state.status === 'done' || state.status === 'no-article', `analysis ended "${state.status}"`);
      if (state.status === 'done') assert(state.result.passages.length === 0, `${state.result.passages.length} passages reported`);
      const sizes = await t.page.evaluate(recoupeHighlightSizes);
      assert(Object.keys(sizes).length === 0, `expected no highlight, got ${JSON.stringify(sizes)}`);
    },
  },
];
