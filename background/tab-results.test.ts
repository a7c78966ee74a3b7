import { describe, expect, it } from 'vitest';
import type { PageResult } from '../messaging/protocol';
import { TabResults, isNavigation } from './tab-results';

const result = (url: string): PageResult => ({
  url,
  title: 'Titre',
  text: 'texte',
  passages: [],
  dispatches: [],
  pageWords: 1,
  dispatchInfo: {},
});

describe('TabResults', () => {
  it('reports unknown for a tab it never saw, then what was set for it', () => {
    const tabs = new TabResults();
    expect(tabs.state(7)).toEqual({ status: 'unknown' });
    expect(tabs.result(7)).toBeNull();
    tabs.set(7, { status: 'done', result: result('https://a.example/x') }, 'https://a.example/x');
    expect(tabs.state(7).status).toBe('done');
    expect(tabs.result(7)?.url).toBe('https://a.example/x');
    expect(tabs.url(7)).toBe('https://a.example/x');
    expect(tabs.result(8)).toBeNull();
  });

  it('lists the tabs whose page shows passages, the ones a removal from the corpus can change', () => {
    const tabs = new TabResults();
    const shown = { ...result('https://a.example/'), passages: [{} as PageResult['passages'][number]] };
    tabs.set(1, { status: 'done', result: shown }, 'https://a.example/');
    tabs.set(2, { status: 'done', result: result('https://b.example/') }, 'https://b.example/');
    tabs.set(3, { status: 'matching' }, 'https://c.example/');
    expect(tabs.showingPassages()).toEqual([1]);
    tabs.drop(1);
    expect(tabs.showingPassages()).toEqual([]);
  });

  it('keeps the shown result while the same address is matched again, not across addresses or navigation', () => {
    const tabs = new TabResults();
    const a = result('https://a.example/');
    tabs.set(4, { status: 'done', result: a }, 'https://a.example/');
    tabs.set(4, { status: 'matching' }, 'https://a.example/');
    expect(tabs.result(4)).toBeNull();
    expect(tabs.shown(4)).toBe(a);
    const again = result('https://a.example/');
    tabs.set(4, { status: 'done', result: again }, 'https://a.example/');
    expect(tabs.shown(4)).toBe(again);
    tabs.set(4, { status: 'matching' }, 'https://a.example/other');
    expect(tabs.shown(4)).toBeNull();
    tabs.set(5, { status: 'done', result: a }, 'https://a.example/');
    tabs.set(5, { status: 'matching' }, 'https://a.example/');
    tabs.drop(5);
    tabs.set(5, { status: 'matching' }, 'https://a.example/');
    expect(tabs.shown(5)).toBeNull();
  });

  it('forgets result, url and focus when the tab navigates', () => {
    const tabs = new TabResults();
    tabs.set(3, { status: 'done', result: result('https://a.example/') }, 'https://a.example/');
    tabs.setFocus(3, 2);
    expect(tabs.getFocus(3)).toEqual({ passage: 2 });
    tabs.drop(3);
    expect(tabs.state(3)).toEqual({ status: 'unknown' });
    expect(tabs.getFocus(3)).toBeNull();
    expect(tabs.url(3)).toBeUndefined();
  });

  it('does not store a match that finishes after its tab navigated away', () => {
    const tabs = new TabResults();
    const generation = tabs.generation(5);
    tabs.set(5, { status: 'matching' }, 'https://a.example/old', generation);
    tabs.drop(5);
    const stored = tabs.set(5, { status: 'done', result: result('https://a.example/old') }, 'https://a.example/old', generation);
    expect(stored).toBe(false);
    expect(tabs.state(5)).toEqual({ status: 'unknown' });
    // A match started after the navigation is stored.
    expect(tabs.set(5, { status: 'no-article' }, 'https://a.example/new', tabs.generation(5))).toBe(true);
    expect(tabs.state(5)).toEqual({ status: 'no-article' });
  });

  it('keeps tabs apart', () => {
    const tabs = new TabResults();
    tabs.set(1, { status: 'no-article' }, 'https://a.example/');
    tabs.set(2, { status: 'error', error: 'boom' }, 'https://b.example/');
    tabs.forget(1);
    expect(tabs.state(1).status).toBe('unknown');
    expect(tabs.state(2)).toEqual({ status: 'error', error: 'boom' });
  });
});

describe('TabResults run counts', () => {
  it('counts the runs of each tab until the tab is forgotten, whatever drops its result', () => {
    const tabs = new TabResults();
    tabs.noteRun(1);
    tabs.noteRun(1);
    tabs.noteRun(2);
    tabs.drop(1);
    expect(tabs.runsFor(1)).toBe(2);
    expect(tabs.runsFor(2)).toBe(1);
    tabs.forget(1);
    expect(tabs.runsFor(1)).toBe(0);
  });
});

describe('isNavigation', () => {
  const cached = 'https://news.example/article#top';
  it('counts a load start and a change of document as navigation', () => {
    expect(isNavigation({ status: 'loading' }, cached)).toBe(true);
    expect(isNavigation({ url: 'https://news.example/other' }, cached)).toBe(true);
    expect(isNavigation({ status: 'loading', url: 'https://news.example/other' }, cached)).toBe(true);
    expect(isNavigation({ url: 'https://news.example/article' }, undefined)).toBe(true);
  });

  it('ignores title, favicon and completion updates, and jumps to an anchor of the same page', () => {
    expect(isNavigation({ status: 'complete' }, cached)).toBe(false);
    expect(isNavigation({}, cached)).toBe(false);
    expect(isNavigation({ url: 'https://news.example/article#comments' }, cached)).toBe(false);
    expect(isNavigation({ status: 'loading', url: 'https://news.example/article' }, cached)).toBe(false);
  });
});
