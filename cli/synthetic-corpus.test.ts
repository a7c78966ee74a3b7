import { describe, expect, it } from 'vitest';
import { buildBenchPage } from './bench-page';
import { makeRng, sample } from './prng';
import { realTextFrom } from './real-text';
import { splitSentences, splitWords } from './sentences';
import { syntheticCorpus } from './synthetic-corpus';

const articles = [
  {
    name: 'a.html',
    text:
      'The council met on Tuesday. It voted « Oui. » Then the mayor spoke at length about the budget for next year.\n' +
      'Residents asked questions about roads, schools and the new library building downtown. ' +
      'Le président russe a dénoncé mardi le potentiel militaire croissant de l’Otan. 短い文章です。',
  },
  {
    name: 'b.html',
    text: Array.from({ length: 40 }, (_, i) => `Sentence number ${i} talks about harbour traffic and fishing quotas.`).join(' '),
  },
];

describe('sentences', () => {
  it('splits after end punctuation and closing quotes, and at line breaks', () => {
    expect(splitSentences('Il a dit « Non. » Puis il est parti.\nSuite ici. 3 morts.')).toEqual([
      'Il a dit « Non. »',
      'Puis il est parti.',
      'Suite ici.',
      '3 morts.',
    ]);
    expect(splitWords('  a  b\nc ')).toEqual(['a', 'b', 'c']);
  });
});

describe('real text', () => {
  const real = realTextFrom(articles);
  it('keeps sentences of 4 to 60 words and letter-only vocabulary, longest article first', () => {
    expect(real.articles.map((a) => a.name)).toEqual(['b.html', 'a.html']);
    expect(real.sentences.every((s) => s.length >= 4 && s.length <= 60)).toBe(true);
    expect(real.sentences.some((s) => s.join(' ').includes('短い'))).toBe(false);
    expect(real.vocabulary).toContain('harbour');
    expect(real.vocabulary).not.toContain('roads,');
  });
});

describe('syntheticCorpus', () => {
  const real = realTextFrom(articles);
  const docs = syntheticCorpus(real, { count: 50, seed: 7, minWords: 300, maxWords: 700 });

  it('is deterministic for a seed and differs for another seed', () => {
    expect(syntheticCorpus(real, { count: 50, seed: 7 })).toEqual(docs);
    expect(syntheticCorpus(real, { count: 50, seed: 8 })[0].text).not.toBe(docs[0].text);
  });

  it('makes distinct dispatches of 300 to 700 words plus at most one sentence, in paragraphs', () => {
    expect(new Set(docs.map((d) => d.id)).size).toBe(50);
    expect(new Set(docs.map((d) => d.text)).size).toBe(50);
    for (const d of docs) {
      const n = splitWords(d.text).length;
      expect(n).toBeGreaterThanOrEqual(300);
      expect(n).toBeLessThan(700 + 60);
      expect(d.text).toContain('\n\n');
    }
  });

  it('swaps about one word in eight for a real word, keeping punctuation', () => {
    const source = new Set(real.sentences.map((s) => s.join(' ')));
    const sentences = docs.flatMap((d) => splitSentences(d.text));
    const untouched = sentences.filter((s) => source.has(s)).length;
    // A 10-word sentence escapes all swaps with probability (7/8)^10 ≈ 26%.
    expect(untouched / sentences.length).toBeGreaterThan(0.1);
    expect(untouched / sentences.length).toBeLessThan(0.5);
    const words = docs.flatMap((d) => splitWords(d.text));
    const vocab = new Set(real.vocabulary);
    const known = new Set(real.sentences.flat());
    expect(words.every((w) => known.has(w) || vocab.has(w.replace(/[^\p{L}]+/gu, '')))).toBe(true);
  });
});

describe('buildBenchPage', () => {
  const real = realTextFrom(articles);
  const docs = syntheticCorpus(real, { count: 20, seed: 1 });
  const donors = sample(docs, 3, makeRng(3));
  const page = buildBenchPage(real, donors, makeRng(4), 300);

  it('splices one passage of each donor, the last with one word changed', () => {
    expect(page.spliced.map((p) => p.dispatch)).toEqual(donors.map((d) => d.id));
    page.spliced.forEach((p, i) => {
      expect(page.text).toContain(p.text);
      const donorText = donors[i].text.replace(/\s+/g, ' ');
      expect(donorText.includes(p.text)).toBe(!p.edited);
      expect(splitWords(p.text).length).toBeGreaterThanOrEqual(40);
    });
    expect(page.spliced.filter((p) => p.edited)).toHaveLength(1);
  });

  it('fills the rest with real article text up to the target size', () => {
    expect(page.words).toBeGreaterThanOrEqual(300);
    expect(Math.abs(splitWords(page.text).length - page.words)).toBe(0);
    expect(page.hosts[0]).toBe('b.html');
  });
});
