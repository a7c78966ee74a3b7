import { describe, expect, it } from 'vitest';
import { extensionScripts } from './ext-scripts';

describe('extension scripts a page evaluated', () => {
  it('counts chrome-extension URLs and code run in the extension world, not the page nor a tool world', () => {
    const contexts = [
      { id: 1, origin: 'http://127.0.0.1:1', name: '' },
      { id: 2, origin: 'http://127.0.0.1:1', name: '__playwright_utility_world__' },
      { id: 3, origin: 'chrome-extension://abc', name: 'Recoupe' },
    ];
    const parsed = [
      { scriptId: '1', url: 'http://127.0.0.1:1/app.js', length: 5000, executionContextId: 1 },
      { scriptId: '2', url: '', length: 900, executionContextId: 2 },
      { scriptId: '3', url: 'chrome-extension://abc/content-scripts/content.js', length: 84_000, executionContextId: 3 },
      { scriptId: '4', url: '', length: 120, executionContextId: 3 },
      { scriptId: '5', url: 'chrome-extension://abc/content-scripts/ui.js', length: 30_000, executionContextId: 3 },
      { scriptId: '3', url: 'chrome-extension://abc/content-scripts/content.js', length: 84_000, executionContextId: 3 },
    ];
    expect(extensionScripts(parsed, contexts)).toEqual({
      bytes: 114_120,
      scripts: ['chrome-extension://abc/content-scripts/content.js', 'Recoupe (no URL)', 'chrome-extension://abc/content-scripts/ui.js'],
    });
  });

  it('is empty without the extension', () => {
    expect(extensionScripts([{ scriptId: '1', url: 'http://x/a.js', length: 10, executionContextId: 1 }], [])).toEqual({ bytes: 0, scripts: [] });
  });
});
