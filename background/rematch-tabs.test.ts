import { describe, expect, it } from 'vitest';
import type { Handlers } from '../messaging/server';
import { rematchShownTabs, withRematch, type RematchDeps, type RemovingMessage } from './rematch-tabs';

function deps(showing: number[]) {
  const sent: number[] = [];
  const d: RematchDeps = {
    showingPassages: () => showing,
    sendToTab: async (tabId, message) => {
      expect(message).toEqual({ type: 'recoupe:corpus-changed' });
      sent.push(tabId);
    },
  };
  return { d, sent };
}

const summary = { added: 0, updated: 0, total: 5 };

function handlers(removed: number, forgotten: number): Pick<Handlers, RemovingMessage> {
  return {
    'memory-forget': async () => ({ forgotten }),
    'remove-dispatches': async () => ({ removed, total: 5 }),
    'restore-bundled': async () => ({ total: 5 }),
    'import-commit': async () => summary,
    'import-ndjson': async () => summary,
  };
}

const page = { kind: 'page' as const, sender: {} } as never;

describe('rematchShownTabs', () => {
  it('tells only the tabs showing passages, and survives a tab that cannot hear', async () => {
    const { d, sent } = deps([3, 7]);
    const failing: RematchDeps = { ...d, sendToTab: (id, m) => (id === 3 ? Promise.reject(new Error('gone')) : d.sendToTab(id, m)) };
    expect(rematchShownTabs(failing)).toBe(2);
    await Promise.resolve();
    expect(sent).toEqual([7]);
  });
});

describe('withRematch', () => {
  it('asks open pages to match again after dispatches were forgotten or removed', async () => {
    const { d, sent } = deps([4]);
    const wrapped = withRematch(handlers(2, 1), d);
    expect(await wrapped['memory-forget']({ scope: 'all' }, page)).toEqual({ forgotten: 1 });
    expect(await wrapped['remove-dispatches']({ ids: ['a'] }, page)).toEqual({ removed: 2, total: 5 });
    expect(sent).toEqual([4, 4]);
  });

  it('leaves pages alone when nothing was removed', async () => {
    const { d, sent } = deps([4]);
    const wrapped = withRematch(handlers(0, 0), d);
    await wrapped['memory-forget']({ scope: 'site', site: 'example.org' }, page);
    await wrapped['remove-dispatches']({ ids: ['a'] }, page);
    expect(sent).toEqual([]);
  });

  it('counts every import and the bundled restore, which can replace dispatches', async () => {
    const { d, sent } = deps([1]);
    const wrapped = withRematch(handlers(0, 0), d);
    await wrapped['import-commit']({ job: 'j' }, page);
    await wrapped['import-ndjson']({ text: '', mode: 'replace' }, page);
    await wrapped['restore-bundled']({}, page);
    expect(sent).toEqual([1, 1, 1]);
  });

  it('does not rematch when the handler fails', async () => {
    const { d, sent } = deps([1]);
    const wrapped = withRematch({ ...handlers(1, 1), 'memory-forget': async () => Promise.reject(new Error('db')) }, d);
    await expect(wrapped['memory-forget']({ scope: 'all' }, page)).rejects.toThrow('db');
    expect(sent).toEqual([]);
  });
});
