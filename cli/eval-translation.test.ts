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

  // Pairs the aligner and lexicon were tuned on must each stay right; a held-out pair is a
  // measurement, and requiring it to pass alone would make it one more pair to tune on.
  it.each(pairs.filter((p) => !p.heldOut).map((p) => p.name))('%s: at least 90 %% of the translated sentences are paired with their true original, none with another', (name) => {
    const score = scoreTranslationPair(pairs.find((p) => p.name === name)!);
    expect(score.correct / score.withOriginal).toBeGreaterThanOrEqual(0.9);
    expect(score.wrong).toBe(0);
    expect(score.translated).toBe(true);
  });

  it.each(pairs.filter((p) => p.heldOut).map((p) => p.name))('%s (held out): called a translation of its original', (name) => {
    expect(scoreTranslationPair(pairs.find((p) => p.name === name)!).translated).toBe(true);
  });

  it('pairs at least 90 % of the translated sentences of all pairs, held out ones included, with their true original', () => {
    const scores = pairs.map(scoreTranslationPair);
    const correct = scores.reduce((n, s) => n + s.correct, 0);
    const all = scores.reduce((n, s) => n + s.withOriginal, 0);
    expect(correct / all).toBeGreaterThanOrEqual(0.9);
  });

  it('never calls an article of the eval stories a translation of another outlet’s article in the other language', () => {
    const outcomes = sameStoryPairs(join(evalDir, 'stories'));
    expect(outcomes.length).toBeGreaterThan(100);
    expect(outcomes.filter((o) => o.translated).map((o) => `${o.story} ${o.a}/${o.b} ${o.coverage}`)).toEqual([]);
  });
});
