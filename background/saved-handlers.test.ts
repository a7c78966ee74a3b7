import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { dump, testDb } from '../db/test-support';
import type { PageResult } from '../messaging/protocol';
import { contentCaller, pageCaller } from '../messaging/test-callers';
import { OpenLimit } from './open-limit';
import { savedHandlers, savedMarks } from './saved-handlers';

const text = 'Début. Le Kremlin a transmis ses propositions aux États-Unis mercredi. Fin.';
const exact = 'Le Kremlin a transmis ses propositions aux États-Unis mercredi.';
const start = text.indexOf(exact);
const result: PageResult = {
  url: 'https://news.example/p',
  title: 'Titre',
  text,
  pageWords: 12,
  dispatches: [],
  passages: [
    {
      dispatch: 'd1',
      kind: 'verbatim',
      quote: false,
      score: 1,
      page: { start, end: start + exact.length, text: exact },
      source: { start: 0, end: exact.length, text: exact },
      diff: [{ op: 0, text: exact }],
    },
  ],
  dispatchInfo: {},
};

function setup(openLimit?: OpenLimit) {
  const t = testDb();
  let id = 0;
  let opens = 0;
  const openedAt: (string | undefined)[] = [];
  const results = new Map<number, PageResult>([[7, result]]);
  const deps = {
    db: t.db,
    tabs: { shown: (tabId: number) => results.get(tabId) ?? null },
    now: () => new Date('2026-05-01T00:00:00.000Z'),
    newId: () => `id-${++id}`,
    openSaved: async (id?: string) => {
      opens++;
      openedAt.push(id);
    },
    openLimit,
  };
  const h = savedHandlers(deps);
  /** What a match from a page at `url` brings back of its saved comparisons. */
  const marks = (url: string, text: string) => savedMarks(deps, url, text);
  return { ...t, h, marks, opens: () => opens, openedAt };
}

const fromPage = contentCaller(7, 'https://news.example/p');
const fromView = pageCaller('sidepanel.html');

describe('saved comparison messages', () => {
  it('opens the Saved view once per page tab and second, however often a page asks', async () => {
    let now = 0;
    const { h, opens } = setup(new OpenLimit(() => now));
    for (let i = 0; i < 13; i++) await h['open-saved']({}, fromPage);
    expect(opens()).toBe(1);
    now += 1_000;
    await h['open-saved']({}, fromPage);
    await h['open-saved']({}, contentCaller(8));
    expect(opens()).toBe(3);
  });

  it('opens the Saved view at the comparison a card names, and at its top for anything but a record id', async () => {
    const { h, openedAt } = setup();
    await h['open-saved']({ id: 'c0ffee00-1234-4abc-8def-0123456789ab' }, contentCaller(1));
    await h['open-saved']({ id: '../options.html#x' }, contentCaller(2));
    await h['open-saved']({ id: 42 as unknown as string }, contentCaller(3));
    await h['open-saved']({}, contentCaller(4));
    expect(openedAt).toEqual(['c0ffee00-1234-4abc-8def-0123456789ab', undefined, undefined, undefined]);
  });

  it('saves from the side panel (tabId) or the card (its own tab) once, and lists and finds it', async () => {
    const { h } = setup();
    const first = await h['save-comparison']({ tabId: 7, passage: 0, note: 'n', tags: 'a, b' }, fromView);
    expect(first).toMatchObject({ created: true, record: { id: 'id-1', note: 'n', tags: ['a', 'b'], passage: { text: exact } } });
    const again = await h['save-comparison']({ passage: 0 }, fromPage);
    expect(again).toMatchObject({ created: false, record: { id: 'id-1' } });
    expect((await h['list-saved']({ text: 'kremlin' }, fromView)).map((r) => r.id)).toEqual(['id-1']);
    expect(await h['saved-for-url']({ url: 'https://news.example/p#x' }, fromView)).toHaveLength(1);
  });

  it('saves for a content script’s own tab, whatever tab its request names, and marks only its own page’s', async () => {
    const { h, marks } = setup();
    await h['save-comparison']({ tabId: 7, passage: 0, note: 'note privée' }, fromView);
    // Tab 8 shows another page with nothing analysed: naming tab 7 must not reach tab 7's passage.
    const attacker = contentCaller(8, 'https://attacker.example/');
    await expect(h['save-comparison']({ tabId: 7, passage: 0 } as never, attacker)).rejects.toThrow(/Reload the page/);
    // The address is the one the browser gives for the sending frame (the match handler passes it on).
    expect(await marks('https://attacker.example/', text)).toEqual([]);
    // The page itself finds its own, without the reader's note and tags, which stay stored.
    const [own] = await marks(fromPage.url, text);
    expect(own.anchor.status).toBe('exact');
    expect(own.record).toMatchObject({ id: 'id-1', note: '', tags: [] });
    const again = await h['save-comparison']({ passage: 0 }, fromPage);
    expect(again).toMatchObject({ created: false, record: { id: 'id-1', note: '', tags: [] } });
    expect((await h['list-saved']({}, fromView))[0]).toMatchObject({ note: 'note privée' });
  });

  it('says to reload when the tab’s comparison is gone', async () => {
    const { h } = setup();
    await expect(h['save-comparison']({ tabId: 99, passage: 0 }, fromView)).rejects.toThrow(/Reload the page/);
  });

  it('exports JSON that imports into another database as identical records; a foreign file changes nothing', async () => {
    const { h, db, marks } = setup();
    await h['save-comparison']({ tabId: 7, passage: 0, note: 'à garder' }, fromView);
    const changed = text.replace('mercredi', 'le 15 décembre');
    const [found] = await marks(fromPage.url, changed);
    expect(found.anchor).toMatchObject({ status: 'fuzzy', start });
    expect(found.record.lastAnchor).toEqual({ status: 'fuzzy', at: '2026-05-01T00:00:00.000Z' });
    const json = await h['export-saved']({ format: 'json' }, fromView);
    const other = setup();
    expect(await other.h['import-saved']({ text: json }, fromView)).toEqual({ added: 1, skipped: 0, textOnly: 0 });
    expect(await other.db.saved.toArray()).toEqual(await db.saved.toArray());
    expect(await other.h['import-saved']({ text: json }, fromView)).toEqual({ added: 0, skipped: 1, textOnly: 0 });

    const before = await dump(other.db);
    await expect(other.h['import-saved']({ text: '{"format":"something-else"}' }, fromView)).rejects.toThrow(/not an export of Recoupe/);
    await expect(other.h['import-saved']({ text: 'not json' }, fromView)).rejects.toThrow(/not JSON/);
    expect(await dump(other.db)).toEqual(before);

    const md = await h['export-saved']({ format: 'markdown' }, fromView);
    expect(md).toContain(`> ${exact}`);
  });

  it('deletes and restores the same records, and refuses to restore malformed ones', async () => {
    const { h, db } = setup();
    await h['save-comparison']({ tabId: 7, passage: 0 }, fromView);
    const before = await db.saved.toArray();
    const { deleted } = await h['delete-saved']({ ids: ['id-1'] }, fromView);
    expect(await db.saved.count()).toBe(0);
    expect(await h['restore-saved']({ items: deleted }, fromView)).toEqual({ restored: 1 });
    expect(await db.saved.toArray()).toEqual(before);
    await expect(h['restore-saved']({ items: [{ id: 'x' }] as never }, fromView)).rejects.toThrow(/Nothing was restored: item 1: field "savedAt"/);
  });

  it('a full disk or a refused write reaches the view as a clear message, and nothing changes', async () => {
    const { h, db, failWritesTo } = setup();
    await h['save-comparison']({ tabId: 7, passage: 0 }, fromView);
    const before = await dump(db);
    failWritesTo('saved');
    await expect(h['update-saved']({ id: 'id-1', note: 'x' }, fromView)).rejects.toThrow(/^The browser has no storage space left; nothing was changed\./);
    await expect(h['delete-saved']({ ids: ['id-1'] }, fromView)).rejects.toThrow(/no storage space left/);
    failWritesTo('saved', 'UnknownError');
    await expect(h['import-saved']({ text: await h['export-saved']({ format: 'json' }, fromView) }, fromView)).resolves.toEqual({ added: 0, skipped: 1, textOnly: 0 });
    await expect(h['save-comparison']({ tabId: 7, passage: 0, note: 'nouvelle note' }, fromView)).rejects.toThrow(
      /^The browser’s database refused the change; nothing was changed \(UnknownError: simulated UnknownError\)\.$/,
    );
    failWritesTo(null);
    expect(await dump(db)).toEqual(before);
  });
});
