/**
 * Puts the first answers of pages before the rests of earlier matches: a rest (same facts,
 * translations) runs step by step, and between two steps waits while any first answer is being
 * made, so that a page arriving meanwhile gets its copies drawn without waiting for another
 * page's same facts.
 */
export class FirstAnswers {
  private running = 0;
  private waiting: (() => void)[] = [];

  /** Runs the making of a first answer; the rests wait meanwhile. */
  async run<T>(make: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await make();
    } finally {
      if (--this.running === 0) for (const resume of this.waiting.splice(0)) resume();
    }
  }

  /**
   * Between two steps of a rest: lets the messages waiting run, then waits until no first answer
   * is being made (`onWait` is told when it has to). Throws `stop()` when the rest is no longer
   * wanted.
   */
  async pause(wanted: () => boolean, stop: () => Error, onWait?: () => void): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.running > 0) onWait?.();
    while (this.running > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (!wanted()) throw stop();
  }
}
