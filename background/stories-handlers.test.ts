import { describe, expect, it } from 'vitest';
import type { Dispatch, Passage, StoryVerdict } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { pageCaller } from '../messaging/test-callers';
import type { Aligned } from './corpus-service';
import { storiesHandlers } from './stories-handlers';

const info = (id: string, outlet: string, readAt: string, source: DispatchInfo['source'] = 'read'): DispatchInfo => ({
  id,
  outlet,
  origin: outlet,
  chain: [outlet],
  language: 'fr',
  date: readAt.slice(0, 10),
  title: `Titre ${id}`,
  words: 100,
  source,
  readAt: source === 'read' ? readAt : undefined,
  credits: source === 'read' ? ['AFP'] : undefined,
});

const copied = (other: string): Passage => ({
  dispatch: other,
  kind: 'verbatim',
  quote: false,
  score: 1,
  page: { start: 0, end: 10, text: 'abcdefghij' },
  source: { start: 0, end: 10, text: 'abcdefghij' },
  diff: [],
});
const verdict = (other: string): StoryVerdict => ({ id: other, relation: 'republished', coverage: 0.9, narrationCoverage: 0.9, passages: 1 });

/** A corpus whose dispatches copy the ones `copies` names; counts its alignments. */
function fakeCorpus(infos: DispatchInfo[], copies: Record<string, string[]>) {
  const calls: string[] = [];
  const corpus = {
    list: async () => infos,
    async alignDispatch(id: string) {
      calls.push(id);
      const d = infos.find((i) => i.id === id);
      if (!d) return null;
      const others = (copies[id] ?? []).concat(Object.keys(copies).filter((k) => copies[k].includes(id)));
      const result = { passages: others.map(copied), dispatches: others.map(verdict), pageWords: 100 };
      return { result, infoOf: () => undefined, dispatch: { ...d, paragraphs: [`Texte de ${d.outlet} sur les éoliennes`] }, text: `Texte de ${d.outlet} sur les éoliennes` } as Aligned & { dispatch: Dispatch; text: string };
    },
  };
  return { corpus, calls };
}

const caller = pageCaller('stories.html');

describe('list-stories', () => {
  it('groups remembered articles only, newest story first, and reads each article once while nothing changes', async () => {
    const infos = [
      info('read-a', 'Le Figaro', '2025-03-01T09:00:00Z'),
      info('read-b', 'Ouest-France', '2025-03-02T09:00:00Z'),
      info('read-c', 'Sud Ouest', '2025-03-05T09:00:00Z'),
      info('read-d', 'Libération', '2025-03-06T09:00:00Z'),
      info('afp-1', 'AFP', '2025-03-01T08:00:00Z', 'bundled'),
    ];
    const { corpus, calls } = fakeCorpus(infos, { 'read-b': ['read-a', 'afp-1'], 'read-d': ['read-c'] });
    const handle = storiesHandlers({ corpus, limit: 10 })['list-stories'];
    const first = await handle({}, caller);
    expect(first.stories.map((s) => s.articles.map((a) => a.id))).toEqual([
      ['read-c', 'read-d'],
      ['read-a', 'read-b'],
    ]);
    expect(first).toMatchObject({ total: 2, remembered: 4, considered: 4, limit: 10 });
    expect(calls.sort()).toEqual(['read-a', 'read-b', 'read-c', 'read-d']);
    calls.length = 0;
    await handle({}, caller);
    expect(calls).toEqual([]);
  });

  it('reads a new article and the older ones it links to, not the others', async () => {
    const infos = [info('read-a', 'A', '2025-03-01T09:00:00Z'), info('read-b', 'B', '2025-03-02T09:00:00Z'), info('read-c', 'C', '2025-03-03T09:00:00Z')];
    const copies: Record<string, string[]> = {};
    const { corpus, calls } = fakeCorpus(infos, copies);
    const handle = storiesHandlers({ corpus })['list-stories'];
    expect((await handle({}, caller)).stories).toEqual([]);
    infos.push(info('read-n', 'N', '2025-03-04T09:00:00Z'));
    copies['read-n'] = ['read-b'];
    calls.length = 0;
    const after = await handle({}, caller);
    expect(calls.sort()).toEqual(['read-b', 'read-n']);
    expect(after.stories.map((s) => s.articles.map((a) => a.id))).toEqual([['read-b', 'read-n']]);
  });

  it('reads only the newest articles past the limit, and says how many are remembered', async () => {
    const infos = ['1', '2', '3'].map((n) => info(`read-${n}`, `O${n}`, `2025-03-0${n}T09:00:00Z`));
    const { corpus, calls } = fakeCorpus(infos, { 'read-3': ['read-1'] });
    const reply = await storiesHandlers({ corpus, limit: 2 })['list-stories']({}, caller);
    expect(calls.sort()).toEqual(['read-2', 'read-3']);
    expect(reply).toMatchObject({ remembered: 3, considered: 2, limit: 2, stories: [] });
  });

  it('filters by words, site and dates, and takes a malformed query as none', async () => {
    const infos = [info('read-a', 'Le Figaro', '2025-03-01T09:00:00Z'), info('read-b', 'Ouest-France', '2025-03-02T09:00:00Z')];
    const { corpus } = fakeCorpus(infos, { 'read-b': ['read-a'] });
    const handle = storiesHandlers({ corpus })['list-stories'];
    expect((await handle({ words: 'eoliennes' }, caller)).stories).toHaveLength(1);
    expect((await handle({ words: 'football' }, caller)).stories).toHaveLength(0);
    expect((await handle({ site: 'figaro' }, caller)).stories).toHaveLength(1);
    expect((await handle({ site: 'monde' }, caller)).stories).toHaveLength(0);
    expect((await handle({ from: '2025-03-02', to: '2025-03-31' }, caller)).stories).toHaveLength(1);
    expect((await handle({ from: '2025-04-01' }, caller)).stories).toHaveLength(0);
    const odd = await handle({ words: 42, site: { x: 1 } } as never, caller);
    expect(odd.stories).toHaveLength(1);
  });
});
