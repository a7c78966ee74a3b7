import { bundledCorpus } from '../corpus/bundled';
import { parseNdjson } from '../corpus/ndjson';
import type { Dispatch } from '../engine/index';
import { CliError } from './cli-error';
import { readInputFile } from './read-input';

/** The dispatches to match against: the bundled corpus or an NDJSON file, minus the excluded ids. */
export function loadCorpus(corpusFile: string | undefined, exclude: readonly string[]): Dispatch[] {
  const dispatches = corpusFile === undefined ? bundledCorpus : readNdjsonCorpus(corpusFile);
  const known = new Set(dispatches.map((d) => d.id));
  for (const id of exclude) {
    if (!known.has(id)) {
      throw new CliError(`--exclude ${id}: no dispatch with this id in the ${corpusFile ?? 'bundled'} corpus`);
    }
  }
  const left = new Set(exclude);
  return dispatches.filter((d) => !left.has(d.id));
}

function readNdjsonCorpus(file: string): Dispatch[] {
  const parsed = parseNdjson(readInputFile(file, 'corpus', true));
  if (!parsed.ok) {
    const n = parsed.errors.length;
    throw new CliError(
      `corpus ${file}: ${n} invalid line${n === 1 ? '' : 's'}, nothing loaded`,
      parsed.errors.map((e) => `line ${e.line}: ${e.message}`),
    );
  }
  return parsed.dispatches;
}
