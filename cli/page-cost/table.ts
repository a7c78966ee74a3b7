import type { PageFigures } from './figures';

const NAME_WIDTH = 38;
const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const cell = (s: string, w: number) => s.padStart(w);
const signed = (x: number) => (Number.isFinite(x) && x >= 0 ? `+${f(x)}` : f(x));

/** Column headings; each build gets with / added / own task time / longest task / script KB / found. */
export function tableHeader(builds: readonly string[]): string[] {
  const top = [''.padEnd(NAME_WIDTH), cell('without', 8), ...builds.map((b) => `  ${`── ${b} `.padEnd(47, '─')}`), cell('window', 8)].join('');
  const perBuild = [cell('with', 8), cell('added', 8), cell('own', 7), cell('longest', 9), cell('ext KB', 8), cell('found', 7)].join('');
  const bottom = ['page'.padEnd(NAME_WIDTH), cell('ms', 8), ...builds.map(() => `  ${perBuild}`), cell('ms', 8)].join('');
  return [top, bottom];
}

/** One page: medians of the runs; own task time, longest task, script KB and found from the traced load; found = highlight ranges. */
export function pageRow(p: PageFigures): string {
  const name = p.page.length > NAME_WIDTH - 1 ? `${p.page.slice(0, NAME_WIDTH - 2)}…` : p.page;
  const builds = p.ext.map(
    (e) =>
      `  ${[cell(f(e.taskMs), 8), cell(signed(e.addedMs), 8), cell(f(e.ownMs), 7), cell(f(e.longestTaskMs), 9), cell(f(e.extBytes / 1024), 8), cell(e.highlights > 0 ? String(e.highlights) : '-', 7)].join('')}`,
  );
  const row = [name.padEnd(NAME_WIDTH), cell(f(p.withoutMs), 8), ...builds, cell(f(p.windowMs, 0), 8)].join('');
  return p.error ? `${row}  (${p.error})` : row;
}

/** Which extension scripts the pages evaluated, with how many pages evaluated each (naming them when few did). */
export function scriptLines(pages: readonly PageFigures[], build: number): string[] {
  const byScript = new Map<string, string[]>();
  for (const p of pages) for (const s of p.ext[build]?.extScripts ?? []) byScript.set(s, [...(byScript.get(s) ?? []), p.page]);
  if (!byScript.size) return ['  (none)'];
  return [...byScript].map(([script, on]) => {
    const short = script.replace(/^chrome-extension:\/\/[^/]+\//, '');
    return `  ${short}: ${on.length} of ${pages.length} pages${on.length <= 8 && on.length < pages.length ? ` (${on.join(', ')})` : ''}`;
  });
}
