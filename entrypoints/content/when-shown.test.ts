import { describe, expect, it } from 'vitest';
import { whenShown, type PrerenderState } from './when-shown';

describe('whenShown', () => {
  it('starts at once on a shown page', () => {
    let started = 0;
    whenShown(() => started++, Object.assign(new EventTarget(), { prerendering: false }));
    expect(started).toBe(1);
  });

  it('waits until a prerendered page is shown, then starts once', () => {
    let started = 0;
    const doc: PrerenderState & EventTarget = Object.assign(new EventTarget(), { prerendering: true });
    whenShown(() => started++, doc);
    expect(started).toBe(0);
    doc.dispatchEvent(new Event('prerenderingchange'));
    doc.dispatchEvent(new Event('prerenderingchange'));
    expect(started).toBe(1);
  });
});
