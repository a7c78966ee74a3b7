import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { REUSED_START, until } from './lib/live';
import { expectDone, pageReport, tabRuns } from './lib/page';
import type { E2eTest } from './lib/types';
import { GROWTH_CHARS } from '../../entrypoints/content/limits';

/** Opening words of a paragraph of the demo article's own (no dispatch has it). */
const OWN_START = 'À Kiev, on retient surtout';

/** Where Recoupe's highlight ranges lie now, read as a page script could: their text, and whether any is stale. */
const rangesNow = (starts: { reused: string; own: string }) => {
  const ranges = [...CSS.highlights].filter(([n]) => n.startsWith('recoupe-')).flatMap(([, h]) => [...h] as Range[]);
  // Inner functions are written inline: the test runner's transpiler would name them with a helper the page lacks.
  const [reusedHere, ownHere] = [starts.reused, starts.own].map((s) => {
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith(s));
    return ranges.filter((r) => p?.contains(r.startContainer)).map((r) => r.toString());
  });
  return {
    elements: document.getElementsByTagName('*').length,
    reusedHere,
    ownHere,
    stale: ranges.filter((r) => r.collapsed || !r.startContainer.isConnected).length,
  };
};

export const tests: E2eTest[] = [
  {
    name: 'live page: article text edited in place, without the page growing: highlights of the text that went away go, the new reused text is highlighted',
    async run(t) {
      await open(t.page, fixture(t, 'demo').url);
      await expectDone(t.page);
      const runsBefore = (await tabRuns(t.page)).runs ?? 0;
      const before = await t.page.evaluate(rangesNow, { reused: REUSED_START, own: OWN_START });
      assert(before.reusedHere.join(' ').includes(REUSED_START), 'the reused paragraph was not highlighted before the edit: the test would prove nothing');
      assert(before.ownHere.length === 0, 'the paragraph of the page\'s own was highlighted before the edit');

      // The reused paragraph's text node takes the own paragraph's text; the own paragraph's node is
      // replaced by one holding the reused paragraph's first sentence. No element comes or goes, and
      // the new node is shorter than the growth that would make the page be read again anyway.
      const added = await t.page.evaluate((starts) => {
        const [reusedP, ownP] = [starts.reused, starts.own].map((s) => [...document.querySelectorAll('p')].find((p) => p.textContent!.startsWith(s))!);
        const sentence = reusedP.textContent!.slice(0, reusedP.textContent!.indexOf('. ') + 1);
        (reusedP.firstChild as Text).data = ownP.textContent!;
        ownP.replaceChild(document.createTextNode(sentence), ownP.firstChild!);
        return sentence.length;
      }, { reused: REUSED_START, own: OWN_START });
      assert(added > 100 && added < GROWTH_CHARS, `the new text is ${added} characters: the test needs one sentence under ${GROWTH_CHARS}`);

      // Read by the new text's start: the paragraph that now holds the reused text is the former own one, and vice versa.
      const after = await until(
        'the edited article was not highlighted anew',
        async () => ({ ...(await t.page.evaluate(rangesNow, { reused: OWN_START, own: REUSED_START })), runs: (await tabRuns(t.page)).runs ?? 0, state: (await pageReport(t.page)).state }),
        (v) => v.runs > runsBefore && v.state === 'done' && v.ownHere.join(' ').includes(REUSED_START) && v.reusedHere.length === 0,
        15_000,
      );
      assert(after.elements === before.elements, `the page changed its element count (${before.elements} → ${after.elements}): the edit was meant in place`);
      assert(after.stale === 0, `${after.stale} highlight range(s) point at removed or collapsed text`);
    },
  },
];
