import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { MESSAGING_FLOOR_BACKGROUND, MESSAGING_FLOOR_CONTENT, writeFloorExtension, writeMessagingFloorExtension, writeNoScriptExtension } from './floor-build';

/** Runs a script of a floor build against stand-ins of the extension APIs, counting what it calls. */
function run(code: string, title = 'A page') {
  const calls = { listeners: 0, sent: [] as unknown[], replies: [] as unknown[] };
  const chrome = {
    runtime: {
      onMessage: { addListener: (f: (m: unknown, s: unknown, r: (v: unknown) => void) => void) => (calls.listeners++, f({ type: 'floor' }, {}, (v) => calls.replies.push(v))) },
      sendMessage: (m: unknown) => (calls.sent.push(m), Promise.resolve(null)),
    },
  };
  new Function('chrome', 'document', code)(chrome, { title });
  return calls;
}

describe('bench:pages floors', () => {
  it('writes an empty content script registered like Recoupe’s', () => {
    const dir = writeFloorExtension();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts).toEqual([{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle', all_frames: false }]);
    expect(readFileSync(join(dir, 'content.js'), 'utf8')).toBe('');
    rmSync(dir, { recursive: true });
  });

  it('the extension floor registers no content script at all, beside its service worker', () => {
    const dir = writeNoScriptExtension();
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(existsSync(join(dir, 'content.js'))).toBe(false);
    rmSync(dir, { recursive: true });
  });

  it('the messaging floor registers one listener, reads the page once and sends exactly one message, which its worker answers', () => {
    const dir = writeMessagingFloorExtension();
    expect(readFileSync(join(dir, 'content.js'), 'utf8')).toBe(MESSAGING_FLOOR_CONTENT);
    const content = run(MESSAGING_FLOOR_CONTENT, 'Budget');
    expect(content.listeners).toBe(1);
    expect(content.sent).toEqual([{ type: 'floor', title: 'Budget' }]);
    const worker = run(MESSAGING_FLOOR_BACKGROUND);
    expect(worker.replies).toEqual([{ ok: true, value: null }]);
    rmSync(dir, { recursive: true });
  });
});
