/** A failure the user can fix (bad argument, unreadable input): printed as lines on stderr, exit code 2. */
export class CliError extends Error {
  readonly lines: string[];

  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = 'CliError';
    this.lines = [message, ...details];
  }
}
