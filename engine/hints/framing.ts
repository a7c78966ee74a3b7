import type { Hint, HintType, Span } from '../types';
import { TermKind, isContent, type TermHit } from '../facts/terms';
import { CONDITIONAL_ENDINGS, CONDITIONAL_EXCEPTIONS, HEDGES, LOADED } from './lexicon';
import { attribution, attributionHints } from './attribution';
import { MAX_PER_TYPE, empty, hint, phrases, readCached, toSpan, type Found, type Version } from './version';

/**
 * Concrete differences in how two versions tell one fact: who is credited and with which verb,
 * hedges, quotation, loaded words, numbers and dates, names, and clauses one version adds. Each
 * hint points at the words involved (offsets into the full texts); the side where the thing is
 * absent gets an empty span at the start of its passage. Rules and word lists only, nothing per
 * dispatch: the lists are engine/data/framing.json.
 */
export function framingHints(pageText: string, pageSpan: Span, sourceText: string, sourceSpan: Span, lang: string): Hint[] {
  const page = readCached(pageText, pageSpan, lang);
  const source = readCached(sourceText, sourceSpan, undefined);
  return [
    ...attributionHints(page, source),
    ...hedgingHints(page, source),
    ...quotationHints(page, source),
    ...presenceHints('loaded', page, source, loadedWords(page), loadedWords(source)),
    ...numberHints(page, source),
    ...entityHints(page, source),
    ...omissionHints(page, source),
  ];
}

// ---- hedging -----------------------------------------------------------------------------

const RELATIVES = new Set(['laquelle', 'lequel', 'lesquelles', 'lesquels']);

function hedges(v: Version): Found[] {
  return (v.hedges ??= readHedges(v));
}

function readHedges(v: Version): Found[] {
  // "selon laquelle" (the claim that) introduces a content, it does not hedge it.
  const out: Found[] = phrases(v, HEDGES)
    .filter((f) => !(f.key === 'selon' && RELATIVES.has(v.words[f.at + 1] ?? '')))
    .map(({ key, span }) => ({ key, span }));
  // French conditional mood (aurait, s'exposerait): a claim or a possibility, not a fact.
  for (let i = 0; i < v.words.length; i++) {
    const w = v.words[i];
    if (w.length < 6 || CONDITIONAL_EXCEPTIONS.has(w) || !CONDITIONAL_ENDINGS.some((e) => w.endsWith(e))) continue;
    if (out.some((f) => f.span.start === v.starts[i])) continue;
    out.push({ key: 'conditional', span: toSpan(v.text, v.starts[i], v.ends[i]) });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function hedgingHints(page: Version, source: Version): Hint[] {
  // "selon X" is a hedge, but one the attribution hints already show.
  const outsideCredits = (v: Version) => {
    const credits = attribution(v).credits;
    return hedges(v).filter((h) => !credits.some((c) => c.span.start <= h.span.start && h.span.end <= c.span.end));
  };
  const a = outsideCredits(page);
  const b = outsideCredits(source);
  const out: Hint[] = [];
  for (const h of a.filter((x) => !b.some((y) => y.key === x.key)).slice(0, MAX_PER_TYPE)) {
    out.push(hint('hedging', h.span, empty(source), 'hedge-only-page', { word: h.span.text },
      `The page hedges with "${h.span.text}"; the other version states it without this reserve.`));
  }
  for (const h of b.filter((x) => !a.some((y) => y.key === x.key)).slice(0, MAX_PER_TYPE)) {
    out.push(hint('hedging', empty(page), h.span, 'hedge-only-source', { word: h.span.text },
      `The other version hedges with "${h.span.text}"; the page states it without this reserve.`));
  }
  return out;
}

// ---- quotation ---------------------------------------------------------------------------

function quoteWords(v: Version, q: Span): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < v.words.length; i++) if (v.starts[i] > q.start && v.ends[i] < q.end) out.add(v.words[i]);
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return a.size + b.size - shared ? shared / (a.size + b.size - shared) : 0;
}

/** Words of the version outside any quotation. */
function unquotedWords(v: Version): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < v.words.length; i++) if (!v.quoted[i]) out.add(v.words[i]);
  return out;
}

function quotationHints(page: Version, source: Version): Hint[] {
  const out: Hint[] = [];
  const compare = (from: Version, to: Version, side: 'page' | 'source') => {
    const other = side === 'page' ? 'the other version' : 'the page';
    const self = side === 'page' ? 'The page' : 'The other version';
    const toUnquoted = unquotedWords(to);
    for (const q of from.quotes.slice(0, MAX_PER_TYPE)) {
      const words = quoteWords(from, q);
      if (!words.size) continue;
      const best = to.quotes.map((r) => ({ r, score: overlap(words, quoteWords(to, r)) })).sort((x, y) => y.score - x.score)[0];
      if (best && best.score >= 0.6) continue;
      const stated = [...words].filter((w) => toUnquoted.has(w)).length / words.size;
      const [p, s] = side === 'page' ? [q, best?.r ?? empty(to)] : [best?.r ?? empty(to), q];
      if (best && best.score > 0.15 && side === 'page') {
        out.push(hint('quotation', p, s, 'quote-words-differ', { page: p.text, source: s.text },
          `Both versions quote, in different words: ${p.text} / ${s.text}.`));
      } else if (!best || best.score <= 0.15) {
        const code = stated >= 0.5 ? `quoted-only-${side}` : `quote-only-${side}`;
        const note = stated >= 0.5 ? `${self} quotes ${q.text}; ${other} states it as fact.` : `${self} quotes ${q.text}; ${other} has no such quotation.`;
        out.push(hint('quotation', side === 'page' ? q : empty(page), side === 'page' ? empty(source) : q, code, { quote: q.text }, note));
      }
    }
  };
  compare(page, source, 'page');
  compare(source, page, 'source');
  return out;
}

// ---- loaded words, numbers, entities ---------------------------------------------------------

/** Loaded words that are not hedges too ("prétendument", "allegedly" are told as hedges). */
function loadedWords(v: Version): Found[] {
  const hedged = hedges(v);
  return phrases(v, LOADED).filter((f) => !hedged.some((h) => h.span.start < f.span.end && f.span.start < h.span.end));
}

function presenceHints(type: HintType, page: Version, source: Version, a: Found[], b: Found[]): Hint[] {
  const out: Hint[] = [];
  const label = type === 'loaded' ? 'loaded word' : type;
  for (const f of a.filter((x) => !b.some((y) => y.key === x.key)).slice(0, MAX_PER_TYPE)) {
    out.push(hint(type, f.span, empty(source), `${type}-only-page`, { word: f.span.text }, `Only the page uses the ${label} "${f.span.text}".`));
  }
  for (const f of b.filter((x) => !a.some((y) => y.key === x.key)).slice(0, MAX_PER_TYPE)) {
    out.push(hint(type, empty(page), f.span, `${type}-only-source`, { word: f.span.text }, `Only the other version uses the ${label} "${f.span.text}".`));
  }
  return out;
}

const NUMBER_KINDS: ReadonlySet<number> = new Set([TermKind.Number, TermKind.DayMonth, TermKind.Weekday, TermKind.Year]);

function termsOf(v: Version, keep: (h: TermHit) => boolean): Found[] {
  const seen = new Set<string>();
  const out: Found[] = [];
  for (const h of v.hits) {
    if (!keep(h) || seen.has(h.key)) continue;
    seen.add(h.key);
    out.push({ key: h.key, span: toSpan(v.text, h.start, h.end) });
  }
  return out;
}

/** Term keys start with their kind: n: numbers; d:, w:, y: dates. */
function kindWord(f: Found): 'number' | 'date' {
  return f.key.startsWith('n:') ? 'number' : 'date';
}

function numberHints(page: Version, source: Version): Hint[] {
  const a = termsOf(page, (h) => NUMBER_KINDS.has(h.kind));
  const b = termsOf(source, (h) => NUMBER_KINDS.has(h.kind));
  const onlyA = a.filter((x) => !b.some((y) => y.key === x.key));
  const onlyB = b.filter((x) => !a.some((y) => y.key === x.key));
  const out: Hint[] = [];
  // A number on each side of the same kind, neither found in the other: the versions disagree.
  while (onlyA.length && onlyB.length && out.length < MAX_PER_TYPE) {
    const x = onlyA[0];
    const j = onlyB.findIndex((y) => kindWord(y) === kindWord(x));
    if (j < 0) break;
    const y = onlyB.splice(j, 1)[0];
    onlyA.shift();
    out.push(hint('numbers', x.span, y.span, `${kindWord(x)}-differs`, { page: x.span.text, source: y.span.text },
      `The page says "${x.span.text}"; the other version says "${y.span.text}".`));
  }
  for (const x of onlyA.slice(0, MAX_PER_TYPE)) {
    out.push(hint('numbers', x.span, empty(source), `${kindWord(x)}-only-page`, { word: x.span.text }, `Only the page gives "${x.span.text}".`));
  }
  for (const y of onlyB.slice(0, MAX_PER_TYPE)) {
    out.push(hint('numbers', empty(page), y.span, `${kindWord(y)}-only-source`, { word: y.span.text }, `Only the other version gives "${y.span.text}".`));
  }
  return out;
}

/** An article before a name ("la Russie", "l'Ukraine", "the Kremlin"): not part of the name. */
const NAME_ARTICLE_RE = /^(?:(?:la|le|les|the)\s+|l['’])/iu;
/** A compass direction, with or without "vers": a direction, not a name ("vers l'Est"). */
const DIRECTION_RE = /^(?:vers\s+|towards?\s+)?(?:l['’]|the\s+)?(?:est|ouest|nord|sud|east|west|north|south)$/iu;

/**
 * The name a hint shows: without its article, and none at all for a direction or a word that
 * starts lower case (a common noun or an adjective, "américain"), which names no one.
 */
export function nameSpan(span: Span): Span | null {
  const article = NAME_ARTICLE_RE.exec(span.text);
  const name = article ? { start: span.start + article[0].length, end: span.end, text: span.text.slice(article[0].length) } : span;
  if (!/^\p{Lu}/u.test(name.text) || DIRECTION_RE.test(span.text) || DIRECTION_RE.test(name.text)) return null;
  return name;
}

function entityHints(page: Version, source: Version): Hint[] {
  const isEntity = (h: TermHit) => h.kind === TermKind.Entity;
  // A name the attribution hints already show (who is credited) is not told twice.
  const credited = (v: Version, span: Span) => attribution(v).credits.some((c) => c.span.start <= span.start && span.end <= c.span.end);
  return presenceHints('entities', page, source, termsOf(page, isEntity), termsOf(source, isEntity))
    .filter((h) => (h.page.text ? !credited(page, h.page) : !credited(source, h.source)))
    .flatMap((h) => {
      const onPage = h.code === 'entities-only-page';
      const name = nameSpan(onPage ? h.page : h.source);
      if (!name) return [];
      return [
        {
          ...h,
          ...(onPage ? { page: name } : { source: name }),
          params: { ...h.params, word: name.text },
          code: onPage ? 'entity-only-page' : 'entity-only-source',
          note: onPage ? `Only the page names "${name.text}".` : `Only the other version names "${name.text}".`,
        },
      ];
    });
}

// ---- omission ----------------------------------------------------------------------------

const CLAUSE_BREAK_RE = /[,;:()–—]|\s(?:et|mais|qui|dont|alors que|tandis que|and|but|which|while|whereas)\s/gu;
/** Content terms a clause must have, none shared with the other version, to count as added. */
const MIN_CLAUSE_TERMS = 3;

function clauses(v: Version): Span[] {
  const out: Span[] = [];
  const local = v.text.slice(v.span.start, v.span.end);
  let from = 0;
  for (const m of local.matchAll(CLAUSE_BREAK_RE)) {
    // A comma inside a quotation does not end the clause that quotes it.
    const at = v.span.start + m.index;
    if (v.quotes.some((q) => q.start < at && at < q.end)) continue;
    out.push(toSpan(v.text, v.span.start + from, v.span.start + m.index));
    from = m.index + m[0].length;
  }
  out.push(toSpan(v.text, v.span.start + from, v.span.end));
  return out.map((c) => trim(v.text, c)).filter((c) => c.end > c.start);
}

function trim(text: string, s: Span): Span {
  const lead = s.text.length - s.text.trimStart().length;
  const t = s.text.trim().replace(/[\s.!?»”"]+$/u, '');
  return toSpan(text, s.start + lead, s.start + lead + t.length);
}

function omissionHints(page: Version, source: Version): Hint[] {
  const keys = (v: Version) => new Set(v.hits.filter((h) => isContent(h.kind) || h.kind === TermKind.Entity).map((h) => h.key));
  const pageKeys = keys(page);
  const sourceKeys = keys(source);
  const out: Hint[] = [];
  const added = (v: Version, other: Set<string>) =>
    clauses(v).filter((c) => {
      const inClause = v.hits.filter((h) => isContent(h.kind) && h.start >= c.start && h.end <= c.end);
      return inClause.length >= MIN_CLAUSE_TERMS && inClause.every((h) => !other.has(h.key));
    });
  for (const c of added(page, sourceKeys).slice(0, 2)) {
    out.push(hint('omission', c, empty(source), 'clause-only-page', { text: c.text }, `Only the page adds: "${c.text}".`));
  }
  for (const c of added(source, pageKeys).slice(0, 2)) {
    out.push(hint('omission', empty(page), c, 'clause-only-source', { text: c.text }, `Only the other version adds: "${c.text}".`));
  }
  return out;
}
