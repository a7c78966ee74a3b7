import { browser } from 'wxt/browser';

/** The content script's drawing half, built as an unlisted script: never web-accessible, so no page can load or probe it. */
export const CONTENT_UI_FILE = '/content-ui.js';

interface InjectApis {
  scripting?: { executeScript(options: { target: { tabId: number; frameIds?: number[] }; files: string[] }): Promise<unknown> };
  tabs: { executeScript?(tabId: number, details: { file: string; frameId?: number }): Promise<unknown> };
}

/**
 * Runs the drawing half in the isolated world of one frame of a tab, beside the bootstrap that
 * asked: `scripting` (Chrome MV3, Firefox) or, in an older Firefox MV2, `tabs.executeScript`.
 */
export function injectContentUi(tabId: number, frameId = 0): Promise<void> {
  return injectFile(tabId, CONTENT_UI_FILE, frameId);
}

/** Runs one of the extension's scripts in the isolated world of one frame of a tab. */
export async function injectFile(tabId: number, file: string, frameId = 0): Promise<void> {
  const apis = browser as unknown as InjectApis;
  if (apis.scripting?.executeScript) {
    await apis.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
  } else if (apis.tabs.executeScript) {
    await apis.tabs.executeScript(tabId, { file, frameId });
  } else {
    throw new Error('This browser cannot add a script to a page.');
  }
}
