import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStorySet } from './eval-holdout';
import { buildPairs, labelOf, langPair, splitOf, storySentences, surfaceOverlap, type EvalSentence } from './eval-set';

const s = (id: string, facts: string[], extra: Partial<EvalSentence> = {}): EvalSentence => ({
  id,
  story: 'st',
  article: `st/${id}`,
  lang: 'fr',
  date: '2022-01-01',
  text: 'Le conseil municipal de Grenoble vote le budget 2022',
  facts,
  ...extra,
});

describe('eval set labels', () => {
  it('calls a pair SAME when one side states only facts the other states', () => {
    expect(labelOf(s('a', ['x']), s('b', ['x']))).toBe('SAME');
    expect(labelOf(s('a', ['x']), s('b', ['x', 'y']))).toBe('SAME');
    expect(labelOf(s('a', ['x', 'y']), s('b', ['y']))).toBe('SAME');
  });

  it('calls a pair PARTIAL when each side also states a fact the other lacks', () => {
    expect(labelOf(s('a', ['x', 'y']), s('b', ['x', 'z']))).toBe('PARTIAL');
  });

  it('calls same-story pairs with no fact in common TOPIC, cross-story pairs UNRELATED', () => {
    expect(labelOf(s('a', ['x']), s('b', ['y']))).toBe('TOPIC');
    expect(labelOf(s('a', ['x']), s('b', ['x'], { story: 'other' }))).toBe('UNRELATED');
  });

  it('counts shared surface words of five letters or more and numbers, accents folded', () => {
    expect(surfaceOverlap('Le président a été réélu avec 58 %', 'Le president sortant, 58 ans')).toBe(2);
    expect(surfaceOverlap('the cat sat', 'the cat sat')).toBe(0);
  });

  it('pairs sentences of other articles only, keeps TOPIC pairs that share words, adds cross-story pairs', () => {
    const sents = [
      s('a1', ['x'], { article: 'st/A' }),
      s('a2', ['y'], { article: 'st/A' }),
      s('b1', ['x'], { article: 'st/B' }),
      s('b2', ['z'], { article: 'st/B', text: 'rien de commun ici' }),
      s('c1', ['w'], { story: 'other', article: 'other/C' }),
    ];
    const pairs = buildPairs(sents).map((p) => `${p.a.id}-${p.b.id}:${p.label}`);
    expect(pairs).toContain('a1-b1:SAME');
    expect(pairs).toContain('a2-b1:TOPIC');
    expect(pairs).not.toContain('a1-a2:TOPIC');
    expect(pairs.some((p) => p.includes('b2') && p.endsWith('TOPIC'))).toBe(false);
    expect(pairs.filter((p) => p.endsWith('UNRELATED')).length).toBeGreaterThan(0);
  });

  it('names language pairs without order and splits stories alternately', () => {
    expect(langPair({ a: s('a', ['x'], { lang: 'en' }), b: s('b', ['x']), label: 'SAME' })).toBe('fr-en');
    expect(langPair({ a: s('a', ['x']), b: s('b', ['x']), label: 'SAME' })).toBe('fr-fr');
    expect(['c', 'a', 'b'].map((n) => splitOf(['c', 'a', 'b'], n))).toEqual(['A', 'A', 'B']);
  });

  it('rejects a sentence naming an unknown article', () => {
    const story = { story: 't', articles: {}, sentences: [{ id: 'x', article: 'nope', facts: ['f'], text: 't' }] };
    expect(() => storySentences('t', story)).toThrow(/unknown article/);
  });
});

describe('halves A and B (tests/eval/stories)', () => {
  const set = loadStorySet(join(import.meta.dirname, '..', 'tests', 'eval', 'stories'));
  const pairs = buildPairs(set.sentences);

  it('holds ten stories, five a half, the first six in the halves their figures were read in', () => {
    expect(set.names).toHaveLength(10);
    const half = (h: 'A' | 'B') => set.names.filter((n) => splitOf(set.names, n) === h);
    expect(half('A')).toHaveLength(5);
    for (const n of ['ecb-rates-2022', 'notre-dame-fire', 'turkey-syria-earthquake-2023']) expect(half('A')).toContain(n);
    for (const n of ['french-presidential-2022', 'roe-v-wade-2022', 'world-cup-final-2022']) expect(half('B')).toContain(n);
  });

  it('gives each story articles in French and English from four outlets or more, each dated and quoted, and ten SAME pairs', () => {
    set.stories.forEach((story, i) => {
      const name = set.names[i];
      const articles = Object.entries(story.articles);
      expect(new Set(articles.map(([, a]) => a.lang)), name).toEqual(new Set(['fr', 'en']));
      expect(new Set(articles.map(([, a]) => a.outlet.trim().toLowerCase())).size, name).toBeGreaterThanOrEqual(4);
      const quoted = new Set(story.sentences.map((x) => x.article));
      for (const [key, a] of articles) {
        expect(a.date, `${name}/${key}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(quoted.has(key), `${name}/${key} is quoted`).toBe(true);
      }
      expect(pairs.filter((p) => p.a.story === name && p.label === 'SAME').length, name).toBeGreaterThanOrEqual(10);
    });
    expect(new Set(set.sentences.map((x) => x.id)).size).toBe(set.sentences.length);
  });
});
