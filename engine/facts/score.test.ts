import { describe, expect, it } from 'vitest';
import { alignFacts } from './align';
import { buildFactsIndex } from './facts-index';
import { CROSS_LANGUAGE_FACTOR, cuesConflict, ENTITIES_APART_FACTOR, ENTITIES_APART_MAX_CONTENT, FIGURE_CONFLICT_FACTOR, scorePair, sentenceVector, TIME_ONE_SIDED_FACTOR } from './score';
import { sharesEnough } from './share-bound';
import { analyzeText, dayNumber, NO_DAY } from './terms';

const JULY = 1 << 7;
const JUNE = 1 << 6;

describe('event checks', () => {
  it('keeps a month both sentences name when one also pins the day it was told', () => {
    // "Confirmé jeudi [9 juin] : une hausse en juillet" and "dès juillet, 25 points de plus".
    const thursday = dayNumber('2022-06-09');
    expect(cuesConflict(thursday, 1 << 4, JULY, NO_DAY, 0, JULY)).toBe(false);
    expect(cuesConflict(NO_DAY, 0, JULY, thursday, 1 << 4, JULY)).toBe(false);
    // A pinned day whose month the other sentence contradicts, with no month in common, still blocks.
    expect(cuesConflict(thursday, 0, 0, NO_DAY, 0, JULY)).toBe(true);
    expect(cuesConflict(thursday, 0, JUNE, NO_DAY, 0, JULY)).toBe(true);
  });

  it('weighs a retelling published years later like a report of the day when both pin the same day', () => {
    const text = 'The spire of the cathedral collapsed in the fire on April 15, 2019.';
    const page = 'On April 15, 2019, fire brought down the spire of the cathedral, which collapsed.';
    const scoreWith = (date: string) => {
      const index = buildFactsIndex([
        { id: 'retelling', text, date, language: 'en' },
        { id: 'other', text: 'Firefighters saved the towers of the cathedral.', date: '2019-04-16', language: 'en' },
      ]);
      return alignFacts(page, index, { pageDate: '2019-04-16', pageLanguage: 'en', threshold: 0, hints: false }).find((p) => p.dispatch === 'retelling')?.score ?? 0;
    };
    expect(scoreWith('2019-04-16')).toBeGreaterThan(0);
    expect(scoreWith('2024-02-13')).toBe(scoreWith('2019-04-16'));
  });

  it('weighs a retelling that names the year and month of the other side like one that pins its day', () => {
    const report = 'Former president Nicolas Sarkozy was sentenced to three years in prison for corruption.';
    const scoreOf = (page: string, pageDate: string) => {
      const index = buildFactsIndex([
        { id: 'report', text: report, date: '2021-03-01', language: 'en' },
        { id: 'other', text: 'His lawyer said he would appeal the ruling.', date: '2021-03-01', language: 'en' },
      ]);
      return alignFacts(page, index, { pageDate, pageLanguage: 'en', threshold: 0, hints: false }).find((p) => p.dispatch === 'report')?.score ?? 0;
    };
    const retold = 'In March 2021, former president Nicolas Sarkozy was sentenced to three years in prison for corruption.';
    // Told two years on, the retelling names when: as close as a report of that week.
    expect(scoreOf(retold, '2023-05-17')).toBeCloseTo(scoreOf(retold, '2021-03-02'), 6);
    // Another month of that year, or no year at all, leaves the publication gap to weigh it down.
    const otherMonth = retold.replace('In March 2021', 'In June 2021');
    expect(scoreOf(otherMonth, '2023-05-17')).toBeLessThan(scoreOf(retold, '2023-05-17') / 2);
    const unnamed = retold.replace('In March 2021, former', 'Former');
    expect(scoreOf(unnamed, '2023-05-17')).toBeLessThan(scoreOf(unnamed, '2021-03-02') / 2);
    expect(scoreOf(unnamed, '2023-05-17')).toBeLessThan(scoreOf(retold, '2023-05-17') / 2);
  });

  it('reads a time of day as saying when: beside a dated telling, no one-sided time', () => {
    const docs = [
      { id: 'clock', text: 'La flèche de la cathédrale s’est effondrée vers 19h50.', date: '2019-04-16', language: 'fr' },
      { id: 'untimed', text: 'La flèche de la cathédrale s’est effondrée.', date: '2019-04-16', language: 'fr' },
      { id: 'other', text: 'Les pompiers ont sauvé les tours de la cathédrale.', date: '2019-04-16', language: 'fr' },
    ];
    const index = buildFactsIndex(docs);
    const page = 'La flèche de la cathédrale s’est effondrée lundi 15 avril.';
    const found = alignFacts(page, index, { pageDate: '2019-04-16', pageLanguage: 'fr', threshold: 0, hints: false });
    const score = (id: string) => found.find((p) => p.dispatch === id)?.score ?? 0;
    // Both hold the page's words; the clock's extra term lowers its cosine, yet it is not weighed as untimed.
    const lookup = new Map<number, number>();
    const v = sentenceVector(analyzeText(page, 'fr', '2019-04-16').sentences[0], index, lookup);
    const cosine = (s: number) => scorePair(v, index, s, dayNumber('2019-04-16')).cosine;
    expect(score('clock')).toBeCloseTo(cosine(0), 3);
    expect(score('untimed')).toBeCloseTo(cosine(1) * TIME_ONE_SIDED_FACTOR, 3);
  });

  it('blocks an act done against the same act to come', () => {
    const index = buildFactsIndex([
      { id: 'done', text: 'The central bank raised interest rates to fight inflation.', date: '2022-07-21', language: 'en' },
      { id: 'to-come', text: 'The central bank will raise interest rates to fight inflation.', date: '2022-07-21', language: 'en' },
      { id: 'other', text: 'Prices of food went up in June.', date: '2022-07-21', language: 'en' },
    ]);
    const found = alignFacts('The central bank has raised interest rates to fight inflation.', index, { pageDate: '2022-07-21', pageLanguage: 'en', threshold: 0, hints: false });
    expect(found.map((p) => p.dispatch)).toEqual(['done']);
  });
});

describe('days and months', () => {
  /** A pair published on `date`, or with no date: then only the days and months written in the sentences say when. */
  const pairAt = (page: string, dispatch: string, date?: string) => {
    const index = buildFactsIndex([
      { id: 'd', text: dispatch, date, language: 'en' },
      { id: 'other', text: 'The government presented a budget for schools.', date, language: 'en' },
    ]);
    return scorePair(sentenceVector(analyzeText(page, 'en', date).sentences[0], index, new Map()), index, 0, dayNumber(date));
  };

  it('let two days a day or two apart tell one event, not two a week apart', () => {
    const page = 'Activists protested outside the court on June 23, a day before it overturned the law.';
    expect(pairAt(page, 'The court overturned the law on June 24.').conflict).toBe(false);
    expect(pairAt(page, 'The court overturned the law on June 30.').conflict).toBe(true);
    // Across a month's end, where the publication date pins both days.
    expect(pairAt('The court overturned the law on June 30.', 'The court overturned the law on July 1.', '2022-07-02').conflict).toBe(false);
  });
});

describe('pair weighing', () => {
  /** Score and cosine of a page sentence against the one sentence of a dispatch. */
  const pairOf = (page: string, pageLang: 'fr' | 'en', dispatch: string, dispatchLang: 'fr' | 'en') => {
    const index = buildFactsIndex([
      { id: 'd', text: dispatch, date: '2019-04-16', language: dispatchLang },
      { id: 'other', text: 'Le gouvernement a présenté un budget pour les écoles.', date: '2019-04-16', language: 'fr' },
      { id: 'other-en', text: 'The government presented a budget for schools.', date: '2019-04-16', language: 'en' },
    ]);
    const sentence = analyzeText(page, pageLang, '2019-04-16').sentences[0];
    return scorePair(sentenceVector(sentence, index, new Map()), index, 0, dayNumber('2019-04-16'));
  };

  it('weighs down two sentences that name different actors and none in common', () => {
    const apart = pairOf('Kylian Mbappé scored a penalty in the final.', 'en', 'Lionel Messi scored a penalty in the final.', 'en');
    expect(apart.score / apart.cosine).toBeCloseTo(ENTITIES_APART_FACTOR, 5);
    const together = pairOf('Messi scored a penalty in the final.', 'en', 'Lionel Messi scored a penalty in the final.', 'en');
    expect(together.score / together.cosine).toBeCloseTo(1, 5);
  });

  it('weighs no names apart when the pair shares enough content words to tell one act', () => {
    const page = 'In Roe v. Wade, the court struck down the constitutional right to an abortion, ruling for the states.';
    const cand = 'In Dobbs v. Jackson, the court struck down the constitutional right to an abortion, ruling for the states.';
    const pair = pairOf(page, 'en', cand, 'en');
    expect(pair.sharedContent).toBeGreaterThanOrEqual(ENTITIES_APART_MAX_CONTENT);
    expect(pair.score / pair.cosine).toBeCloseTo(1, 5);
  });

  it('weighs up a pair in two languages that shares a name, not one that shares two common concepts only', () => {
    const named = pairOf('The spire of Notre-Dame collapsed in the fire.', 'en', "La flèche de Notre-Dame s'est effondrée dans l'incendie.", 'fr');
    expect(named.crossLanguage).toBe(true);
    expect(named.score / named.cosine).toBeCloseTo(CROSS_LANGUAGE_FACTOR, 5);
    const loose = pairOf('Respondents expressed several concerns about the tools.', 'en', 'Les réponses ont suscité des inquiétudes.', 'fr');
    expect(loose.sharedContent).toBe(2);
    expect(loose.score / loose.cosine).toBeCloseTo(1, 5);
  });

  it('weighs up a pair in two languages that shares two specific concepts, not two generic ones or a count in words', () => {
    // An act and what it befell: no name, no date, yet a translation.
    const act = pairOf('The spire collapsed.', 'en', "La flèche s'est effondrée vers 19h50.", 'fr');
    expect(act.sharedContent).toBe(2);
    expect(act.score / act.cosine).toBeCloseTo(CROSS_LANGUAGE_FACTOR, 5);
    // Topic and stance words unrelated texts share.
    const topic = pairOf('Users are concerned about the security of the tools.', 'en', 'La sécurité du pays suscite des inquiétudes.', 'fr');
    expect(topic.sharedContent).toBe(2);
    expect(topic.score / topic.cosine).toBeCloseTo(1, 5);
    const count = pairOf('The fight pits two companies against each other.', 'en', 'Les deux pays vont lutter contre la propagation du virus.', 'fr');
    expect(count.sharedContent).toBe(2);
    expect(count.score / count.cosine).toBeCloseTo(1, 5);
  });

  it('counts a figure written in words by one side and in digits by the other as agreed', () => {
    const pair = pairOf(
      '400 pompiers ont été mobilisés.',
      'fr',
      'Quatre cents pompiers avec 18 lances à incendie ont été mobilisés.',
      'fr',
    );
    expect(pair.score / pair.cosine).toBeCloseTo(1, 5);
    // Two tolls with only a small count in words in common still disagree.
    const tolls = pairOf('Au moins 284 personnes ont été tuées dans sept provinces.', 'fr', 'Au moins 912 personnes ont été tuées dans sept provinces.', 'fr');
    expect(tolls.score / tolls.cosine).toBeCloseTo(FIGURE_CONFLICT_FACTOR, 5);
  });

  it('makes a pair of a shared name and a shared figure a candidate, not a shared name alone', () => {
    const figure = pairOf('Messi thought he had won it in the 108th minute.', 'en', 'A la 108e, Messi a inscrit son septième but.', 'fr');
    expect(figure.namedFigure).toBe(true);
    expect(sharesEnough(figure)).toBe(true);
    const name = pairOf('Messi thought he had won it.', 'en', 'Messi a inscrit son septième but.', 'fr');
    expect(sharesEnough(name)).toBe(false);
    // A span of time is no figure: "Macron, 44 years old" and "à 44 ans" share no figure.
    expect(pairOf('Emmanuel Macron, 44 years old, spoke.', 'en', 'À 44 ans, Emmanuel Macron renouvelle son bail.', 'fr').namedFigure).toBe(false);
  });

  it('lets a shared score line agree on the result, as a shared figure does', () => {
    // The minutes differ (80th, 120 minutes): without the score line the figures would disagree.
    const pair = pairOf(
      'Argentina won 4-2 on penalties after a 3-3 draw, having led 2-0 after 80 minutes.',
      'en',
      'Argentina beat France 4-2 on penalties after a 3-3 draw over 120 minutes.',
      'en',
    );
    expect(pair.score).toBeGreaterThan(0);
    expect(pair.score / pair.cosine).toBeGreaterThan(FIGURE_CONFLICT_FACTOR + 0.1);
  });
});
