/** How long the pointer rests on another passage's highlight before an open card switches to it. */
export const SWITCH_REST_MS = 250;
/** A hand is never quite still: moves within this many pixels still count as resting. */
const SLOP_PX = 4;

/**
 * Hover intent for an open card. On its way from a highlight to the card, the pointer may cross
 * another passage's highlight; that must not take the card away. The switch waits until the
 * pointer has rested on that other highlight for `restMs`; any larger move starts the wait again,
 * and leaving it (for the card, the gap or the first highlight) cancels the switch.
 */
export class SwitchIntent {
  private pending: { key: string; x: number; y: number } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onRest: () => void,
    private readonly restMs = SWITCH_REST_MS,
  ) {}

  /** The pointer is at (x, y) over the highlight of passages `key`, not the card's. */
  over(key: string, x: number, y: number): void {
    const p = this.pending;
    if (p && p.key === key && Math.abs(x - p.x) <= SLOP_PX && Math.abs(y - p.y) <= SLOP_PX) return;
    this.cancel();
    this.pending = { key, x, y };
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pending = null;
      this.onRest();
    }, this.restMs);
  }

  /** The pointer left that highlight, or the card closed or switched. */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
  }
}
