import type { Hint } from '../types';
import { TermKind } from '../facts/terms';
import { CREDIT_MARKERS, PRONOUNS, REPORTING_VERBS, STANCE_RANK, VAGUE_CREDITS } from './lexicon';
import { empty, hint, phrases, toSpan, type Attribution, type Credit, type Verb, type Version } from './version';

/** How far after a credit marker or an incise verb, in words, the credited name may stand. */
const NEAR_WORDS = 6;

/** Who a version credits (named or vague) and with which reporting verbs; read once per version. */
export function attribution(v: Version): Attribution {
  return (v.attribution ??= readAttribution(v));
}

function readAttribution(v: Version): Attribution {
  const credits: Credit[] = [];
  for (const m of phrases(v, VAGUE_CREDITS, true)) credits.push({ key: 'vague', span: m.span, vague: true });
  for (const m of phrases(v, CREDIT_MARKERS, true)) {
    if (credits.some((c) => c.span.start === m.span.start)) continue;
    const who = entityNear(v, m.at + m.length, m.at + m.length + NEAR_WORDS);
    if (who) credits.push({ key: who.key, span: toSpan(v.text, m.span.start, who.end), vague: false });
  }
  const verbs: Verb[] = [];
  for (const m of phrases(v, REPORTING_VERBS, true)) {
    verbs.push({ key: m.key, span: m.span, stance: m.value });
    // An incise (", a déclaré le Kremlin", ", said the Kremlin") names the speaker after the verb;
    // otherwise the speaker is the subject, the first name of the clause before the verb.
    // A passive ("accusé par les Occidentaux", "accused by Kyiv") names the speaker after "par"/"by".
    const after = m.at + m.length;
    const passive = after < v.words.length && (v.words[after] === 'par' || v.words[after] === 'by');
    const who = passive
      ? entityNear(v, after + 1, after + 1 + NEAR_WORDS)
      : isIncise(v, m.at)
        ? entityNear(v, after, after + 3)
        : subjectOf(v, m.at);
    if (who && !credits.some((c) => c.key === who.key)) {
      credits.push({ key: who.key, span: toSpan(v.text, who.start, who.end), vague: who.key === 'vague' });
    } else if (!who && m.at > 0 && PRONOUNS.has(v.words[m.at - 1])) {
      credits.push({ key: 'vague', span: toSpan(v.text, v.starts[m.at - 1], v.ends[m.at - 1]), vague: true });
    }
  }
  credits.sort((a, b) => a.span.start - b.span.start);
  return { credits, verbs };
}

function entityNear(v: Version, fromWord: number, toWord: number): { key: string; start: number; end: number } | null {
  if (fromWord >= v.words.length) return null;
  if (PRONOUNS.has(v.words[fromWord])) return { key: 'vague', start: v.starts[fromWord], end: v.ends[fromWord] };
  const from = v.starts[fromWord];
  const to = v.ends[Math.min(toWord, v.words.length) - 1];
  const e = v.hits.find((h) => h.kind === TermKind.Entity && h.start >= from && h.end <= to);
  return e ? { key: e.key, start: e.start, end: e.end } : null;
}

const AUXILIARIES = new Set(['a', 'ont', 'avait', 'avaient', 'aurait', 'auraient', 'has', 'have', 'had']);
const CLAUSE_MARK_RE = /[,;:«»"“”()–—]/;

/** True when the verb (with its auxiliary) follows a comma or a closing quote: "…", a dit X. */
function isIncise(v: Version, verbWord: number): boolean {
  let i = verbWord;
  if (i > 0 && AUXILIARIES.has(v.words[i - 1])) i--;
  const before = v.text.slice(i > 0 ? v.ends[i - 1] : v.span.start, v.starts[i]);
  return i === 0 ? false : CLAUSE_MARK_RE.test(before);
}

/** The subject of a reporting verb: the first name of its clause, within a few words before it. */
function subjectOf(v: Version, verbWord: number): { key: string; start: number; end: number } | null {
  const to = v.starts[verbWord];
  let from = v.starts[Math.max(0, verbWord - 3 * NEAR_WORDS)];
  const local = v.text.slice(from, to);
  let cut = -1;
  for (let i = local.length - 1; i >= 0; i--) {
    if (CLAUSE_MARK_RE.test(local[i])) {
      cut = i;
      break;
    }
  }
  if (cut >= 0) from += cut + 1;
  const e = v.hits.find((h) => h.kind === TermKind.Entity && h.start >= from && h.end <= to);
  if (e) return { key: e.key, start: e.start, end: e.end };
  return null;
}

function strongest(verbs: readonly Verb[]): Verb | null {
  let best: Verb | null = null;
  for (const verb of verbs) if (!best || STANCE_RANK[verb.stance] > STANCE_RANK[best.stance]) best = verb;
  return best;
}

function creditLabel(c: Credit): string {
  return c.span.text;
}

export function attributionHints(page: Version, source: Version): Hint[] {
  const a = attribution(page);
  const b = attribution(source);
  const out: Hint[] = [];
  const pc = a.credits[0];
  const sc = b.credits[0];
  if (pc && sc && !a.credits.some((c) => b.credits.some((d) => d.key === c.key))) {
    out.push(
      hint('attribution', pc.span, sc.span, 'credit-differs', { page: creditLabel(pc), source: creditLabel(sc) },
        `The page credits "${creditLabel(pc)}"; the other version credits "${creditLabel(sc)}".`),
    );
  } else if (pc && !sc) {
    out.push(hint('attribution', pc.span, empty(source), 'credit-only-page', { page: creditLabel(pc) },
      `The page credits "${creditLabel(pc)}"; the other version credits no one.`));
  } else if (sc && !pc) {
    out.push(hint('attribution', empty(page), sc.span, 'credit-only-source', { source: creditLabel(sc) },
      `The other version credits "${creditLabel(sc)}"; the page credits no one.`));
  }
  const pv = strongest(a.verbs);
  const sv = strongest(b.verbs);
  if (pv && sv && pv.stance !== sv.stance) {
    out.push(
      hint('attribution', pv.span, sv.span, 'verb-stance-differs', { page: pv.span.text, source: sv.span.text, pageStance: pv.stance, sourceStance: sv.stance },
        `The page reports it with "${pv.span.text}" (${pv.stance}); the other version with "${sv.span.text}" (${sv.stance}).`),
    );
  } else if (pv && !sv && pv.stance !== 'neutral') {
    out.push(hint('attribution', pv.span, empty(source), 'verb-only-page', { page: pv.span.text, pageStance: pv.stance },
      `The page reports it with "${pv.span.text}" (${pv.stance}); the other version uses no such verb.`));
  } else if (sv && !pv && sv.stance !== 'neutral') {
    out.push(hint('attribution', empty(page), sv.span, 'verb-only-source', { source: sv.span.text, sourceStance: sv.stance },
      `The other version reports it with "${sv.span.text}" (${sv.stance}); the page uses no such verb.`));
  }
  return out;
}

