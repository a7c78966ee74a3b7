import type { Page } from 'playwright-core';
import type { MessageType, Req, Res } from '../../../messaging/protocol';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Sends a Protocol request from an extension page (the popup, side panel or Saved view open in `page`). */
export async function ask<K extends MessageType>(page: Page, type: K, req: Req<K>): Promise<Res<K>> {
  const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), { type, req })) as
    | { ok: true; value: Res<K> }
    | { ok: false; error: string }
    | undefined;
  if (!reply) throw new Error(`no reply to ${type}`);
  if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
  return reply.value;
}
