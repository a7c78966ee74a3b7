import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTranslationPairs, sameStoryPairs, scoreTranslationPair } from './eval-translation';

const evalDir = join(import.meta.dirname, '..', 'tests', 'eval');
const pairs = loadTranslationPairs(join(evalDir, 'translations'));

describe('translation eval set', () => {
  it('holds at least six real pairs, each with its addresses and a gold alignment inside both excerpts', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(6);
    for (const p of pairs) {
      expect(p.en.url).toMatch(/^https?:\/\//);
      expect(p.fr.url).toMatch(/^https?:\/\//);
      for (const [en, fr] of p.gold) {
        for (const i of en) expect(p.en.sentences[i], `${p.name} en ${i}`).toBeTruthy();
        for (const i of fr) expect(p.fr.sentences[i], `${p.name} fr ${i}`).toBeTruthy();
      }
    }
  });

  it.each(pairs.map((p) => p.name))('%s: at least 90 %% of the translated sentences are paired with their true original, none with another', (name) => {
    const score = scoreTranslationPair(pairs.find((p) => p.name === name)!);
    expect(score.correct / score.withOriginal).toBeGreaterThanOrEqual(0.9);
    expect(score.wrong).toBe(0);
    expect(score.translated).toBe(true);
  });

  it('never calls an article of the eval stories a translation of another outlet’s article in the other language', () => {
    const outcomes = sameStoryPairs(join(evalDir, 'stories'));
    expect(outcomes.length).toBeGreaterThan(100);
    expect(outcomes.filter((o) => o.translated).map((o) => `${o.story} ${o.a}/${o.b} ${o.coverage}`)).toEqual([]);
  });
});
