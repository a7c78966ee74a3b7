import { describe, expect, it } from 'vitest';
import { figuresOf } from './facts-index';
import { analyzeText, dayNumber, NO_DAY } from './terms';

const keys = (text: string, language?: string, date?: string) => analyzeText(text, language, date).sentences.map((s) => s.hits.map((h) => h.key));

describe('fact terms', () => {
  it('joins digit groups and decimals the same way in French and English', () => {
    const fr = keys('La BCE a relevé son taux de 0,25 point à 4,5 %, pour 1,2 million de foyers et 94 000 soldats.')[0];
    const en = keys('The ECB raised its rate by 0.25 points to 4.5%, for 1.2 million homes and 94,000 troops.')[0];
    for (const k of ['n:0.25', 'n:4.5', 'n:1200000', 'n:94000', 'e:ecb', 'c:rate', 'c:raise', 'c:homes', 'c:troops']) {
      expect(fr).toContain(k);
      expect(en).toContain(k);
    }
  });

  it('gives every alias of an entity its group key', () => {
    const texts = [
      'Le chef du Kremlin a parlé avec l’Alliance atlantique.',
      'Vladimir Putin spoke to NATO.',
      'Hier, le président russe Vladimir Poutine a écrit à l’OTAN.',
    ];
    for (const t of texts) {
      const k = keys(t, undefined)[0];
      expect(k).toContain('e:putin');
      expect(k).toContain('e:nato');
    }
    expect(keys('Les Etats-Unis, les États-Unis et Washington.')[0].filter((k) => k === 'e:united-states')).toHaveLength(3);
    // "us" is a pronoun unless written in capitals.
    expect(keys('They told us about the US plan.')[0].filter((k) => k === 'e:united-states')).toHaveLength(1);
  });

  it('takes capitalised words inside a sentence as names, and a sentence opener only if the text capitalises it elsewhere', () => {
    const [first, second] = keys('Sullivan a parlé aux journalistes. Le conseiller Sullivan a répondu. Répondant à la question, il a souri.');
    expect(first).toContain('e:sullivan');
    expect(second).toContain('e:sullivan');
    expect(keys('Répondant à la question, il a souri.')[0].some((k) => k.startsWith('e:'))).toBe(false);
  });

  it('takes a capitalised opener the bilingual lexicon does not know as a name, a known word as a word', () => {
    // A one-sentence text: no other capital tells that "Messi" is a name.
    expect(keys('Messi thought he had won it in the 108th minute.', 'en')[0]).toContain('e:messi');
    expect(keys('Kylian Mbappé a égalisé.', 'fr')[0]).toEqual(expect.arrayContaining(['e:kylian', 'e:mbappe']));
    const firefighters = keys('Firefighters fought the blaze all night.', 'en')[0];
    expect(firefighters.some((k) => k.startsWith('e:'))).toBe(false);
  });

  it('reads no figure in a span of time or an age, which stays a shared number', () => {
    const hits = analyzeText('The ECB raised rates for the first time in 11 years, by 50 basis points.', 'en').sentences[0].hits;
    expect(hits.map((h) => h.key)).toContain('n:11');
    expect(figuresOf(hits)).not.toContain(11);
    expect(figuresOf(hits)).toContain(50);
    expect(figuresOf(analyzeText('À 44 ans, il a obtenu 58 % des voix.', 'fr').sentences[0].hits)).toEqual([58]);
  });

  it('reads a span told back from now ("five years ago", "il y a 5 ans") as a time, apart from a duration', () => {
    expect(keys('Five years ago, Macron defeated Le Pen.', 'en')[0]).toContain('n:5y-ago');
    expect(keys('Il y a cinq ans, Macron battait Le Pen.', 'fr')[0]).toContain('n:5y-ago');
    expect(keys('Il y a 5 ans, Macron battait Le Pen.', 'fr')[0]).toContain('n:5y-ago');
    expect(keys('Il signe un bail de 5 ans.', 'fr')[0]).toContain('n:5');
    expect(keys('Il signe un bail de 5 ans.', 'fr')[0]).not.toContain('n:5y-ago');
    expect(keys('The rates rose 3 months ago.', 'en')[0]).toContain('n:3m-ago');
  });

  it('keeps apart words that only share a stem with a concept word', () => {
    // "fired wide", "restored the lead", "l'arrêt Roe v. Wade": no fire, renovation or arrest.
    expect(keys('Tchouameni fired wide.', 'en')[0]).not.toContain('c:fire');
    expect(keys('Messi restored the lead.', 'en')[0]).not.toContain('c:renovation');
    expect(keys('La Cour a annulé l’arrêt Roe v. Wade.', 'fr')[0]).not.toContain('c:arrest');
    expect(keys('La police a arrêté deux suspects.', 'fr')[0]).toContain('c:arrest');
    expect(keys('The fire spread to the roof.', 'en')[0]).toContain('c:fire');
    expect(keys('Un revirement de la Cour suprême.', 'fr')[0]).toContain('c:overturn');
    expect(keys('The court reversed the ruling.', 'en')[0]).toContain('c:overturn');
  });

  it('joins general news words of justice, conflict, economy, health and weather across the two languages', () => {
    const pairs: [string, string, string][] = [
      ['Trois otages ont été libérés après le procès.', 'Three hostages were freed after the trial.', 'c:hostage'],
      ['Le suspect a été condamné à la prison.', 'The suspect was sent to jail.', 'c:prison'],
      ['Le chômage recule et la croissance ralentit.', 'Unemployment fell as growth slowed.', 'c:unemployment'],
      ['La dette et le déficit ont augmenté.', 'The debt and the deficit rose.', 'c:deficit'],
      ['Une canicule et la sécheresse frappent le sud.', 'A heat wave and a drought hit the south.', 'c:heatwave'],
      ['La campagne de vaccination contre l’épidémie.', 'The vaccination drive against the outbreak.', 'c:epidemic'],
      ['Deux personnes sont portées disparues.', 'Two people are missing.', 'c:missing'],
    ];
    for (const [fr, en, key] of pairs) {
      expect(keys(fr, 'fr')[0]).toContain(key);
      expect(keys(en, 'en')[0]).toContain(key);
    }
  });

  it('reads a score line as one term and no figure', () => {
    const hits = analyzeText('Argentina beat France 4-2 on penalties after a 3-3 draw.', 'en').sentences[0].hits;
    expect(hits.map((h) => h.key)).toEqual(expect.arrayContaining(['n:4-2', 'n:3-3']));
    expect(hits.map((h) => h.key)).not.toContain('n:3');
    expect(figuresOf(hits)).toEqual([]);
    // A range of years is no score line.
    expect(keys('Il a régné de 1998-2002.', 'fr')[0]).not.toContain('n:1998-2002');
  });

  it('reads an idiom of several words as the concept it names, not as its words', () => {
    const struck = keys('The decision struck down the federal right to an abortion.', 'en')[0];
    expect(struck).toContain('c:overturn');
    expect(struck).not.toContain('s:struck');
    expect(keys('La Cour suprême a annulé le droit fédéral à l’avortement.', 'fr')[0]).toContain('c:overturn');
    expect(keys('Firefighters put out the blaze at dawn.', 'en')[0]).toContain('c:extinguish');
    expect(keys('The minister stepped down on Friday.', 'en')[0]).toEqual(expect.arrayContaining(['c:resign']));
    expect(keys('Le ministre a démissionné vendredi.', 'fr')[0]).toEqual(expect.arrayContaining(['c:resign']));
    // Its words apart are no idiom.
    expect(keys('He put the file out of reach.', 'en')[0]).not.toContain('c:extinguish');
  });

  it('reads time cues and pins the event day from the text date', () => {
    const [s] = analyzeText('Vladimir Poutine a appelé mardi Emmanuel Macron.', 'fr', '2021-12-16').sentences;
    expect(s.hits.map((h) => h.key)).toContain('w:2');
    expect(s.cues.day).toBe(dayNumber('2021-12-14'));
    const [t] = analyzeText('Ils se sont parlé le 14 décembre.', 'fr', '2022-01-05').sentences;
    expect(t.cues.day).toBe(dayNumber('2021-12-14'));
    expect(analyzeText('Ils se sont parlé mardi.', 'fr').sentences[0].cues.day).toBe(NO_DAY);
    // Ambiguous month names need a capital or a number.
    expect(keys('Protesters march on the capital.', 'en')[0].some((k) => k.startsWith('m:'))).toBe(false);
    expect(keys('They met on March 3.', 'en')[0]).toEqual(expect.arrayContaining(['d:3-3', 'm:3']));
  });

  it('stems paraphrases to shared concepts and leaves verbs of saying out', () => {
    const a = keys('Moscou a réclamé des garanties juridiques contre l’élargissement de l’Otan, a déclaré le Kremlin.')[0];
    const b = keys('Moscow demanded legal guarantees against NATO expansion, the Kremlin said.', 'en')[0];
    for (const k of ['e:russia', 'c:demand', 'c:guarantee', 'c:legal', 'c:enlargement', 'e:nato', 'e:kremlin']) {
      expect(a).toContain(k);
      expect(b).toContain(k);
    }
    expect(a.some((k) => k.includes('declar'))).toBe(false);
  });
});

describe('event day', () => {
  it('does not pin a sentence to a date some weeks ahead of its text (an announced date)', () => {
    const [s] = analyzeText('Ils relèveront leurs taux lors de leur prochaine réunion le 21 juillet.', 'fr', '2022-06-09').sentences;
    expect(s.cues.day).toBe(NO_DAY);
    expect(s.hits.map((h) => h.key)).toEqual(expect.arrayContaining(['d:7-21', 'm:7']));
    // More than half a year ahead, the date with no year is last year's.
    const [t] = analyzeText('Le 21 août, la banque a relevé ses taux.', 'fr', '2023-02-01').sentences;
    expect(t.cues.day).toBe(dayNumber('2022-08-21'));
  });
});

describe('numbers in words and times of day', () => {
  it('shares a number written in words with its digits, in both languages', () => {
    const fr = keys('Quatre cents pompiers et trois hélicoptères ont été mobilisés.', 'fr')[0];
    const en = keys('400 firefighters and 3 helicopters were deployed.', 'en')[0];
    const en2 = keys('Four hundred firefighters and three helicopters were deployed.', 'en')[0];
    for (const k of ['n:400', 'n:3']) {
      expect(fr).toContain(k);
      expect(en).toContain(k);
      expect(en2).toContain(k);
    }
    expect(keys('Trois millions de personnes.', 'fr')[0]).toContain('n:3000000');
  });

  it('gives a number in words no figure (small counts beside a toll would make two tolls agree)', () => {
    const [s] = analyzeText('Au moins 284 personnes ont été tuées dans sept provinces.', 'fr').sentences;
    expect(figuresOf(s.hits)).toEqual([284]);
    expect(s.hits.map((h) => h.key)).toContain('n:7');
  });

  it('reads no figure in a time of day, but the same minute as one term in any spelling', () => {
    const times = (t: string, lang: string) => keys(t, lang)[0].filter((k) => /\d/.test(k));
    for (const t of ['La flèche s’est effondrée vers 19h50.', 'Le feu a pris vers 19 h 50.', 'Le feu a pris à 19:50.']) {
      expect(times(t, 'fr')).toEqual(['h:19:50']);
    }
    expect(times('The spire collapsed at 7:50 pm.', 'en')).toEqual(['h:19:50']);
    expect(times('Le feu a pris peu avant 19 heures.', 'fr')).toEqual(['h:19:00']);
    expect(times('The fire started at 7pm.', 'en')).toEqual(['h:19:00']);
    for (const t of ['Le séisme a eu lieu à 4h17.', 'Le séisme a eu lieu à 4 h 17 locales.']) expect(times(t, 'fr')).toEqual(['h:4:17']);
    expect(times('The earthquake occurred at 4:17 am local time.', 'en')).toEqual(['h:4:17']);
    // A time spelt out stays out, and a time is never a figure for the figure check.
    expect(times('Le feu a pris à quatre heures trente.', 'fr')).toEqual([]);
    for (const t of ['Le feu a pris vers 18h50.', 'The earthquake occurred at 4:17 am.']) {
      expect(figuresOf(analyzeText(t).sentences[0].hits)).toEqual([]);
    }
  });
});

describe('rates moved in points', () => {
  it('reads basis points and fractions of a point as the same figure in percentage points', () => {
    const figures = (t: string, lang: string) => keys(t, lang)[0].filter((k) => k.startsWith('n:'));
    expect(figures('La BCE a relevé ses taux de 50 points de base.', 'fr')).toEqual(['n:50', 'n:0.5']);
    expect(figures('The ECB lifted its rate by 50 basis points.', 'en')).toEqual(['n:50', 'n:0.5']);
    expect(figures('La BCE a relevé ses taux d’un demi-point de pourcentage.', 'fr')).toEqual(['n:0.5']);
    expect(figures('The ECB raised rates by half a percentage point.', 'en')).toEqual(['n:0.5']);
    expect(figures('Une hausse d’un quart de point.', 'fr')).toEqual(['n:0.25']);
    expect(figures('A 75 basis point hike.', 'en')).toEqual(['n:75', 'n:0.75']);
    // "Half" with no point after it is no figure; "per cent" is no hundred.
    expect(figures('Half of the voters stayed home.', 'en')).toEqual([]);
    expect(figures('Inflation reached 8 per cent.', 'en')).toEqual(['n:8']);
  });

  it('reads fractions in words alike in both languages, and decimals with a comma or a point', () => {
    const figures = (t: string, lang: string) => keys(t, lang)[0].filter((k) => k.startsWith('n:'));
    expect(figures('Le toit a été détruit aux deux tiers.', 'fr')).toEqual(['n:0.667']);
    expect(figures('Two-thirds of its roof were destroyed.', 'en')).toEqual(['n:0.667']);
    expect(figures('Une hausse de trois quarts de point.', 'fr')).toEqual(['n:0.75']);
    expect(figures('A hike of three-quarters of a percentage point.', 'en')).toEqual(['n:0.75']);
    for (const [t, lang] of [['L’inflation a atteint 8,6 % en juin.', 'fr'], ['L’inflation a atteint 8,6% en juin.', 'fr'], ['Inflation reached 8.6% in June.', 'en']]) {
      expect(figures(t, lang)).toEqual(['n:8.6']);
    }
    // A count bigger than the denominator makes no fraction: "five quarters" stays out of it.
    expect(figures('Cinq quarts de finale.', 'fr')).toEqual(['n:5']);
  });
});

describe('entity aliases and metonymy', () => {
  const entities = (text: string, language?: string) => keys(text, language)[0].filter((k) => k.startsWith('e:'));

  it('gives an institution the key of the state it speaks for, beside its own', () => {
    expect(entities('Le Kremlin a démenti.', 'fr')).toEqual(['e:kremlin', 'e:russia']);
    expect(entities('Moscow denied it.', 'en')).toEqual(['e:russia']);
    expect(entities('Les autorités russes ont démenti.', 'fr')).toEqual(['e:kremlin', 'e:russia']);
    expect(entities('The White House said so.', 'en')).toEqual(['e:white-house', 'e:united-states']);
    expect(entities('Washington said so.', 'en')).toEqual(['e:united-states']);
    expect(entities('The US administration said so.', 'en')).toEqual(['e:white-house', 'e:united-states']);
  });

  it('gives an office to its holder only, not to a vice, former or next one', () => {
    expect(entities('Le président turc a parlé.', 'fr')).toEqual(['e:erdogan']);
    // The vice-president is someone else; "turc" still names the country.
    expect(entities('Selon le vice-président turc, Fuat Oktay, le bilan est lourd.', 'fr')).toEqual(['e:turkey', 'e:fuat', 'e:oktay']);
    expect(entities('Former French President Nicolas Sarkozy spoke.', 'en')).not.toContain('e:macron');
    expect(entities('L’ancien président français a parlé.', 'fr')).not.toContain('e:macron');
  });

  it('joins the spellings and the descriptions of one place or body', () => {
    for (const t of ['Kyiv a répondu.', 'Kiev a répondu.', 'Kyïv a répondu.', 'Les autorités ukrainiennes ont répondu.', 'The Ukrainian government replied.']) {
      expect(entities(t)).toEqual(['e:kyiv', 'e:ukraine']);
    }
    for (const t of ['L’OTAN a répondu.', 'L’Otan a répondu.', 'NATO replied.', 'L’Alliance atlantique a répondu.', 'The Atlantic alliance replied.']) {
      expect(entities(t)).toEqual(['e:nato']);
    }
  });
});

describe('concepts across French and English', () => {
  it('joins the words of a fire and of a rate decision told in the other language', () => {
    const fr = keys('La flèche s’est effondrée une heure après le début de l’incendie, qui a détruit le monument.', 'fr')[0];
    const en = keys('The spire collapsed an hour after the fire started, which destroyed the landmark.', 'en')[0];
    for (const k of ['c:spire', 'c:collapse', 'c:hour', 'c:fire', 'c:destroy', 'c:monument']) {
      expect(fr).toContain(k);
      expect(en).toContain(k);
    }
    const rateFr = keys('Mardi, la banque centrale a relevé ses taux directeurs d’un demi-point de pourcentage.', 'fr')[0];
    const rateEn = keys('On Tuesday, the central bank raised its key rates by half a percentage point.', 'en')[0];
    for (const k of ['c:central', 'c:bank', 'c:raise', 'c:key-rate', 'c:rate', 'n:0.5', 'c:percentage']) {
      expect(rateFr).toContain(k);
      expect(rateEn).toContain(k);
    }
  });
});

describe('hyphenated names', () => {
  it('reads the capitalised part after a hyphen inside a name as a name, as the same name written with a space', () => {
    const fr = keys('Le feu a ravagé la cathédrale Notre-Dame de Paris.', 'fr')[0];
    const en = keys('The fire gutted the Notre Dame cathedral in Paris.', 'en')[0];
    expect(fr).toContain('e:dame');
    expect(en).toContain('e:dame');
    // A dash between spaces still opens a unit: "- Personne" is no name.
    expect(keys('Le feu a pris - Personne n’a été blessé.', 'fr')[0]).not.toContain('e:personne');
  });
});

describe('countries, capitals and bodies across French and English', () => {
  it('names a state by its name or its capital in either language', () => {
    const fr = keys('Varsovie a livré des chars.', 'fr')[0];
    const en = keys('Poland delivered tanks.', 'en')[0];
    expect(fr).toContain('e:poland');
    expect(en).toContain('e:poland');
    expect(keys('Des réfugiés arrivent en Pologne.', 'fr')[0]).toContain('e:poland');
    expect(keys('Un séisme a été ressenti à Chypre.', 'fr')[0]).toContain('e:cyprus');
    expect(keys('The quake was felt in Cyprus.', 'en')[0]).toContain('e:cyprus');
  });

  it('joins a body’s French and English names and acronyms, the acronyms in capitals only', () => {
    expect(keys('L’OMS a déclaré une urgence.', 'fr')[0]).toContain('e:who');
    expect(keys('The World Health Organization declared an emergency.', 'en')[0]).toContain('e:who');
    // "who" in lower case is a pronoun.
    expect(keys('Those who fled the fire were safe.', 'en')[0]).not.toContain('e:who');
  });
});
