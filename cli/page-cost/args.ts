/** Options of `npm run bench:pages`, parsed from argv without a dependency. */
export interface PageCostOptions {
  /** Loads of each page in each browser. */
  runs: number;
  /** Which saved pages: all, the first N (sorted by name), or those whose file name matches a glob. */
  pages: { kind: 'all' } | { kind: 'count'; count: number } | { kind: 'glob'; glob: string };
  /** Longest wait after the load event before the figures are read (ms). */
  settleMs: number;
  /** Other built extension folders measured in the same run (the "before" of a change, variants). */
  compare: string[];
  /** Also measure an extension whose content script is empty, and one with none: what any content script, and any extension, costs a page. */
  floor: boolean;
  /** Also measure an extension whose content script only sends one message to its background: the cost of any extension that talks to the page's world. */
  messagingFloor: boolean;
  /** Instead of the comparison, profile the saved pages whose file name matches this glob (where Recoupe's time goes). */
  profile?: string;
}

export type ParsedPageCostArgs = { kind: 'help' } | { kind: 'run'; options: PageCostOptions } | { kind: 'error'; message: string };

export const usage = `Usage: npm run bench:pages -- [--runs N] [--pages COUNT|GLOB] [--settle MS] [--compare DIR]... [--floor] [--messaging-floor]
       npm run bench:pages -- --profile GLOB [--runs N] [--compare DIR]... [--messaging-floor]

Measures what Recoupe's content script costs the pages it runs on: every saved real page is
loaded in Chromium without the extension and with the built .output/chrome-mv3 (run
npm run build first), one page at a time, and the main-thread time of both is compared.

  --runs N          loads of each page in each browser (default 3); the median counts
  --pages COUNT     only the first COUNT saved pages (by file name)
  --pages GLOB      only the saved pages whose file name matches GLOB (*, ?, [ab])
  --settle MS       longest wait after the load event before reading the figures
                    (default 2500); a page is read earlier once it and Recoupe are quiet
  --compare DIR     also measure another built extension folder (e.g. a build of the
                    commit before a change) in the same run, and print both;
                    may be given more than once
  --floor           also measure two extensions built in temporary folders: one
                    whose content script is empty (the browser's own cost of any
                    content script) and one with no content script at all (the
                    cost of a browser with any extension, nothing injected),
                    printed beside Recoupe's figures
  --messaging-floor also measure, like Recoupe, an extension whose content script
                    registers a message listener, reads document.title and sends one
                    message its service worker answers: what any content script that
                    talks to its background costs; Recoupe above it is its own code
  --profile GLOB    instead, profile the saved pages whose file name matches GLOB
                    (a file name alone for one page; several, comma-separated):
                    each build loads each page
                    --runs times, traced with the sampling profiler at its fine
                    interval; prints Recoupe's CPU time, its scripts' compile and
                    evaluation, the layouts and style recalculations its code
                    forced, and the functions with the most self time
  -h, --help        print this help

Exit codes: 0 measured (whatever the figures), 1 setup failure, 2 bad arguments.`;

const valued = new Set(['--runs', '--pages', '--settle', '--compare', '--profile']);

const positiveInt = (s: string) => (/^\d+$/.test(s) && Number(s) > 0 ? Number(s) : undefined);

export function parsePageCostArgs(argv: readonly string[]): ParsedPageCostArgs {
  const options: PageCostOptions = { runs: 3, pages: { kind: 'all' }, settleMs: 2500, compare: [], floor: false, messagingFloor: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--floor') {
      options.floor = true;
      continue;
    }
    if (arg === '--messaging-floor') {
      options.messagingFloor = true;
      continue;
    }
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
    } else if (name === '--profile') {
      options.profile = value;
    } else {
      options.compare.push(value);
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
