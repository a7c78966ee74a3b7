import type { Unit } from '../../fixtures/spliced';
import type { Coverage } from './page';

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

const SIGNIFICANT = /[\p{L}\p{N}]/u;
/** Edited units may leave this share of their letters and digits unhighlighted (a changed word at a passage edge). */
export const EDITED_MIN_COVERAGE = 0.9;

function collapseWithMarks(text: string, marks: string): { text: string; marks: string } {
  let t = '';
  let m = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/u.test(text[i])) {
      if (t.endsWith(' ')) continue;
      t += ' ';
    } else t += text[i];
    m += marks[i];
  }
  return { text: t, marks: m };
}

/** The highlight marks over a unit's text on the page ('0', 'v', 'e', 'b' per collapsed char), or null if absent. */
export function marksOf(coverage: Coverage, unit: Unit): string | null {
  const { text, marks } = collapseWithMarks(coverage.text, coverage.marks);
  const wanted = collapse(unit.text);
  const at = text.indexOf(wanted);
  return at < 0 ? null : marks.slice(at, at + wanted.length);
}

function snippet(text: string, from: number, to: number): string {
  return JSON.stringify(text.slice(Math.max(0, from - 20), Math.min(text.length, to + 20)));
}

/**
 * Checks highlight coverage against the units a page is known to reuse:
 * - every letter and digit of a verbatim unit is highlighted, and at least 90% of an edited unit's;
 * - no letter or digit outside the units is highlighted;
 * - with `strictKinds`, verbatim units carry only the verbatim highlight and edited units some edited highlight.
 * Returns the problems found (empty when all hold).
 */
export function coverageProblems(coverage: Coverage, units: Unit[], strictKinds: boolean): string[] {
  const { text, marks } = collapseWithMarks(coverage.text, coverage.marks);
  const problems: string[] = [];
  const inside = new Uint8Array(text.length);
  for (const unit of units) {
    const wanted = collapse(unit.text);
    const at = text.indexOf(wanted);
    if (at < 0) {
      problems.push(`${unit.label}: fixture text not found on the page`);
      continue;
    }
    if (text.indexOf(wanted, at + 1) >= 0) problems.push(`${unit.label}: fixture text occurs twice on the page`);
    inside.fill(1, at, at + wanted.length);
    let total = 0;
    let covered = 0;
    let verbatim = 0;
    let edited = 0;
    const missing: number[] = [];
    for (let i = at; i < at + wanted.length; i++) {
      if (!SIGNIFICANT.test(text[i])) continue;
      total++;
      const m = marks[i];
      if (m !== '0') covered++;
      else missing.push(i);
      if (m === 'v') verbatim++;
      if (m === 'e' || m === 'b') edited++;
    }
    const share = total ? covered / total : 0;
    const need = unit.kind === 'verbatim' ? 1 : EDITED_MIN_COVERAGE;
    if (share < need) {
      const first = missing[0] ?? at;
      problems.push(`${unit.label}: ${(share * 100).toFixed(1)}% highlighted (need ${need * 100}%), e.g. not at ${snippet(text, first, first + 1)}`);
    }
    if (strictKinds && covered) {
      if (unit.kind === 'verbatim' && edited) problems.push(`${unit.label}: verbatim passage carries the edited highlight`);
      if (unit.kind === 'edited' && !edited) problems.push(`${unit.label}: edited passage has no edited highlight (verbatim ${verbatim}/${total})`);
    }
  }
  for (let i = 0; i < text.length; i++) {
    if (marks[i] === '0' || inside[i] || !SIGNIFICANT.test(text[i])) continue;
    let j = i;
    while (j < text.length && marks[j] !== '0' && !inside[j]) j++;
    problems.push(`highlight outside the reused passages: ${snippet(text, i, j)}`);
    i = j;
    if (problems.length > 8) break;
  }
  return problems;
}

/**
 * The same check on the strings the ranges read back as (Range.toString(), in document order),
 * compared on letters and digits only, so that whitespace, punctuation and quote marks at a range's
 * edges or between adjacent ranges do not count: each highlight lies within the reused text, and
 * each verbatim unit reads back whole from one highlight or a run of adjacent ones.
 */
export function rangeTextProblems(highlights: string[], units: Unit[]): string[] {
  const squeeze = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');
  const allUnits = units.map((u) => squeeze(u.text)).join('');
  const allHighlights = highlights.map(squeeze).join('');
  const problems: string[] = [];
  for (const h of highlights) {
    if (!allUnits.includes(squeeze(h))) problems.push(`range text is not reused text: ${JSON.stringify(collapse(h).slice(0, 120))}`);
  }
  for (const unit of units) {
    if (unit.kind === 'verbatim' && !allHighlights.includes(squeeze(unit.text))) {
      problems.push(`${unit.label}: no highlight run reads back as the passage (stretches: ${JSON.stringify(highlights.map((h) => collapse(h).slice(0, 50)))})`);
    }
  }
  return problems;
}
