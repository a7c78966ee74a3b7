import { AGENCY_SOURCE, AGENCY_WORD, agencyOf } from './agencies';

/**
 * How the page credits an agency:
 * - dateline: a paragraph opening "PARIS (AFP) -", "KIEV, 7 déc (Reuters) -", "(AP) —";
 * - credit-line: a line of its own or the close of the text: "avec AFP", "Par Le Figaro avec AFP",
 *   "Source : AFP", "© AFP", "(Belga)", "AFP/Belga", "… dernière phrase. (AFP)", "The Associated
 *   Press contributed to this report.", Reuters' "(Reporting by …; Editing by …)";
 * - byline: the page's author field names the agency ("Reuters", "By Jane Doe, Associated Press").
 */
export type CreditKind = 'dateline' | 'credit-line' | 'byline';

/** Where the credit sits: the first paragraphs, the last ones, between them, or the byline field. */
export type CreditPlace = 'start' | 'end' | 'inside' | 'byline';

export interface Credit {
  agency: string;
  kind: CreditKind;
  place: CreditPlace;
  /** Offsets of the credit in the text (in the byline for place 'byline'). */
  start: number;
  end: number;
  text: string;
}

/** A list of agencies: "AFP", "AFP et Reuters", "AFP/Belga", "AFP, Reuters and AP". */
const LIST = `(?:${AGENCY_SOURCE})(?:\\s*(?:,|/|&|\\+|\\bet\\b|\\band\\b|\\bwith\\b)\\s*(?:l['’]\\s*)?(?:${AGENCY_SOURCE}))*`;
const DASH = '[-‐‑–—―:]';
const OPEN = `[(\\[]?\\s*`;
const CLOSE = `\\s*[)\\]]?\\s*\\.?`;

/** Opening of a paragraph: place and date (no parentheses, at most 90 characters), (AGENCIES), dash. */
const DATELINE = new RegExp(`^([^()\\n]{0,90}?)\\(\\s*(${LIST})\\s*\\)\\s*\\.?\\s*${DASH}`, 'diu');

/** A paragraph opening on the agency alone, without a dash: "(Keystone-ATS) La radiotelevisione…". */
const BARE_DATELINE = new RegExp(`^()\\(\\s*(${LIST})\\s*\\)\\s+(?=\\p{Lu})`, 'diu');

/** A byline's date after the credit: "…avec AFP, publié le 07/12/2021 à 19h30", "…avec AFP Le 7 décembre 2021 à 10h30". */
const DATE_TAIL = `(?:\\s*[-–—|,]?\\s*(?:(?:publié|mis à jour|modifié|updated|published|posted)(?!\\p{L})[^()\\n]{0,60}|le\\s+\\d[^()\\n]{0,50}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}[^()\\n]{0,20}))?`;

/** Lines that credit wherever they stand in the first or last paragraphs. */
const BYLINE_LINES = [
  new RegExp(`^${OPEN}(?:avec|with)\\s+(?:l['’]\\s*)?(${LIST})${CLOSE}$`, 'diu'),
  new RegExp(`^(?:par|by)\\s+(${LIST})(?:\\s+(?:staff|rédaction))?${DATE_TAIL}\\s*\\.?$`, 'diu'),
  new RegExp(`^(?:par|by)\\s+[^!?()\\n]{1,80}?(?:\\s*,\\s*|\\s+(?:avec|with|pour|for)\\s+(?:l['’]\\s*)?|\\s+)(${LIST})${DATE_TAIL}\\s*\\.?$`, 'diu'),
  new RegExp(`^[^!?()\\n,]{1,60}?\\s+(?:avec|with)\\s+(${LIST})${DATE_TAIL}\\s*\\.?$`, 'diu'),
  // "Le Point.fr (avec AFP)"
  new RegExp(`^[^!?()\\n,]{1,60}?\\s*\\(\\s*(?:avec|with)\\s+(${LIST})\\s*\\)${DATE_TAIL}\\s*\\.?$`, 'diu'),
  new RegExp(`^${OPEN}sources?\\s*:?\\s*(${LIST})${CLOSE}$`, 'diu'),
];

/** "Associated Press writer Jane Doe contributed to this report.", "Reuters contributed to this story." */
const CONTRIBUTED = new RegExp(
  `^(?:the\\s+)?(${LIST})(?:\\s+(?:writers?|reporters?|correspondents?|journalists?|staff))?(?:\\s[^!?()\\n]{0,200}?)?\\s+contributed(?:\\s+(?:to\\s+)?(?:this|the)\\s+(?:report|story|article))?\\.?$`,
  'diu',
);

/**
 * Reuters signs its copy off "(Reporting by …; Editing by …)", naming its journalists but not
 * itself; another outlet's republication keeps the sign-off. No other agency writes it so.
 */
const REUTERS_SIGN_OFF = /\((?:additional\s+)?(?:reporting|writing|compiled|editing)\s+by\s[^()]{1,400}\)\s*\.?$/diu;

/**
 * Lines that credit only at the end of the text: under a lead photo, "© AFP" or "(Reuters)" is a
 * photo credit, not the text's.
 */
const END_LINES = [
  CONTRIBUTED,
  new RegExp(`^(?:©|\\(c\\)|copyright)\\s*(?:©\\s*)?(?:\\d{4}\\s*)?(${LIST})(?:\\s*\\d{4})?(?:\\s*[.,-]?\\s*(?:all rights reserved|tous droits réservés))?\\s*\\.?$`, 'diu'),
  new RegExp(`^${OPEN}(?:[-‐–—―]\\s*)?(${LIST})${CLOSE}$`, 'diu'),
];

/** The close of the last paragraphs: "… sentence. (AFP)", "… sentence. (avec AFP)", "… sentence. — Reuters". */
const TRAILING = [
  new RegExp(`[.!?»”"…]\\s*[(\\[]\\s*(?:(?:avec|with|sources?\\s*:?)\\s+(?:l['’]\\s*)?)?(${LIST})\\s*[)\\]]\\s*\\.?$`, 'diu'),
  new RegExp(`[.!?»”"…]\\s+(?:[-–—―]\\s*|(?:avec|with|sources?\\s*:?)\\s+)(${LIST})\\s*\\.?$`, 'diu'),
];

const ANY_AGENCY = new RegExp(AGENCY_SOURCE, 'giu');

/** The agencies of a matched list, each checked with its exact spelling; null if one is not an agency ("ap", "Dpa"). */
function agenciesIn(list: string, at: number): { agency: string; start: number; end: number; text: string }[] | null {
  const found = [];
  for (const m of list.matchAll(ANY_AGENCY)) {
    const agency = agencyOf(m[0]);
    if (!agency) return null;
    found.push({ agency, start: at + m.index, end: at + m.index + m[0].length, text: m[0] });
  }
  return found.length > 0 ? found : null;
}

/** A place and date before "(AFP)": a few words, not the end of a sentence ("… dit-il. Paris (AFP)"). */
function looksLikePlace(prefix: string): boolean {
  if (prefix.split(/\s+/).filter(Boolean).length > 10) return false;
  if (/[«»“”"]/.test(prefix)) return false;
  return !/\p{Ll}{3,}[.!?]\s+\p{Lu}/u.test(prefix);
}

interface Paragraph {
  start: number;
  text: string;
}

function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    // Rules ("---") and bare links close some copies after the credit; they are not the text's end.
    if (/\p{L}/u.test(m[0]) && !/^\s*<?https?:\/\/\S*>?\s*$/.test(m[0])) out.push({ start: m.index, text: m[0] });
  }
  return out;
}

/** Enough paragraphs for any article: a hostile page cannot make the scan long. */
const MAX_PARAGRAPHS = 3000;
/** A credit line is short; a longer paragraph is prose. */
const MAX_LINE = 160;

function pushAll(out: Credit[], list: string, listAt: number, kind: CreditKind, place: CreditPlace): boolean {
  const agencies = agenciesIn(list, listAt);
  if (!agencies) return false;
  for (const a of agencies) out.push({ ...a, kind, place });
  return true;
}

/** Match `re` on a trimmed line; on success, credit each agency of its first group. */
function creditLine(out: Credit[], line: string, lineAt: number, res: RegExp[], place: CreditPlace): boolean {
  for (const re of res) {
    const m = re.exec(line);
    if (!m || m[1] === undefined) continue;
    if (pushAll(out, m[1], lineAt + m.indices![1][0], 'credit-line', place)) return true;
  }
  return false;
}

/**
 * The agencies a page credits for its text, with where each credit sits. A mention inside the prose
 * ("a déclaré à l'AFP", "as Reuters reported", "selon l'AFP") is a source of information, not a
 * credit, and is never returned; nor are photo credits ("Photo : AP/Michael Dwyer", "(John
 * Minchillo / AP)", a "(Reuters)" closing a caption between paragraphs).
 */
export function findCredits(text: string, byline?: string): Credit[] {
  const out: Credit[] = [];
  const paragraphs = paragraphsOf(text);
  const n = paragraphs.length;
  const half = text.length / 2;
  // The opening paragraphs and the closing ones: a hostile page's thousands in between are not read.
  const read = n <= MAX_PARAGRAPHS ? paragraphs.map((_, i) => i) : [...Array(MAX_PARAGRAPHS).keys(), n - 3, n - 2, n - 1];
  read.forEach((i) => {
    const p = paragraphs[i];
    // A dateline opens the article even below a headline, a standfirst or a list of key points.
    const opensArticle = i < 3 || p.start < 600;
    // The last paragraph is the end even in a short text; a lone paragraph is both start and end.
    const isLast = i === n - 1;
    const inStart = i < 3 && p.start < half && !(isLast && n > 1);
    const inEnd = i >= n - 3 && (p.start >= half || isLast);
    const lead = p.text.length - p.text.trimStart().length;
    const head = p.text.slice(lead, lead + 200);
    const dateline = DATELINE.exec(head) ?? BARE_DATELINE.exec(head);
    if (dateline && looksLikePlace(dateline[1])) {
      pushAll(out, dateline[2], p.start + lead + dateline.indices![2][0], 'dateline', opensArticle ? 'start' : 'inside');
    }
    if (!inStart && !inEnd) return;
    const line = p.text.trim();
    const lineAt = p.start + lead;
    if (line.length <= MAX_LINE) {
      if (creditLine(out, line, lineAt, BYLINE_LINES, inStart ? 'start' : 'end')) return;
      if (inEnd && creditLine(out, line, lineAt, END_LINES, 'end')) return;
    }
    if (inEnd) {
      const tail = line.slice(-MAX_LINE);
      if (creditLine(out, tail, lineAt + line.length - tail.length, TRAILING, 'end')) return;
      const signOff = REUTERS_SIGN_OFF.exec(line.slice(-500));
      if (signOff) {
        const start = lineAt + line.length - Math.min(line.length, 500) + signOff.index;
        out.push({ agency: 'Reuters', kind: 'credit-line', place: 'end', start, end: start + signOff[0].length, text: signOff[0] });
      }
    }
  });
  if (byline) {
    const field = byline.slice(0, 300);
    for (const m of field.matchAll(AGENCY_WORD)) {
      const agency = agencyOf(m[0]);
      if (agency) out.push({ agency, kind: 'byline', place: 'byline', start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return out;
}

/**
 * True when a whole line only credits agencies ("Par Le Figaro avec AFP", "(avec AFP)", "© AFP",
 * "Source : Reuters"): a line to leave out of the article's text, not prose.
 */
export function isCreditLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LINE) return false;
  const out: Credit[] = [];
  return creditLine(out, trimmed, 0, BYLINE_LINES, 'start') || creditLine(out, trimmed, 0, END_LINES, 'end');
}

/** Each credited agency once, in the order the page first credits it. */
export function creditedAgencies(credits: Credit[]): string[] {
  return [...new Set(credits.map((c) => c.agency))];
}
