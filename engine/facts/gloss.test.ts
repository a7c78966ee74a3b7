import { describe, expect, it } from 'vitest';
import glosses from '../data/glosses.json';
import glossStems from '../data/gloss-stems.json';
import { LEXICON_ENTRIES } from '../translation/lexicon';
import { FactsView } from '../segments/facts-view';
import { alignFacts } from './align';
import { buildFactsIndex, FACTS_RULES_VERSION, termHash } from './facts-index';
import { glossOf, stemsOfGloss } from './gloss';
import { expandGlosses, MAX_GLOSS_STEMS } from './gloss-expansion';
import { buildGlossTable, reverseGlossTable } from './gloss-table';
import { stemOf } from './lexicon';
import { GLOSS_FACTOR, scorePair, sentenceVector } from './score';
import { analyzeText, TermKind, type FactSentence } from './terms';

const gloss = (word: string, lang: 'fr' | 'en') => glossOf(stemOf(word, lang), stemOf(word, lang), lang);

describe('lexicon glosses', () => {
  it('are the table the lexicon gives, and the same table read backwards (npm run glosses after editing lexicon-fr-en.json)', () => {
    expect(buildGlossTable(LEXICON_ENTRIES)).toEqual(glosses);
    expect(reverseGlossTable(glosses)).toEqual(glossStems);
  });

  it('give a French word and its English translation one term', () => {
    expect(gloss('incendie', 'fr')).toBe(gloss('fire', 'en'));
    expect(gloss('hausse', 'fr')).toBe(gloss('hike', 'en'));
    expect(gloss('lever', 'fr')).not.toBeNull();
    // "Messi redonne l'avantage" and "Messi restored the lead".
    expect(gloss('redonne', 'fr')).toBe(gloss('restored', 'en'));
    expect(gloss('xqzwv', 'fr')).toBeNull();
  });

  it('read backwards, give the stems of a language that stand for a gloss', () => {
    expect(stemsOfGloss(gloss('fire', 'en')!, 'fr')).toContain(stemOf('incendie', 'fr'));
    expect(stemsOfGloss(gloss('incendie', 'fr')!, 'en')).toEqual(expect.arrayContaining([stemOf('fire', 'en'), stemOf('blaze', 'en')]));
    expect(stemsOfGloss('xqzwv', 'fr')).toEqual([]);
  });

  it('stand beside the stem of a word no concept holds, and read a word written without accents', () => {
    const hits = analyzeText('Les enquêteurs ont interrogé le suspect.', 'fr').sentences[0].hits;
    const suspect = hits.filter((h) => h.start === hits.find((x) => x.key === 's:suspect')?.start);
    expect(suspect.map((h) => h.kind).sort()).toEqual([TermKind.Stem, TermKind.Gloss]);
    expect(glossOf(stemOf('écoles', 'fr'), stemOf('ecoles', 'fr'), 'fr')).toBe(glossOf(stemOf('ecoles', 'fr'), stemOf('ecoles', 'fr'), 'fr'));
  });
});

const DOCS = [
  { id: 'fr', text: 'Le suspect a été interrogé par les enquêteurs à Lyon.', date: '2024-03-01', language: 'fr' },
  { id: 'en', text: 'The suspect was questioned by investigators in Lyon.', date: '2024-03-01', language: 'en' },
  { id: 'en2', text: 'The suspect was interrogated by investigators in Lyon.', date: '2024-03-01', language: 'en' },
  { id: 'x', text: 'Le maire a inauguré une école à Lille.', date: '2024-03-01', language: 'fr' },
];

describe('glosses in the score', () => {
  const index = buildFactsIndex(DOCS);
  const vectorOf = (text: string, lang: 'fr' | 'en') => sentenceVector(analyzeText(text, lang, '2024-03-01').sentences[0], index, new Map());
  const score = (text: string, lang: 'fr' | 'en', doc: string) => scorePair(vectorOf(text, lang), index, index.sentDoc.indexOf(index.ids.indexOf(doc)), 0);

  it('are kept by no corpus sentence', () => {
    expect(analyzeText(DOCS[0].text, 'fr').sentences[0].hits.some((h) => h.kind === TermKind.Gloss)).toBe(true);
    expect([...index.kinds]).not.toContain(TermKind.Gloss);
  });

  it('weigh a word met in the other language, without making it shared content', () => {
    const v = vectorOf('Le suspect a été interrogé par les enquêteurs à Lyon.', 'fr');
    const pair = scorePair(v, index, index.sentDoc.indexOf(index.ids.indexOf('en')), 0);
    expect(pair.crossLanguage).toBe(true);
    // "interrogé" and "questioned" meet through the lexicon only: an English stem the French sentence reads through its gloss.
    const throughGloss = pair.shared.filter((i) => !v.own[i]);
    expect(throughGloss.length).toBeGreaterThan(0);
    expect(throughGloss.every((i) => v.glossOf[i] >= 0)).toBe(true);
    // Across languages a shared stem is a cognate ("suspect"), no content either: concepts and figures are.
    const sharedKinds = pair.shared.filter((i) => v.own[i]).map((i) => index.kinds[v.terms[i]]);
    const content = sharedKinds.filter((k) => k === TermKind.Concept || k === TermKind.Number).length;
    expect(pair.sharedContent).toBe(content);
    // ...but it is a shared word, which with the shared name ("Lyon") makes the pair a candidate.
    expect(pair.sharedWords).toBeGreaterThan(content);
    expect(GLOSS_FACTOR).toBeLessThan(1);
    // The gloss weighs nothing in the page sentence's norm: the same sentence without its glosses has the same.
    const bare = analyzeText('Le suspect a été interrogé par les enquêteurs à Lyon.', 'fr', '2024-03-01').sentences[0];
    expect(sentenceVector({ ...bare, hits: bare.hits.filter((h) => h.kind !== TermKind.Gloss) }, index, new Map()).norm).toBe(v.norm);
  });

  it('leave a pair in one language as its stems score it', () => {
    const a = score('The suspect was questioned by investigators in Lyon.', 'en', 'en2');
    const b = score('The suspect was questioned by investigators in Lyon.', 'en', 'en');
    expect(b.cosine).toBeCloseTo(1, 5);
    expect(a.cosine).toBeLessThan(1);
    // A French page against a French sentence: its glosses' English stems count for nothing.
    const v = vectorOf('Le suspect a été interrogé par les enquêteurs à Lyon.', 'fr');
    expect(v.own.includes(0)).toBe(true);
    const same = scorePair(v, index, index.sentDoc.indexOf(index.ids.indexOf('fr')), 0);
    expect(same.shared.every((i) => v.own[i])).toBe(true);
    expect(same.cosine).toBeCloseTo(1, 5);
  });

  it('count a gloss once however many of its stems the other sentence holds', () => {
    const both = buildFactsIndex([
      { id: 'one', text: 'Le parti apporte son soutien au projet à Lyon.', date: '2024-03-01', language: 'fr' },
      { id: 'two', text: 'Le parti apporte son soutien et son appui au projet à Lyon.', date: '2024-03-01', language: 'fr' },
    ]);
    const v = sentenceVector(analyzeText('The party supports the bill in Lyon.', 'en', '2024-03-01').sentences[0], both, new Map());
    const support = v.glossHashes.indexOf(termHash('x:' + gloss('supports', 'en')));
    expect(support).toBeGreaterThanOrEqual(0);
    const [one, two] = [0, 1].map((d) => scorePair(v, both, both.sentDoc.indexOf(d), 0));
    // "soutien" and "appui" both stand for "support".
    expect(two.shared.filter((i) => v.glossOf[i] === support).length).toBe(2);
    expect(one.shared.filter((i) => v.glossOf[i] === support).length).toBe(1);
    expect(two.sharedWords).toBe(one.sharedWords);
  });

  it('find the same pairs in segments as in one index', () => {
    const page = 'Les enquêteurs ont interrogé le suspect à Lyon.';
    const whole = alignFacts(page, buildFactsIndex(DOCS), { pageDate: '2024-03-01' });
    expect(whole.map((p) => p.dispatch)).toContain('en');
    const view = new FactsView([
      { index: buildFactsIndex(DOCS.slice(0, 2), { keepAllPostings: true }), dead: null },
      { index: buildFactsIndex(DOCS.slice(2), { keepAllPostings: true }), dead: null },
    ]);
    expect(alignFacts(page, view, { pageDate: '2024-03-01' })).toEqual(whole);
  });
});

describe('expandGlosses', () => {
  it('keeps the MAX_GLOSS_STEMS stems of a gloss the corpus holds in the most dispatches', () => {
    // "doit", "doivent", "devra"... stand for one English gloss: more stems than the cap, each given a dispatch count here.
    const must = gloss('must', 'en')!;
    const stems = stemsOfGloss(must, 'fr');
    expect(stems.length).toBeGreaterThan(MAX_GLOSS_STEMS);
    const df = new Map(stems.map((s, i) => [termHash('s:' + s), i + 1]));
    const sentence: FactSentence = { ...analyzeText('They leave.', 'en').sentences[0], hits: [{ key: 'x:' + must, kind: TermKind.Gloss, start: 0, end: 4 }] };
    const [group] = expandGlosses(sentence, 1000, (h) => (df.has(h) ? h : undefined), (h) => df.get(h)!);
    expect(group.hash).toBe(termHash('x:' + must));
    expect(group.stems.map((s) => df.get(s.hash))).toEqual(stems.map((_, i) => stems.length - i).slice(0, MAX_GLOSS_STEMS));
  });

  it('gives no gloss whose stems the corpus lacks', () => {
    expect(expandGlosses(analyzeText('The party supports the bill.', 'en').sentences[0], 1000, () => undefined, () => 0)).toEqual([]);
  });
});

describe('the rules of the facts index', () => {
  it('changed when corpus sentences stopped holding gloss terms, so stored segments are rebuilt', () => {
    // FACTS_RULES_VERSION of the engine whose indexes held a gloss term for every known word.
    expect(FACTS_RULES_VERSION).not.toBe('da4d551');
  });
});
