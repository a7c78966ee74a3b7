import { readFileSync } from 'node:fs';
import { CliError } from './cli-error';

/** Reads a text file the CLI was given, turning every way it can fail into one clear CliError line. */
export function readInputFile(file: string, what: string, strictUtf8 = true): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${what} ${file}: ${describeFsError(error)}`);
  }
  let text: string;
  try {
    // Pages saved in a legacy charset still extract; a .txt or NDJSON in one would give wrong offsets.
    text = new TextDecoder('utf-8', { fatal: strictUtf8 }).decode(bytes);
  } catch {
    throw new CliError(`cannot read ${what} ${file}: not UTF-8 text`);
  }
  if (text.trim() === '') throw new CliError(`${what} ${file} is empty`);
  return text;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return code ?? String(error);
  }
}
