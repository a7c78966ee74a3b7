/** A reader's click opens one view; more opens from the same tab within this span are not theirs. */
export const OPEN_INTERVAL_MS = 1_000;

/**
 * At most one view opened per page tab and interval. The card acts on trusted events only, but
 * the background does not rely on it: whatever a page manages to trigger, it cannot stack tabs.
 */
export class OpenLimit {
  private last = new Map<number, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly interval = OPEN_INTERVAL_MS,
  ) {}

  /** Whether `tabId` may open a view now; if so, the next one waits an interval. */
  allow(tabId: number): boolean {
    const now = this.now();
    const last = this.last.get(tabId);
    if (last !== undefined && now - last < this.interval) return false;
    this.last.set(tabId, now);
    return true;
  }

  forget(tabId: number): void {
    this.last.delete(tabId);
  }
}
