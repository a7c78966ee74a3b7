import { describe, expect, it } from 'vitest';
import type { PageArticle } from '../corpus/page-dispatch';
import type { Dispatch } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { pageCaller } from '../messaging/test-callers';
import { corpusAdminHandlers } from './corpus-admin';

const fromPage = pageCaller();
const article: PageArticle = {
  url: 'https://www.gazette.example/a#top',
  title: 'Titre',
  text: 'Titre\n\nUn paragraphe du lecteur, assez long pour compter.',
  meta: { siteName: 'La Gazette', lang: 'fr', published: '2025-01-02' },
};

function setup() {
  const stored = new Map<string, DispatchInfo>();
  const log: string[] = [];
  const handlers = corpusAdminHandlers({
    corpus: {
      change: async (write) => {
        log.push('change');
        const r = await write();
        log.push('reloaded');
        return r;
      },
      import: async (ds: Dispatch[], mode) => {
        log.push(`import ${mode}`);
        let added = 0;
        for (const d of ds) {
          if (!stored.has(d.id)) added++;
          stored.set(d.id, { ...d, words: 8, source: 'imported' });
        }
        return { added, updated: ds.length - added, total: stored.size };
      },
      list: async () => [...stored.values()],
    },
    removeImported: async (ids) => {
      log.push(`remove ${ids.join(',')}`);
      return { removed: ids.length, total: 5 };
    },
    restoreBundled: async () => {
      log.push('restore');
      return { total: 5 };
    },
    askArticle: async (tabId) => {
      if (tabId !== 7) throw new Error('This page cannot be read');
      return article;
    },
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return { handlers, log };
}

describe('corpus administration handlers', () => {
  it('adds the tab’s page as a dispatch, and a second time updates it', async () => {
    const { handlers, log } = setup();
    const first = await handlers['add-page-to-corpus']({ tabId: 7 }, fromPage);
    expect(first.added).toBe(true);
    expect(first.dispatch).toMatchObject({ outlet: 'La Gazette', date: '2025-01-02', url: 'https://www.gazette.example/a', source: 'imported' });
    const again = await handlers['add-page-to-corpus']({ tabId: 7 }, fromPage);
    expect(again).toEqual({ dispatch: first.dispatch, added: false });
    expect(log).toEqual(['import extend', 'import extend']);
    await expect(handlers['add-page-to-corpus']({ tabId: 8 }, fromPage)).rejects.toThrow('cannot be read');
  });

  it('removal and restore go through a corpus change, so the index is reloaded', async () => {
    const { handlers, log } = setup();
    expect(await handlers['remove-dispatches']({ ids: ['x', 'y'] }, fromPage)).toEqual({ removed: 2, total: 5 });
    expect(await handlers['restore-bundled']({}, fromPage)).toEqual({ total: 5 });
    expect(log).toEqual(['change', 'remove x,y', 'reloaded', 'change', 'restore', 'reloaded']);
    await expect(Promise.resolve().then(() => handlers['remove-dispatches']({ ids: 'x' as never }, fromPage))).rejects.toThrow('list of dispatch ids');
  });
});
