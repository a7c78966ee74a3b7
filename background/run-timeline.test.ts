import { describe, expect, it } from 'vitest';
import { RunTimeline } from './run-timeline';

describe('RunTimeline', () => {
  it('marks when a run message arrives and is answered, per tab, a new match starting afresh', async () => {
    let t = 0;
    const timeline = new RunTimeline(() => ++t);
    const handlers = timeline.wrap({
      'match-page': async (_req: unknown, _caller: unknown) => 'matched',
      'load-ui': async (_req: unknown, _caller: unknown) => null,
      other: async (_req: unknown, _caller: unknown) => 'untouched',
    });
    const tab = { tab: { id: 7 } } as never;
    expect(await handlers['match-page']({} as never, tab)).toBe('matched');
    await handlers['load-ui']({} as never, tab);
    await handlers.other({} as never, tab);
    expect(timeline.of(7).map((s) => `${s.what}@${s.at}`)).toEqual([
      'match-page received@1',
      'match-page answered@2',
      'load-ui received@3',
      'load-ui answered@4',
    ]);
    await handlers['match-page']({} as never, tab);
    expect(timeline.of(7).map((s) => s.what)).toEqual(['match-page received', 'match-page answered']);
    expect(timeline.of(8)).toEqual([]);
  });

  it('marks the answer of a handler that fails, and lets the failure through', async () => {
    const timeline = new RunTimeline(() => 0);
    const handlers = timeline.wrap({
      'page-drawn': async (_req: unknown, _caller: unknown) => {
        throw new Error('no');
      },
    });
    await expect(handlers['page-drawn']({} as never, { tab: { id: 1 } } as never)).rejects.toThrow('no');
    expect(timeline.of(1).map((s) => s.what)).toEqual(['page-drawn received', 'page-drawn answered']);
  });
});
