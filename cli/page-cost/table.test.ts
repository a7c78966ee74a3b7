import { describe, expect, it } from 'vitest';
import type { ExtPageFigures, PageFigures } from './figures';
import { pageRow, scriptLines, tableHeader } from './table';

const ext = (scripts: string[], highlights = 0): ExtPageFigures => ({
  taskMs: 40,
  scriptMs: 5,
  addedMs: 4.25,
  longestTaskMs: 12,
  ownMs: 15.5,
  extScriptMs: 3,
  extBytes: 17_408,
  extScripts: scripts,
  highlights,
  unsettledLoads: 0,
});
const BOOT = 'chrome-extension://abc/content-scripts/content.js';
const UI = 'chrome-extension://abc/content-ui.js';
const page = (name: string, e: ExtPageFigures): PageFigures => ({ page: name, withoutMs: 35.75, withoutScriptMs: 2, windowMs: 450, ext: [e] });

describe('page-cost table', () => {
  it('prints a page with its figures, a sign on the added time and "-" when nothing was found', () => {
    const row = pageRow(page('short.html', ext([BOOT])));
    expect(row.split(/\s+/)).toEqual(['short.html', '35.8', '40.0', '+4.3', '15.5', '12.0', '17.0', '-', '450']);
    expect(pageRow(page('demo.html', ext([BOOT, UI], 9)))).toMatch(/ 9 +450$/);
    expect(pageRow({ ...page('x.html', ext([])), error: 'timeout' })).toMatch(/\(timeout\)$/);
  });

  it('heads one group of columns per build', () => {
    expect(tableHeader(['with', 'compare'])[0]).toMatch(/── with .*── compare /);
  });

  it('lists each extension script with the pages that evaluated it, naming them when few did', () => {
    const pages = [page('a.html', ext([BOOT])), page('b.html', ext([BOOT, UI], 3)), page('c.html', ext([BOOT]))];
    expect(scriptLines(pages, 0)).toEqual(['  content-scripts/content.js: 3 of 3 pages', '  content-ui.js: 1 of 3 pages (b.html)']);
    expect(scriptLines([page('a.html', ext([]))], 0)).toEqual(['  (none)']);
  });
});
