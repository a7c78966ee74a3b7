import { browser, type Browser } from 'wxt/browser';
import type { Envelope, MessageType, Reply, Req, Res } from './protocol';

export type Sender = Browser.runtime.MessageSender;
export type Handlers = {
  [K in MessageType]: (req: Req<K>, sender: Sender) => Promise<Res<K>> | Res<K>;
};

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as Envelope).type === 'string';
}

/**
 * Routes typed requests to handlers. Replies go through `sendResponse` with `return true`,
 * because Chromium drops the value of a listener that returns a Promise.
 */
export function serve(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isEnvelope(message) || !(message.type in handlers)) return false;
    // Only our own pages and content scripts may ask.
    if (sender.id !== browser.runtime.id) return false;
    const handler = handlers[message.type] as (req: unknown, sender: Sender) => unknown;
    Promise.resolve()
      .then(() => handler(message.req, sender))
      .then(
        (value) => sendResponse({ ok: true, value } satisfies Reply<unknown>),
        (err: unknown) =>
          sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) } satisfies Reply<unknown>),
      );
    return true;
  });
}
