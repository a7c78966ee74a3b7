import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SwitchIntent } from './hover-intent';

describe('SwitchIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('switches only once the pointer has rested on the other highlight', () => {
    const rest = vi.fn();
    const intent = new SwitchIntent(rest, 250);
    intent.over('2', 10, 10);
    vi.advanceTimersByTime(200);
    expect(rest).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60);
    expect(rest).toHaveBeenCalledTimes(1);
  });

  it('starts the wait again while the pointer keeps moving across the highlight', () => {
    const rest = vi.fn();
    const intent = new SwitchIntent(rest, 250);
    for (let i = 0; i < 10; i++) {
      intent.over('2', 10 + i * 12, 10);
      vi.advanceTimersByTime(100);
    }
    expect(rest).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(rest).toHaveBeenCalledTimes(1);
  });

  it('counts a tremor of a few pixels as resting', () => {
    const rest = vi.fn();
    const intent = new SwitchIntent(rest, 250);
    intent.over('2', 10, 10);
    vi.advanceTimersByTime(150);
    intent.over('2', 12, 11);
    vi.advanceTimersByTime(110);
    expect(rest).toHaveBeenCalledTimes(1);
  });

  it('never switches once the pointer went on (to the card or the gap)', () => {
    const rest = vi.fn();
    const intent = new SwitchIntent(rest, 250);
    intent.over('2', 10, 10);
    vi.advanceTimersByTime(100);
    intent.cancel();
    vi.advanceTimersByTime(1000);
    expect(rest).not.toHaveBeenCalled();
  });

  it('waits anew for a third highlight', () => {
    const rest = vi.fn();
    const intent = new SwitchIntent(rest, 250);
    intent.over('2', 10, 10);
    vi.advanceTimersByTime(200);
    intent.over('3', 11, 10);
    vi.advanceTimersByTime(200);
    expect(rest).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60);
    expect(rest).toHaveBeenCalledTimes(1);
  });
});
