import { describe, expect, it } from 'vitest';
import { readDispatch } from '../corpus/read-dispatch';
import { applyChange, defaultSettings, type Settings } from '../settings/settings';
import { ReadingMemory } from './reading-memory';

const ARTICLE = Array.from({ length: 30 }, (_, i) => `Phrase ${i} de l’article, qui raconte le vote du conseil municipal mardi soir.`).join(' ');
const SHORT = 'Trente mots à peine, sur une page de navigation.';
const URL_A = 'https://www.lemonde.fr/politique/article/2026/12/01/vote_123.html';

function setup(over: { settings?: Settings; url?: string; text?: string; evidence?: { page: { start: number; end: number }; kind: 'verbatim'; origin: string }[] } = {}) {
  let settings = over.settings ?? applyChange(defaultSettings(), { memory: 'on' });
  let tabUrl = over.url ?? URL_A;
  const stored: { id: string; credits: string[]; origins?: unknown; byline?: string }[] = [];
  const memory = new ReadingMemory({
    settings: async () => settings,
    tabUrl: async () => tabUrl,
    pageOf: (_tab, url) => (url === URL_A ? { title: 'Le vote', text: over.text ?? `PARIS (AFP) - ${ARTICLE}`, evidence: over.evidence ?? [] } : null),
    readMeta: async () => ({ siteName: 'Le Monde', published: '2026-12-01T08:00:00+01:00', canonical: 'https://www.lemonde.fr/politique/article/2026/12/01/vote_123.html?utm_source=x', byline: 'Jeanne Martin' }),
    record: readDispatch,
    store: async (record, credits, _at, byline) => void stored.push({ id: record.dispatch.id, credits, origins: record.dispatch.origins, byline }),
    now: () => new Date('2026-12-02T09:00:00Z'),
    dwellMs: () => 5,
    warn: (m, e) => {
      throw new Error(`${m}: ${String(e)}`);
    },
  });
  return {
    memory,
    stored,
    setSettings: (s: Settings) => void (settings = s),
    navigate: (u: string) => void (tabUrl = u),
  };
}

const wait = (ms = 30) => new Promise((r) => setTimeout(r, ms));

describe('reading memory', () => {
  it('remembers a page read for a moment once the reader said yes, with the agencies it credits', async () => {
    const { memory, stored } = setup();
    await memory.pageMatched({ id: 1 }, URL_A, `PARIS (AFP) - ${ARTICLE}`);
    expect(memory.pending()).toEqual([1]);
    await wait();
    expect(stored).toEqual([{ id: expect.stringMatching(/^read-lemonde-fr-/), credits: ['AFP'], origins: undefined, byline: 'Jeanne Martin' }]);
    expect(memory.rememberedFor(1)).toBe(stored[0].id);
  });

  it('names the paragraphs the page copied from another origin, the rest being the page’s', async () => {
    const copied = 'Le ministère a confirmé mardi la fermeture de trois centrales à charbon avant la fin de l’année, selon un communiqué transmis à Reuters dans la matinée.';
    const text = `${copied}\n\n${ARTICLE}`;
    const { memory, stored } = setup({ text, evidence: [{ page: { start: 0, end: copied.length }, kind: 'verbatim', origin: 'Reuters' }] });
    await memory.pageMatched({ id: 1 }, URL_A, text);
    await wait();
    expect(stored[0].origins).toEqual([{ from: 0, to: 0, origin: 'Reuters' }]);
  });

  it('remembers nothing while memory is off or unasked, in a private window, on an excluded or paused site, or on a short page', async () => {
    const cases: { settings?: Settings; incognito?: boolean; text?: string }[] = [
      { settings: defaultSettings() },
      { settings: applyChange(defaultSettings(), { memory: 'off' }) },
      { incognito: true },
      { settings: applyChange(defaultSettings(), { memory: 'on', memorySite: { host: 'lemonde.fr', excluded: true } }) },
      { settings: applyChange(defaultSettings(), { memory: 'on', site: { host: 'lemonde.fr', paused: true } }) },
      { text: SHORT },
    ];
    for (const c of cases) {
      const { memory, stored } = setup({ settings: c.settings });
      await memory.pageMatched({ id: 1, incognito: c.incognito }, URL_A, c.text ?? ARTICLE);
      await wait();
      expect(stored).toEqual([]);
    }
  });

  it('a page left before the dwell time, or memory turned off meanwhile, is not remembered', async () => {
    const left = setup();
    await left.memory.pageMatched({ id: 1 }, URL_A, ARTICLE);
    left.memory.tabGone(1);
    await wait();
    expect(left.stored).toEqual([]);

    const moved = setup();
    await moved.memory.pageMatched({ id: 1 }, URL_A, ARTICLE);
    moved.navigate('https://www.lemonde.fr/autre');
    await wait();
    expect(moved.stored).toEqual([]);

    const off = setup();
    await off.memory.pageMatched({ id: 1 }, URL_A, ARTICLE);
    off.setSettings(applyChange(defaultSettings(), { memory: 'off' }));
    await wait();
    expect(off.stored).toEqual([]);
  });
});
