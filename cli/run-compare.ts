import { alignText } from '../engine/index';
import { buildFactsIndex, buildIndex, dispatchText, match, type Dispatch } from '../engine/index';
import { colourWanted, paint } from './ansi';
import { parseArgs, usage } from './args';
import { CliError } from './cli-error';
import { emptyJsonReport, jsonReport } from './json-report';
import { loadCorpus } from './load-corpus';
import { loadPage } from './load-page';
import { textReport } from './text-report';

export interface CompareIo {
  out(text: string): void;
  err(text: string): void;
  colour: boolean;
}

export function processIo(): CompareIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    colour: colourWanted(process.stdout, process.env),
  };
}

/** The whole `compare` command; returns the exit code instead of exiting so output is never cut short. */
export async function runCompare(argv: readonly string[], io: CompareIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.out(usage + '\n');
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(`compare: ${parsed.message} (see --help)\n`);
    return 2;
  }
  const options = parsed.options;
  try {
    const page = await loadPage(options.file);
    const dispatches = await loadCorpus(options.corpus, options.exclude);
    if (page.kind === 'no-article') {
      const message = `no article text found in ${options.file}: not an article-like page, nothing to compare`;
      if (options.json) {
        io.err(`compare: ${message}\n`);
        io.out(JSON.stringify(emptyJsonReport) + '\n');
      } else {
        io.out(message[0].toUpperCase() + message.slice(1) + '.\n');
      }
      return 0;
    }

    // The same index and matcher as the extension's background, built from the same dispatch text.
    const texts = new Map(dispatches.map((d) => [d.id, dispatchText(d)]));
    const index = buildIndex([...texts].map(([id, text]) => ({ id, text })));
    // --facts runs the background's own alignment of a page: text match, same facts, hints, verdicts.
    const result = options.facts
      ? await alignText(
          page.text,
          { index, facts: buildFactsIndex(dispatches.map((d) => ({ id: d.id, text: texts.get(d.id)!, date: d.date, language: d.language }))) },
          { peek: (id) => texts.get(id), load: async () => undefined },
          { date: options.date ?? page.date, language: page.language },
          {},
        )
      : match(page.text, index, (id) => texts.get(id));

    const byId = new Map<string, Dispatch>(dispatches.map((d) => [d.id, d]));
    const sourceText = (id: string) => texts.get(id) ?? '';
    if (options.json) {
      io.out(JSON.stringify(jsonReport(result, page.text, byId, sourceText, options.facts)) + '\n');
    } else {
      const input = { file: options.file, result, pageText: page.text, byId, sourceText, corpusSize: dispatches.length, facts: options.facts };
      io.out(textReport(input, paint(io.colour)));
    }
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(error.lines.map((line, i) => (i === 0 ? `compare: ${line}` : `  ${line}`)).join('\n') + '\n');
    return 2;
  }
}
