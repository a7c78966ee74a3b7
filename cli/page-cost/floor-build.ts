import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway extension with one content script registered like Recoupe's (every http(s) page,
 * document_idle, top frame), or with none when `content` is null.
 */
function writeExtension(prefix: string, name: string, background: string, content: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    ...(content === null ? {} : { content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle', all_frames: false }] }),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), background);
  if (content !== null) writeFileSync(join(dir, 'content.js'), content);
  return dir;
}

/**
 * An extension with an empty service worker and no content script at all: what a browser with
 * any extension loaded costs a page (its profile, its extension system) before any script is
 * injected. The empty content script's floor above it is what injecting one costs.
 */
export function writeNoScriptExtension(): string {
  return writeExtension('recoupe-noscript-', 'No content script (bench:pages floor)', '', null);
}

/**
 * An extension whose content script is empty, beside an empty service worker: what the browser
 * charges a page for any extension content script (its isolated world, the injection), before a
 * line of the extension's own code runs. Written to a fresh temporary folder.
 */
export function writeFloorExtension(): string {
  return writeExtension('recoupe-floor-', 'Empty content script (bench:pages floor)', '', '');
}

/**
 * What any content script that reads a page and talks to its background cannot avoid, and no
 * more: the extension bindings of its world (a message listener, as Recoupe keeps for the
 * background's notices), the first touch of the page's document from that world, and one
 * message answered by the service worker. Recoupe's cost above this is its own code.
 */
export const MESSAGING_FLOOR_CONTENT = `(function () {
  chrome.runtime.onMessage.addListener(function () {});
  var title = document.title;
  chrome.runtime.sendMessage({ type: 'floor', title: title }).then(function (reply) {
    globalThis.__floorReply = reply;
  });
})();
`;

export const MESSAGING_FLOOR_BACKGROUND = `chrome.runtime.onMessage.addListener(function (message, sender, sendResponse) {
  sendResponse({ ok: true, value: null });
});
`;

/** The messaging floor as a traced build: its script counts as the extension's code, as Recoupe's does. */
export function writeMessagingFloorExtension(): string {
  return writeExtension('recoupe-msgfloor-', 'One message per page (bench:pages messaging floor)', MESSAGING_FLOOR_BACKGROUND, MESSAGING_FLOOR_CONTENT);
}
