import { agencyOf } from '../credits';
import { leadHours, publicationSpan, type TimeSpan } from './time';
import type { Confidence, OriginInference, PassageCopy, Reason } from './types';

/** A copy out an hour before the others is evidence it came first; closer than that, clocks and updates blur it. */
export const LEAD_HOURS = 1;

interface Copy {
  index: number;
  copy: PassageCopy;
  span: TimeSpan;
  dated: boolean;
  /** Agencies this copy credits; strong ones by a whole copy at its start, end or byline. */
  strong: Set<string>;
  weak: Set<string>;
}

function prepare(copies: PassageCopy[]): Copy[] {
  return copies.map((copy, index) => {
    const strong = new Set<string>();
    const weak = new Set<string>();
    for (const credit of copy.credits) {
      if (copy.whole && credit.place !== 'inside') strong.add(credit.agency);
      else weak.add(credit.agency);
    }
    // An agency's own copy (its site, its wire) credits itself.
    const self = agencyOf(copy.outlet);
    if (self) (copy.whole ? strong : weak).add(self);
    for (const agency of strong) weak.delete(agency);
    const span = publicationSpan(copy.published, copy.read);
    return { index, copy, span, dated: span.lo > -Infinity, strong, weak };
  });
}

const credits = (c: Copy, agency: string) => c.strong.has(agency) || c.weak.has(agency);
const before = (a: Copy, b: Copy) => leadHours(a.span, b.span) >= LEAD_HOURS;

interface Timing {
  /** The copy certainly published first, by LEAD_HOURS at least, if any. */
  earliest: Copy | null;
  reasons: Reason[];
}

/** Which copy came first, and when that cannot be told, why not. */
function timing(copies: Copy[]): Timing {
  if (copies.length < 2) return { earliest: null, reasons: [] };
  for (const c of copies) {
    const others = copies.filter((o) => o !== c);
    if (others.every((o) => before(c, o))) {
      const lead = Math.min(...others.map((o) => leadHours(c.span, o.span)));
      const date = c.copy.published ?? c.copy.read ?? '';
      const reasons: Reason[] = [{ kind: 'earliest', outlet: c.copy.outlet, date, leadHours: Math.round(lead * 10) / 10 }];
      if (!c.copy.whole) reasons.push({ kind: 'earliest-is-part', outlet: c.copy.outlet });
      return { earliest: c, reasons };
    }
  }
  // The copies that may have come first: none is certainly preceded by another.
  const first = copies.filter((c) => !copies.some((o) => o !== c && before(o, c)));
  const reasons: Reason[] = [];
  const undated = first.filter((c) => !c.dated).map((c) => c.copy.outlet);
  const dated = first.filter((c) => c.dated).map((c) => c.copy.outlet);
  if (dated.length > 1) reasons.push({ kind: 'same-time', outlets: unique(dated) });
  if (undated.length > 0) reasons.push({ kind: 'dates-missing', outlets: unique(undated) });
  return { earliest: null, reasons };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The outlets from the earliest copy on (by earliest possible publication; undated ones last). */
function chainOf(origin: string | null, copies: Copy[]): string[] {
  const ordered = [...copies].sort((a, b) => {
    const ka = a.dated ? a.span.lo : Infinity;
    const kb = b.dated ? b.span.lo : Infinity;
    return ka !== kb ? ka - kb : a.span.hi !== b.span.hi ? a.span.hi - b.span.hi : a.index - b.index;
  });
  return unique([...(origin ? [origin] : []), ...ordered.map((c) => c.copy.outlet)]);
}

/**
 * The copies that keep a credit of `agency` from being stated: uncredited ones that came, or may
 * have come, before every copy crediting it.
 */
function doubts(agency: string, copies: Copy[]): Reason[] {
  const crediting = copies.filter((c) => c.strong.has(agency));
  const reasons: Reason[] = [];
  const undated: string[] = [];
  for (const n of copies) {
    if (credits(n, agency)) continue;
    // Fine when some crediting copy is known to be out no later than this one.
    if (crediting.some((c) => leadHours(c.span, n.span) >= 0)) continue;
    if (n.dated && crediting.every((c) => before(n, c))) reasons.push({ kind: 'earlier-uncredited', outlet: n.copy.outlet, agency });
    else if (!n.dated) undated.push(n.copy.outlet);
    else reasons.push({ kind: 'same-time', outlets: unique([n.copy.outlet, ...crediting.map((c) => c.copy.outlet)]) });
  }
  if (undated.length > 0) reasons.push({ kind: 'dates-missing', outlets: unique(undated) });
  return reasons;
}

function result(origin: string | null, confidence: Confidence, copies: Copy[], reasons: Reason[]): OriginInference {
  return { origin: confidence === 'unknown' ? null : origin, confidence, chain: chainOf(confidence === 'unknown' ? null : origin, copies), reasons };
}

/**
 * Who most likely wrote a passage first, from its copies: what they credit and when they came out.
 * A credited agency (or the agency's own copy) is strong evidence; a copy out hours before the
 * others is evidence; the answer is never firmer than the evidence. Two copies crediting different
 * agencies, an earlier copy crediting nobody, or missing dates make it 'likely' at most, or 'unknown'.
 */
export function inferOrigin(input: PassageCopy[]): OriginInference {
  const copies = prepare(input);
  if (copies.length === 0) return result(null, 'unknown', copies, [{ kind: 'no-evidence' }]);
  const time = timing(copies);
  const agencies = unique(copies.flatMap((c) => [...c.strong, ...c.weak]));
  const score = (a: string) => copies.reduce((s, c) => s + (c.strong.has(a) ? 2 : c.weak.has(a) ? 1 : 0), 0);
  agencies.sort((a, b) => score(b) - score(a));
  const credited: Reason[] = agencies.map((agency) => ({
    kind: 'credited',
    agency,
    outlets: unique(copies.filter((c) => credits(c, agency)).map((c) => c.copy.outlet)),
    weak: !copies.some((c) => c.strong.has(agency)),
  }));

  if (agencies.length === 0) {
    // Nothing credited: only time speaks, and it can only make an outlet likely.
    if (time.earliest) return result(time.earliest.copy.outlet, 'likely', copies, time.reasons);
    return result(null, 'unknown', copies, time.reasons.length > 0 ? time.reasons : [{ kind: 'no-evidence' }]);
  }

  if (agencies.length === 1) {
    const agency = agencies[0];
    const strong = copies.some((c) => c.strong.has(agency));
    const doubt = strong ? doubts(agency, copies) : [];
    const confidence: Confidence = strong && doubt.length === 0 ? 'stated' : 'likely';
    return result(agency, confidence, copies, [...credited, ...doubt, ...time.reasons.filter((r) => r.kind === 'earliest')]);
  }

  // Several agencies: the one more copies credit, else the one the first copy credits, is likely.
  const conflict: Reason = { kind: 'credits-conflict', agencies: [...agencies] };
  const top = agencies.filter((a) => score(a) === score(agencies[0]));
  let origin: string | null = top.length === 1 ? top[0] : null;
  if (!origin && time.earliest) {
    const firstCredits = top.filter((a) => credits(time.earliest!, a));
    if (firstCredits.length === 1) origin = firstCredits[0];
  }
  return result(origin, origin ? 'likely' : 'unknown', copies, [...credited, conflict, ...time.reasons]);
}
