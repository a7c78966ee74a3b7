import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { bundledCorpus } from '../corpus/bundled';
import { streamNdjson } from '../corpus/ndjson-stream';
import type { Dispatch } from '../engine/index';
import { CliError } from './cli-error';

/** The dispatches to match against: the bundled corpus or an NDJSON file, minus the excluded ids. */
export async function loadCorpus(corpusFile: string | undefined, exclude: readonly string[]): Promise<Dispatch[]> {
  const dispatches = corpusFile === undefined ? bundledCorpus : await readNdjsonCorpus(corpusFile);
  const known = new Set(dispatches.map((d) => d.id));
  for (const id of exclude) {
    if (!known.has(id)) {
      throw new CliError(`--exclude ${id}: no dispatch with this id in the ${corpusFile ?? 'bundled'} corpus`);
    }
  }
  const left = new Set(exclude);
  return dispatches.filter((d) => !left.has(d.id));
}

/**
 * Reads the file as a stream, as the extension's import does: a file larger than the longest
 * string the engine can hold (about 512 MB) still loads, and a bad line is named by its number.
 */
async function readNdjsonCorpus(file: string): Promise<Dispatch[]> {
  try {
    if ((await stat(file)).isDirectory()) throw new CliError(`cannot read corpus ${file}: it is a directory`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read corpus ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(code ?? error)}`);
  }
  const dispatches: Dispatch[] = [];
  const result = await streamNdjson(createReadStream(file, { highWaterMark: 1 << 20 }), {
    onBatch: async (batch) => void dispatches.push(...batch),
    pause: async () => undefined,
  });
  if (result.status === 'not-utf8') throw new CliError(`cannot read corpus ${file}: not UTF-8 text`);
  if (result.status === 'rejected') {
    const n = result.errors.length;
    throw new CliError(
      `corpus ${file}: ${n} invalid line${n === 1 ? '' : 's'}, nothing loaded`,
      result.errors.map((e) => `line ${e.line}: ${e.message}`),
    );
  }
  return dispatches;
}
