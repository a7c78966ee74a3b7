/** Starts every line Recoupe writes to the page's console. */
export const PREFIX = '[Recoupe]';
let reported = false;

/** Logs the first failure only: one broken page should not flood the console. */
export function logErrorOnce(err: unknown): void {
  if (reported) return;
  reported = true;
  console.error(PREFIX, err);
}
