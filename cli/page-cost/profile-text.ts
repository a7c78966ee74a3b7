import type { FunctionCost, ProfileSummary } from './profile';

const f = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

/**
 * Up to `width` characters of a built script from a 0-based line and column: minified names say
 * little, the code they start says which function it is.
 */
export function snippet(source: string | undefined, line: number, column: number, width = 56): string {
  if (source === undefined || line < 0) return '';
  const text = source.split('\n')[line];
  if (text === undefined) return '';
  return text.slice(Math.max(0, column), Math.max(0, column) + width).replace(/\s+/g, ' ');
}

const shortUrl = (url: string) => url.replace(/^chrome-extension:\/\/[^/]+\//, '');

function costLine(c: FunctionCost, total: number, source: (url: string) => string | undefined): string {
  const where = c.url ? `${shortUrl(c.url)}:${c.line + 1}:${c.column + 1}` : '';
  const pct = total > 0 ? (100 * c.ms) / total : 0;
  const code = c.url ? snippet(source(c.url), c.line, c.column) : '';
  return `    ${f(c.ms).padStart(7)} ms ${f(pct, 0).padStart(3)} %  ${c.name.padEnd(24)} ${where.padEnd(24)} ${code}`;
}

/** The profile of one page as printed by `bench:pages --profile`: totals, compile, forced layout, then the top functions. */
export function profileLines(label: string, s: ProfileSummary, loads: number, source: (url: string) => string | undefined, top = 15): string[] {
  return [
    `  ${label}: mean of ${loads} load${loads === 1 ? '' : 's'}, sampling every ${f(s.samplingUs, 0)} µs`,
    `    Recoupe's tasks: ${f(s.tasks, 1)}, ${f(s.tasksMs)} ms thread time in all, longest ${f(s.longestTaskMs)} ms`,
    `    Recoupe code sampled: ${f(s.recoupeMs)} ms CPU (${f(s.recoupeWallMs)} ms wall)`,
    `    compile ${f(s.compileMs)} ms, evaluate ${f(s.evaluateMs)} ms (thread time) of ${s.scripts.map(shortUrl).join(', ') || 'no extension script'}`,
    `    forced by Recoupe code: ${f(s.layouts.count, 1)} layouts (${f(s.layouts.ms)} ms), ${f(s.styles.count, 1)} style recalculations (${f(s.styles.ms)} ms)`,
    `    self time per function:`,
    ...s.self.slice(0, top).map((c) => costLine(c, s.recoupeMs, source)),
    `    time per entry point (outermost Recoupe frame: a callback, a continuation, the top level):`,
    ...s.entries.slice(0, Math.ceil(top / 2)).map((c) => costLine(c, s.recoupeMs, source)),
  ];
}
