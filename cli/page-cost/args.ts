/** Options of `npm run bench:pages`, parsed from argv without a dependency. */
export interface PageCostOptions {
  /** Loads of each page in each browser. */
  runs: number;
  /** Which saved pages: all, the first N (sorted by name), or those whose file name matches a glob. */
  pages: { kind: 'all' } | { kind: 'count'; count: number } | { kind: 'glob'; glob: string };
  /** Longest wait after the load event before the figures are read (ms). */
  settleMs: number;
  /** A second built extension folder measured in the same run (the "before" of a change). */
  compare?: string;
}

export type ParsedPageCostArgs = { kind: 'help' } | { kind: 'run'; options: PageCostOptions } | { kind: 'error'; message: string };

export const usage = `Usage: npm run bench:pages -- [--runs N] [--pages COUNT|GLOB] [--settle MS] [--compare DIR]

Measures what Recoupe's content script costs the pages it runs on: every saved real page is
loaded in Chromium without the extension and with the built .output/chrome-mv3 (run
npm run build first), one page at a time, and the main-thread time of both is compared.

  --runs N          loads of each page in each browser (default 3); the median counts
  --pages COUNT     only the first COUNT saved pages (by file name)
  --pages GLOB      only the saved pages whose file name matches GLOB (*, ?, [ab])
  --settle MS       longest wait after the load event before reading the figures
                    (default 2500); a page is read earlier once it and Recoupe are quiet
  --compare DIR     also measure another built extension folder (e.g. a build of the
                    commit before a change) in the same run, and print both
  -h, --help        print this help

Exit codes: 0 measured (whatever the figures), 1 setup failure, 2 bad arguments.`;

const valued = new Set(['--runs', '--pages', '--settle', '--compare']);

const positiveInt = (s: string) => (/^\d+$/.test(s) && Number(s) > 0 ? Number(s) : undefined);

export function parsePageCostArgs(argv: readonly string[]): ParsedPageCostArgs {
  const options: PageCostOptions = { runs: 3, pages: { kind: 'all' }, settleMs: 2500 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!valued.has(name)) return { kind: 'error', message: `unknown argument ${arg}` };
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') return { kind: 'error', message: `option ${name} needs a value` };
    if (name === '--runs') {
      const n = positiveInt(value);
      if (n === undefined) return { kind: 'error', message: `--runs ${value}: expected a whole number above 0` };
      options.runs = n;
    } else if (name === '--settle') {
      const n = positiveInt(value);
      if (n === undefined) return { kind: 'error', message: `--settle ${value}: expected milliseconds above 0` };
      options.settleMs = n;
    } else if (name === '--pages') {
      const n = positiveInt(value);
      options.pages = n !== undefined ? { kind: 'count', count: n } : { kind: 'glob', glob: value };
    } else {
      options.compare = value;
    }
  }
  return { kind: 'run', options };
}

/** The page files a run measures, sorted by name. */
export function selectPages(names: readonly string[], pages: PageCostOptions['pages']): string[] {
  const sorted = [...names].sort();
  if (pages.kind === 'all') return sorted;
  if (pages.kind === 'count') return sorted.slice(0, pages.count);
  // * any run of characters, ? one character, [abc] one of these; everything else literal.
  const re = new RegExp(`^${pages.glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return sorted.filter((n) => re.test(n));
}
