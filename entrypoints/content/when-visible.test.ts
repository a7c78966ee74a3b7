import { describe, expect, it } from 'vitest';
import { whenVisible, type VisibilityState } from './when-visible';

const page = (visibilityState: DocumentVisibilityState) => Object.assign(new EventTarget(), { visibilityState }) as VisibilityState & EventTarget & { visibilityState: DocumentVisibilityState };
const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('whenVisible', () => {
  it('resolves at once on a visible page', async () => {
    expect(await settled(whenVisible(undefined, page('visible')))).toBe(true);
  });

  it('waits while the tab is hidden, then resolves when it is shown', async () => {
    const doc = page('hidden');
    const visible = whenVisible(undefined, doc);
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(await settled(visible)).toBe(false);
    doc.visibilityState = 'visible';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(await settled(visible)).toBe(true);
  });

  it('stops waiting when its run is aborted', async () => {
    const controller = new AbortController();
    const visible = whenVisible(controller.signal, page('hidden'));
    expect(await settled(visible)).toBe(false);
    controller.abort();
    expect(await settled(visible)).toBe(true);
  });
});
