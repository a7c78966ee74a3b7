import { describe, expect, it } from 'vitest';
import { creditedAgencies, findCredits, isCreditLine, type Credit } from './index';

/** [agency, kind, place] of each credit, with the credited words checked against the offsets. */
function credits(text: string, byline?: string): [string, string, string][] {
  return findCredits(text, byline).map((c: Credit) => {
    expect((c.place === 'byline' ? byline! : text).slice(c.start, c.end)).toBe(c.text);
    return [c.agency, c.kind, c.place];
  });
}

/** A body paragraph long enough that the credit lines around it sit at the text's start or end. */
const BODY =
  'Le président russe a appelé mardi à des négociations immédiates avec les Occidentaux sur les garanties de sécurité, ' +
  'a indiqué le Kremlin dans un communiqué publié à l’issue de l’entretien, le troisième en un mois entre les deux dirigeants.';

/**
 * Excerpts of public pages (a few lines each, trimmed), with their address: how agencies are
 * credited, and mentioned without being credited, in the wild.
 */
describe('findCredits on excerpts of real pages', () => {
  it('reads a French AFP dateline and ignores the AFP quoted as a source further on', () => {
    // https://pdfslide.fr/documents/panier-dpches-concours-de-unes-2017.html
    const text =
      "BEYROUTH, 20 mars 2017 (AFP) - Les forces du régime syriens ont intensément bombardé lundi matin des positions rebelles dans l'est de Damas, a rapporté l'Observatoire syrien des droits de l'Homme (OSDH).\n\n" +
      "\"Il y a eu d'intenses raids aériens depuis l'aube sur des positions tenues par les rebelles dans le quartier de Jobar\", a indiqué à l'AFP Rami Abdel Rahmane, le directeur de l'OSDH.";
    expect(credits(text)).toEqual([['AFP', 'dateline', 'start']]);
  });

  it('reads Reuters datelines closed by a colon, with or without a date', () => {
    // https://morungexpress.com/tag/vladimir-putin
    expect(credits('MOSCOW, August 12 (Reuters): Russia said on Wednesday the first batch of its Covid-19 vaccine would be ready for some medics within two weeks.')).toEqual([['Reuters', 'dateline', 'start']]);
    expect(credits('VILNIUS (Reuters): The United States joined Lithuania, Latvia and Estonia on Thursday in opposing any Russian attempts to rewrite history.')).toEqual([['Reuters', 'dateline', 'start']]);
  });

  it('reads AP datelines with a region and an en or em dash, and an AP byline line above one', () => {
    // https://hamaracottage.com/tag/kyiv/
    expect(credits('KYIV, Ukraine (AP) – As was his habit before each flight, the veteran Ukrainian army pilot ran a hand along the fuselage of his Mi-8 helicopter.')).toEqual([['AP', 'dateline', 'start']]);
    // http://thesettler.online/ap-international/
    const text =
      'By LYNN BERRY and JIM GOMEZ Associated Press\n\n' +
      'WASHINGTON (AP) — Winning the Nobel Peace Prize often provides a boost for a grassroots activist or international group working for peace and human rights, opening doors and elevating the causes for which they fight.';
    expect(credits(text)).toEqual([
      ['AP', 'credit-line', 'start'],
      ['AP', 'dateline', 'start'],
    ]);
  });

  it('reads a Reuters dateline under a list of key points, and its sign-off at the end', () => {
    // https://headlinescurator.com/tag/brxt/page/3/?amp
    const text =
      '‘Crazy’: Britain puts army on standby as panic buying leaves petrol pumps dry\n\n' +
      '• ‘It’s crazy,’ driver says at gas station\n• Army tanker drivers to be deployed if needed\n• Trucker shortage has hit supply chains\n\n' +
      'LONDON, Sept 28 (Reuters) – British drivers expressed frustration on Tuesday as they hunted for hours or sat snarled in queues to fill their tanks after gas stations in major cities ran dry.\n\n' +
      'Queues of drivers snaked back from those petrol stations that were still serving in major cities, though dozens of forecourts were closed, Reuters reporters said.';
    expect(credits(text)).toEqual([['Reuters', 'dateline', 'start']]);
    // http://articles.chicagotribune.com/keyword/moscow/recent/5
    const signed =
      'MOSCOW (Reuters) - President Vladimir Putin said on Thursday he was certain that Russia and Ukraine could reach a compromise following Moscow\'s annexation of Crimea. ' +
      '"I\'m sure we will come to a mutual understanding with Ukraine," Putin said in a televised call-in with the nation. (Reporting by Alissa de Carbonnel; Editing by John Stonestreet)';
    expect(credits(signed)).toEqual([
      ['Reuters', 'dateline', 'start'],
      ['Reuters', 'credit-line', 'end'],
    ]);
  });

  it('reads a Reuters dateline glued to its byline, with no space after the dash', () => {
    // A Reuters copy quoted on a search page (the dirs.info mentions of "Felix Light"): the byline runs into the dateline.
    expect(credits('By Guy Faulconbridge, Felix LightMOSCOW (Reuters) -Russia\'s most prominent opposition leader Alexei Navalny collapsed and died on Friday.')).toEqual([
      ['Reuters', 'dateline', 'start'],
    ]);
    // https://www.reuters.com/journalists/tom-balmforth: a report about a Reuters story is no credit.
    expect(credits('The Kremlin on Wednesday denied a Reuters report that Russian President Vladimir Putin proposed a ceasefire.')).toEqual([]);
  });

  it('reads an AP dateline with an abbreviated state under a byline of several writers', () => {
    // https://archives.lincolndailynews.com/2024/Oct/17/NEWS/news_aa.shtml
    const text =
      '\t\tBy JASON DEAREN, MICHELLE R. SMITH and AARON KESSLER\n\t\t\n' +
      '\t\tMOUNT OLIVE, N.C. (AP) — The U.S. military trained him in explosives and battlefield tactics. Now the Iraq War veteran was calling for taking up arms.';
    expect(credits(text)).toEqual([['AP', 'dateline', 'start']]);
  });

  it('reads a Swiss agency credit opening the text without a dash, not the agency quoted further on', () => {
    // https://www.swissinfo.ch/ita/tutte-le-notizie-in-breve/la-radiotelevisione-romanda--rts--deve-stringere-la-cinghia/41570600
    const text =
      '(Keystone-ATS) La radiotelevisione romanda (RTS) dovrà risparmiare 6 milioni di franchi nel 2015. Tutti i settori aziendali saranno colpiti dalle misure, ha precisato all’ats oggi il portavoce Christophe Minder.\n\n' +
      'I 6 milioni di franchi si basano su un budget di quasi 400 milioni. I tagli previsti nel settore dell’attualità ammontano a circa un milione.';
    expect(credits(text)).toEqual([['ATS', 'dateline', 'start']]);
    expect(credits('(ap) la suite du texte.')).toEqual([]);
  });

  it('reads Italian agency datelines with an abbreviated month', () => {
    // https://studionews.tv/category/aska/politica-lazio/page/16
    expect(credits('Roma, 6 set. (askanews) – “Doppio schiaffo del centrodestra alla città di Roma”. Lo dichiara Massimiliano Valeriani, consigliere regionale.')).toEqual([['askanews', 'dateline', 'start']]);
    // https://www.civonline.it/italia-e-mondo/roma-capitale-perissa-fdi-riforma-grande-successo-del-governo-l15jwy73
    expect(credits('Roma, 22 ott. (Adnkronos) - "La riforma di Roma Capitale entra nel vivo con l’adozione del testo base in commissione Affari Costituzionali della Camera."')).toEqual([['Adnkronos', 'dateline', 'start']]);
  });

  it('takes neither photo credits nor a source quoted in the text for a credit', () => {
    // https://n3k6.wordpress.com/tag/saint-petersbourg/
    const fire =
      'Photo© AFP/Olga MALTSEVA\n\n' +
      'Un gigantesque incendie continuait de faire rage lundi soir dans une fabrique historique de Saint-Pétersbourg.\n\n' +
      'Un pompier qui participait aux opérations de secours est mort et deux autres ont été blessés, a indiqué à l’AFP le ministère des Situations d’urgence.\n\n' +
      'Dans la journée, les flammes poussées par un vent violent brûlaient jusqu’aux arbres à proximité des bâtiments, selon une journaliste de l’AFP.';
    expect(credits(fire)).toEqual([]);
    // https://n3k6.wordpress.com/tag/nord-est/
    expect(credits('Un homme marche dans une rue couverte de neige à Boston, samedi matin. Photo: AP/Michael Dwyer\n\nDes milliers de vols ont été annulés samedi aux États-Unis.')).toEqual([]);
    // https://www.lfm.ch/actualite/international/trois-millions-de-cas-dans-le-monde-trump-sen-prend-a-la-chine/
    expect(credits('Il y a désormais 3 millions de cas confirmés de Covid-19 dans le monde. (©(AP PHOTO/RODRIGO ABD)\n\nLe monde a franchi lundi le seuil symbolique des trois millions de cas.')).toEqual([]);
    // https://embed.gettyimages.com/embed?assets=899208910,478857185,135613210,134910124,479368473
    const getty =
      'Around 50,000 people rallied today in central Moscow in protest at Russia\'s intervention in Ukraine, a day before the Crimean peninsula is expected to vote, an AFP team estimated.\n\n' +
      'AFP PHOTO / DMITRY SEREBRYAKOV (Photo credit should read DMITRY SEREBRYAKOV/AFP via Getty Images)';
    expect(credits(getty)).toEqual([]);
  });

  it('takes an agency that another outlet reports on for no credit', () => {
    // https://www.breitbart.com (saved page breitbart.html, its description)
    expect(credits('The Associated Press reported Monday that former President Barack Obama released $221 million to the Palestinian Authority in his final hours.')).toEqual([]);
    // A category title over AFP copy is not a line that credits: https://squidbusiness.fr/category/afp-top-news/page/66
    expect(credits('AFP Top News\n\nLa tempête Benjamin balaie la France, quelques blessés légers.\n\n' + BODY)).toEqual([]);
  });
});

describe('findCredits on the seed dispatches', () => {
  it('credits RT from the "Source RT" line of the Radio Habana Cuba copy, not its own (RHC) dateline', () => {
    const text =
      'Moscou 16 décembre (RHC) Le président russe, Vladimir Poutine, a appelé à des négociations «immédiates» avec l\'OTAN.\n\n' +
      BODY +
      '\n\nSource RT\n\n---\n\n<https://www.radiohc.cu/fr/noticias/internacionales/280005-poutine>\n\n**Radio Habana Cuba**';
    expect(credits(text)).toEqual([['RT', 'credit-line', 'end']]);
  });

  it('takes an outlet dateline and a photo credit of the CNSNews translation for no agency credit', () => {
    const text =
      'Le président ukrainien Volodymyr Zelensky au siège de l\'OTAN à Bruxelles. (Photo de John Thys/AFP via Getty Images)\n\n' +
      'Moscou (CNSNews.com) – Le président russe Vladimir Poutine lors de la réunion virtuelle de mardi avec le président Biden a réitéré sa demande.\n\n' +
      BODY;
    expect(credits(text)).toEqual([]);
  });
});

describe('findCredits, every form of credit', () => {
  it.each([
    ['KIEV, 7 déc (Reuters) - ' + BODY, 'Reuters', 'dateline'],
    ['PARIS, 7 déc. 2021 (AFP) - ' + BODY, 'AFP', 'dateline'],
    ['(AP) — ' + BODY, 'AP', 'dateline'],
    ['ROMA, 3 MAG (ANSA) - ' + BODY, 'ANSA', 'dateline'],
    ['BERLIN (dpa) - ' + BODY, 'dpa', 'dateline'],
    ['MADRID, 5 ene (EFE).- ' + BODY, 'EFE', 'dateline'],
    ['St. Louis (AP) — ' + BODY, 'AP', 'dateline'],
  ])('a dateline, case %#', (text, agency, kind) => {
    expect(credits(text)).toEqual([[agency, kind, 'start']]);
  });

  it.each([
    ['avec AFP', ['AFP']],
    ['(avec AFP et Reuters)', ['AFP', 'Reuters']],
    ['Source : AFP', ['AFP']],
    ['Sources : AFP, Reuters', ['AFP', 'Reuters']],
    ['© AFP', ['AFP']],
    ['© AFP 2021', ['AFP']],
    ['AFP/Belga', ['AFP', 'Belga']],
    ['— Reuters', ['Reuters']],
    ['Copyright Agence France-Presse', ['AFP']],
    ['Copyright Agence\u00a0France\u2011Presse', ['AFP']],
    ['Copyright 2021 The Associated Press. All rights reserved.', ['AP']],
    ['(Belga)', ['Belga']],
    ['(ANSA)', ['ANSA']],
    ['(dpa)', ['dpa']],
    ['(EFE)', ['EFE']],
    ['Le Figaro avec AFP', ['AFP']],
    ['La rédaction avec AFP', ['AFP']],
    ['The Associated Press contributed to this report.', ['AP']],
    ['Associated Press writers Jane Doe in Washington, D.C., and John Roe in New York contributed to this report.', ['AP']],
    ['Reuters contributed to this story', ['Reuters']],
  ])('a line at the end: %s', (line, agencies) => {
    expect(credits(`${BODY}\n\n${BODY}\n\n${line}`)).toEqual(agencies.map((a) => [a, 'credit-line', 'end']));
  });

  it.each([
    ['Par Le Figaro avec AFP', ['AFP']],
    ['By Jane Doe, Associated Press', ['AP']],
    ['By Reuters Staff', ['Reuters']],
    ['(avec AFP)', ['AFP']],
    ['Par Le Parisien avec AFP Le 7 décembre 2021 à 10h30', ['AFP']],
    ['Par Le Figaro avec AFP, publié le 07/12/2021 à 19:30', ['AFP']],
    ['By Reuters Staff, Published Dec 7, 2021', ['Reuters']],
    ['Article rédigé par franceinfo avec AFP', ['AFP']],
    ['Le Point.fr (avec AFP)', ['AFP']],
  ])('a byline line at the start: %s', (line, agencies) => {
    expect(credits(`${line}\n\n${BODY}\n\n${BODY}`)).toEqual(agencies.map((a) => [a, 'credit-line', 'start']));
  });

  it('reads a credit that closes the last paragraph', () => {
    expect(credits(`${BODY}\n\n${BODY} (AFP)`)).toEqual([['AFP', 'credit-line', 'end']]);
    expect(credits(`${BODY}\n\n${BODY} — Reuters`)).toEqual([['Reuters', 'credit-line', 'end']]);
    expect(credits(`${BODY}\n\n${BODY} (avec AFP)`)).toEqual([['AFP', 'credit-line', 'end']]);
  });

  it('reads the agencies of the byline field', () => {
    expect(credits(BODY, 'Reuters')).toEqual([['Reuters', 'byline', 'byline']]);
    expect(credits(BODY, 'By Jane Doe and John Roe, The Associated Press')).toEqual([['AP', 'byline', 'byline']]);
    expect(credits(BODY, 'Le Figaro avec AFP')).toEqual([['AFP', 'byline', 'byline']]);
    expect(credits(BODY, 'Apolline Dupa, Mapple')).toEqual([]);
  });

  it('says where a dateline sits when it opens a paragraph in the middle of the text', () => {
    const text = `${BODY}\n\n${BODY}\n\n${BODY}\n\nLONDRES (Reuters) - ${BODY}\n\n${BODY}\n\n${BODY}\n\n${BODY}`;
    expect(credits(text)).toEqual([['Reuters', 'dateline', 'inside']]);
  });

  it('lists each credited agency once, first credited first', () => {
    const text = `PARIS (AFP) - ${BODY}\n\n${BODY}\n\n(avec AFP et Reuters)`;
    expect(creditedAgencies(findCredits(text, 'Reuters'))).toEqual(['AFP', 'Reuters']);
  });
});

describe('findCredits, hard negatives', () => {
  it.each([
    `${BODY} Il a déclaré à l'AFP que rien n'était décidé.`,
    `Selon l'AFP, ${BODY}`,
    `${BODY} As Reuters reported, the talks stalled.`,
    `${BODY}\n\nUn entretien avec l'AFP.`,
    `Apple (ap) - ${BODY}`,
    `Le CAP (Ap) - ${BODY}`,
    `Updpa (Dpa) - ${BODY}`,
    `Il l'a dit lundi. Paris (AFP) - ${BODY}`,
    `« Non », dit-il (AFP) - ${BODY}`,
    // A caption credit between two paragraphs of the text (the saved wapo-1 and citylab-1 pages have them).
    `${BODY}\n\n${BODY}\n\nGunmen stormed the museum, killing at least 19 people. (Reuters)\n\n${BODY}\n\n${BODY}\n\n${BODY}\n\n${BODY}`,
    // A photo credit under the lead picture.
    `© AFP\n\n${BODY}\n\n${BODY}\n\n${BODY}`,
    `${BODY}\n\nThe Moulin Rouge cabaret in Paris Benoit Tessier/Reuters`,
    `${BODY}\n\nA neon sign at the Neonworks of Cincinnati, in 2016. (John Minchillo / AP)`,
    `${BODY}\n\nMukonori is said to be mediating in the current crisis Credit: STR/AFP`,
    `${BODY}\n\n(ap)`,
    `${BODY}\n\nOur correspondent contributed to this report.`,
    `Par Le Figaro avec AFP et des mots de trop pour une signature\n\n${BODY}`,
    `Entretien avec AFP Paris, le bureau de l’agence\n\n${BODY}`,
    `${BODY}\n\n${BODY} (Reporting by our correspondent; Editing by the desk)\n\n${BODY}\n\n${BODY}\n\n${BODY}\n\n${BODY}`,
    `${BODY}\n\navec Apple`,
  ])('no credit in case %#', (text) => {
    expect(credits(text)).toEqual([]);
  });

  it('still reads the end of a text of very many paragraphs', () => {
    const text = `${'Une ligne de texte.\n'.repeat(10_000)}${BODY}\n\n(avec AFP)`;
    expect(credits(text)).toEqual([['AFP', 'credit-line', 'end']]);
  });

  it('bounds its work on hostile text', () => {
    const lines = `${'x'.repeat(150)}\n`.repeat(20_000) + ' (AFP et'.repeat(5_000);
    const t0 = performance.now();
    findCredits('PARIS '.repeat(100_000) + '(AFP');
    findCredits(lines, 'AFP '.repeat(10_000));
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe('isCreditLine', () => {
  it('is true for a line that only credits agencies', () => {
    for (const line of ['Par Le Figaro avec AFP', '(avec AFP et Reuters)', '© AFP', 'Source : Reuters', ' AFP/Belga ', 'The Associated Press contributed to this report.']) {
      expect(isCreditLine(line), line).toBe(true);
    }
  });

  it('is false for prose, photo credits and other lines naming an agency', () => {
    for (const line of [BODY, 'AFP Top News', 'Photo: AP/Michael Dwyer', 'Il a déclaré à l’AFP.', 'Un entretien avec l’AFP.', '', `Par ${'x'.repeat(200)} avec AFP`]) {
      expect(isCreditLine(line), line).toBe(false);
    }
  });
});
