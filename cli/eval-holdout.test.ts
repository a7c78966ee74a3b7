import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorsHalfOf, HOLDOUT_MIN, holdoutShortfalls, loadStorySet, type StorySet } from './eval-holdout';
import { buildPairs, labelOf, type EvalSentence } from './eval-set';

const evalDir = join(import.meta.dirname, '..', 'tests', 'eval');
const holdout = loadStorySet(join(evalDir, 'holdout'));
const tuned = loadStorySet(join(evalDir, 'stories'));
const byId = new Map(holdout.sentences.map((s) => [s.id, s]));
const sentence = (id: string): EvalSentence => {
  const s = byId.get(id);
  if (!s) throw new Error(`no sentence ${id} in set C`);
  return s;
};

describe('held-out set C', () => {
  it('loads: every sentence names a known article and states a fact, ids are unique across stories', () => {
    expect(holdout.names.length).toBeGreaterThanOrEqual(HOLDOUT_MIN.stories);
    expect(new Set(holdout.sentences.map((s) => s.id)).size).toBe(holdout.sentences.length);
  });

  it('describes every article by an http(s) address, an outlet, a language and a full date, and quotes each at least once', () => {
    holdout.stories.forEach((story, i) => {
      const used = new Set(holdout.sentences.filter((s) => s.story === holdout.names[i]).map((s) => s.article.split('/')[1]));
      for (const [key, a] of Object.entries(story.articles)) {
        expect(a.url, key).toMatch(/^https?:\/\//);
        expect(a.outlet.trim(), key).not.toBe('');
        expect(['fr', 'en'], key).toContain(a.lang);
        expect(a.date, key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(used.has(key), `${holdout.names[i]}/${key} is quoted`).toBe(true);
      }
    });
  });

  it('shares no story and no sentence with halves A and B', () => {
    expect(holdout.names.filter((n) => tuned.names.includes(n))).toEqual([]);
    const tunedTexts = new Set(tuned.sentences.map((s) => s.text));
    expect(holdout.sentences.filter((s) => tunedTexts.has(s.text)).map((s) => s.id)).toEqual([]);
  });

  it('derives its labels from the fact tags as LABELLING.md says', () => {
    // 1,037 dead and 1,204 injured (Jordan News Agency) is told in full by TF1's sentence, which also says it is the strongest quake.
    expect(labelOf(sentence('ma01'), sentence('ma09'))).toBe('SAME');
    // Two bulletins (296 and 820 dead) naming the same provinces: one fact shared, each states another.
    expect(labelOf(sentence('ma14'), sentence('ma31'))).toBe('PARTIAL');
    // The toll of 632 and the toll of 2,012: same quake, same ministry, another bulletin; 632 told twice is one fact.
    expect(labelOf(sentence('ma24'), sentence('ma16'))).toBe('TOPIC');
    expect(labelOf(sentence('ma24'), sentence('ma33'))).toBe('SAME');
    // Both tell the strike on Friday night beside two different tolls.
    expect(labelOf(sentence('ma05'), sentence('ma28'))).toBe('PARTIAL');
    // The Financial Times' report of "more than $2 billion" is not the deal signed for 3 billion francs.
    expect(labelOf(sentence('cs05'), sentence('cs08'))).toBe('TOPIC');
    // June's "not an emergency for now" is not July's declaration.
    expect(labelOf(sentence('mp04'), sentence('mp01'))).toBe('TOPIC');
    // The impact of 26 September is not its planning, nor the orbit change announced on 11 October.
    expect(labelOf(sentence('da01'), sentence('da02'))).toBe('TOPIC');
    expect(labelOf(sentence('da04'), sentence('da13'))).toBe('TOPIC');
    expect(labelOf(sentence('da13'), sentence('da43'))).toBe('SAME');
    expect(labelOf(sentence('rg01'), sentence('dc03'))).toBe('UNRELATED');
  });

  it('meets the counts it must hold, as a whole and story by story', () => {
    expect(holdoutShortfalls(holdout)).toEqual([]);
  });
});

describe('holdout shortfalls', () => {
  const one = (story: string, id: string, article: string, facts: string[], text: string, lang: 'fr' | 'en' = 'fr'): EvalSentence => ({
    id,
    story,
    article: `${story}/${article}`,
    lang,
    date: '2023-01-01',
    text,
    facts,
  });

  it('names a story that falls below its outlets, SAME pairs or TOPIC share', () => {
    const sentences = [
      one('s', 'a1', 'x', ['f'], 'Le conseil municipal vote le budget annuel'),
      one('s', 'b1', 'y', ['f'], 'Le conseil municipal adopte le budget annuel'),
    ];
    const set: StorySet = {
      names: ['s'],
      stories: [{ story: 's', articles: { x: { url: 'https://x', outlet: 'X', lang: 'fr', date: '2023-01-01' }, y: { url: 'https://y', outlet: 'x ', lang: 'fr', date: '2023-01-01' } }, sentences: [] }],
      sentences,
    };
    const out = holdoutShortfalls(set, buildPairs(sentences)).join('\n');
    expect(out).toMatch(/1 stories, fewer than 6/);
    expect(out).toMatch(/0 stories in both French and English/);
    expect(out).toMatch(/s: articles from 1 outlets, fewer than 4/);
    expect(out).toMatch(/s: 1 SAME pairs, fewer than 10/);
    expect(out).toMatch(/s: TOPIC pairs 0\/1, under a third/);
  });
});

describe('--errors and set C', () => {
  it('lists halves A and B, and refuses set C, saying why', () => {
    expect(errorsHalfOf(undefined)).toEqual({});
    expect(errorsHalfOf('--errors')).toEqual({});
    expect(errorsHalfOf('--errors=a')).toEqual({ half: 'A' });
    expect(errorsHalfOf('--errors=B')).toEqual({ half: 'B' });
    for (const arg of ['--errors=C', '--errors=c']) {
      const { half, refusal } = errorsHalfOf(arg);
      expect(half).toBeUndefined();
      expect(refusal).toMatch(/refused/);
      expect(refusal).toMatch(/held out/);
    }
    expect(errorsHalfOf('--errors=D').refusal).toMatch(/no such half/);
  });
});
