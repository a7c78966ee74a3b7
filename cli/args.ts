/** Options of `npm run compare`, parsed from argv without a dependency. */
export interface CompareOptions {
  json: boolean;
  /** Also align the same facts told in other words, and give framing hints on every passage. */
  facts: boolean;
  /** NDJSON file that replaces the bundled corpus. */
  corpus?: string;
  /** Dispatch ids left out of the corpus. */
  exclude: string[];
  /** The page's publication date (YYYY-MM-DD), for same-fact alignment; an HTML page's own date otherwise. */
  date?: string;
  file: string;
}

export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'run'; options: CompareOptions }
  | { kind: 'error'; message: string };

export const usage = `Usage: npm run -s compare -- [--json] [--facts [--date YYYY-MM-DD]] [--corpus FILE.ndjson] [--exclude ID]... FILE

Finds the passages of a page that reuse text of the corpus dispatches.

  FILE                 the page: .txt (read as the page text) or .html/.htm
                       (article text extracted as the extension does)
  --json               print one JSON object instead of the readable report
  --facts              also find the page's sentences that tell the same facts
                       as a dispatch in other words (kind same-fact, verdict
                       same-story), with framing hints on every passage, and
                       a page that translates a dispatch of the other language
                       sentence by sentence (kind translated, verdict
                       translated)
  --date YYYY-MM-DD    the page's publication date, which helps --facts tell
                       one event from another (an HTML page's own date is
                       read from its markup otherwise)
  --corpus FILE.ndjson match against the dispatches of this file instead of
                       the bundled corpus
  --exclude ID         leave dispatch ID out of the corpus (repeatable)
  -h, --help           print this help

Exit codes: 0 done (even with no match), 2 bad arguments or unreadable input.`;

/** Options that take a value, accepted as `--name value` or `--name=value`. */
const valued = new Set(['--corpus', '--exclude', '--date']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  let json = false;
  let facts = false;
  let date: string | undefined;
  let corpus: string | undefined;
  const exclude: string[] = [];
  const files: string[] = [];
  let onlyFiles = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (arg === '--facts') {
      facts = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!valued.has(name)) return { kind: 'error', message: `unknown option ${name}` };
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '') {
      return { kind: 'error', message: `option ${name} needs a value` };
    }
    if (name === '--date') {
      if (!/^\d{4}-\d{2}(-\d{2})?$/.test(value)) return { kind: 'error', message: `--date ${value}: expected YYYY-MM-DD` };
      date = value;
    } else if (name === '--corpus') {
      if (corpus !== undefined) return { kind: 'error', message: '--corpus given twice' };
      corpus = value;
    } else {
      exclude.push(value);
    }
  }

  if (files.length === 0) return { kind: 'error', message: 'missing FILE argument (a .txt or .html page)' };
  if (files.length > 1) return { kind: 'error', message: `expected one FILE, got ${files.length}: ${files.join(' ')}` };
  return { kind: 'run', options: { json, facts, corpus, exclude, file: files[0], ...(date ? { date } : {}) } };
}
