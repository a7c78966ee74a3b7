/** One step of a page's run as the worker saw it: what, and when (wall clock, ms). */
export interface RunStep {
  what: string;
  at: number;
}

/** The messages of a page's run, in the order a run sends them. */
const RUN_MESSAGES = new Set(['match-page', 'clear-page', 'load-ui', 'page-drawn']);

type Handler = (req: never, caller: never) => unknown;

/**
 * When each message of a tab's latest page run reached the worker and was answered, kept in the
 * worker's memory for benchmarks that break the time to a first highlight down (read through the
 * worker's debug handle; pages never see it). A new match request starts the tab's list again.
 */
export class RunTimeline {
  private runs = new Map<number, RunStep[]>();

  constructor(private readonly now: () => number = Date.now) {}

  mark(tabId: number, what: string): void {
    const steps = what === 'match-page received' ? [] : (this.runs.get(tabId) ?? []);
    steps.push({ what, at: this.now() });
    this.runs.set(tabId, steps.slice(-20));
  }

  of(tabId: number): RunStep[] {
    return [...(this.runs.get(tabId) ?? [])];
  }

  forget(tabId: number): void {
    this.runs.delete(tabId);
  }

  /** The handlers, those of a page's run marking when their message arrived and when they answered. */
  wrap<H extends Record<string, Handler>>(handlers: H): H {
    const out: Record<string, Handler> = { ...handlers };
    for (const type of RUN_MESSAGES) {
      const handler = handlers[type] as ((req: unknown, caller: unknown) => unknown) | undefined;
      if (!handler) continue;
      out[type] = (async (req: unknown, caller: { tab?: { id?: number } }) => {
        const tabId = caller?.tab?.id;
        if (tabId !== undefined) this.mark(tabId, `${type} received`);
        try {
          return await handler(req, caller);
        } finally {
          if (tabId !== undefined) this.mark(tabId, `${type} answered`);
        }
      }) as Handler;
    }
    return out as H;
  }
}
