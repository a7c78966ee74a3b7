/**
 * News agencies (and the state media that pages credit the same way) a page may name as the
 * writer of its text. Each spelling is matched exactly, case included: "AP" is the agency, "ap"
 * and "Ap" are not; "dpa" and "DPA" are, "Dpa" at the start of a word is not.
 */
const AGENCIES: Record<string, string[]> = {
  AFP: ['AFP', 'Agence France-Presse', 'Agence France Presse', 'France-Presse', 'France Presse', 'AGENCE FRANCE-PRESSE'],
  Reuters: ['Reuters', 'REUTERS', 'Thomson Reuters'],
  AP: ['AP', 'Associated Press', 'The Associated Press', 'ASSOCIATED PRESS'],
  dpa: ['dpa', 'DPA', 'Deutsche Presse-Agentur'],
  EFE: ['EFE', 'Agencia EFE'],
  ANSA: ['ANSA'],
  Belga: ['Belga', 'BELGA'],
  ATS: ['ATS', 'Keystone-ATS', 'Keystone-SDA', 'SDA'],
  APA: ['APA'],
  Xinhua: ['Xinhua', 'XINHUA'],
  TASS: ['TASS', 'Tass', 'ITAR-TASS'],
  'RIA Novosti': ['RIA Novosti'],
  Interfax: ['Interfax'],
  Kyodo: ['Kyodo', 'Kyodo News'],
  Yonhap: ['Yonhap'],
  UPI: ['UPI'],
  'PA Media': ['PA Media', 'Press Association'],
  AAP: ['AAP'],
  'Canadian Press': ['The Canadian Press', 'Canadian Press'],
  'Europa Press': ['Europa Press'],
  Adnkronos: ['Adnkronos', 'ADNKRONOS'],
  askanews: ['askanews'],
  Anadolu: ['Anadolu', 'Anadolu Agency'],
  APS: ['APS'],
  MAP: ['MAP'],
  Ukrinform: ['Ukrinform'],
  RT: ['RT'],
  Sputnik: ['Sputnik'],
};

const BY_SPELLING = new Map<string, string>();
for (const [name, spellings] of Object.entries(AGENCIES)) for (const s of spellings) BY_SPELLING.set(s, name);

/** Longest spellings first, so "Agence France-Presse" wins over "France-Presse". */
const SPELLINGS = [...BY_SPELLING.keys()].sort((a, b) => b.length - a.length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regex source matching any spelling, case-insensitively (used inside patterns compiled with
 * the `i` flag); what it captures is then checked exactly with `agencyOf`.
 */
export const AGENCY_SOURCE = SPELLINGS.map(escape).join('|').replace(/ /g, '\\s+').replace(/-/g, '[-\\u2010\\u2011]');

/** The agency a spelling names, exactly as written (whitespace and hyphens folded: "France‑Presse"), or null. */
export function agencyOf(spelling: string): string | null {
  return BY_SPELLING.get(spelling.replace(/\s+/g, ' ').replace(/[\u2010\u2011]/g, '-').trim()) ?? null;
}

/** Every spelling with letter/digit boundaries, case-sensitive: for bylines, where any agency name is a credit. */
export const AGENCY_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${SPELLINGS.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
