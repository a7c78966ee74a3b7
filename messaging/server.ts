import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { callerOf, mayAsk, type CallerOf, type Self, type Sender } from './permissions';
import type { Envelope, MessageType, Reply, Req, Res } from './protocol';

export type { Caller, CallerOf, ContentCaller, PageCaller, Sender } from './permissions';

/**
 * One handler per message. It receives who asked as the browser reported it, narrowed to the
 * senders the permission table allows for that message: a content script's handler gets its tab
 * and page address from there, never from the request.
 */
export type Handlers = {
  [K in MessageType]: (req: Req<K>, caller: CallerOf<K>) => Promise<Res<K>> | Res<K>;
};

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as Envelope).type === 'string';
}

/** Where a refused message came from, for the worker's log: the origin, not the full address. */
function describe(sender: Sender): string {
  let origin = '(no address)';
  try {
    // protocol + host rather than `origin`, which is "null" for extension schemes outside browsers.
    if (sender.url) {
      const url = new URL(sender.url);
      origin = `${url.protocol}//${url.host}`;
    }
  } catch {
    origin = '(bad address)';
  }
  const frame = sender.frameId === undefined ? '' : ` frame ${sender.frameId}`;
  const tab = sender.tab?.id === undefined ? '' : ` tab ${sender.tab.id}`;
  return `${origin}${tab}${frame}${sender.id === undefined ? '' : ` (extension ${sender.id})`}`;
}

/**
 * Answers one message: null when it is not a Protocol request (someone else's to answer), else the
 * reply. A sender the table does not allow gets `{ ok: false }` in the reader's language and the
 * handler is never called; each kind of refusal is logged once, so a hostile page cannot flood the log.
 */
export function createRouter(handlers: Handlers, self: Self, warn: (message: string) => void = console.warn) {
  const logged = new Set<string>();
  return (message: unknown, sender: Sender): Promise<Reply<unknown>> | null => {
    if (!isEnvelope(message) || !own(handlers, message.type)) return null;
    const type = message.type as MessageType;
    const caller = callerOf(sender, self);
    if (!caller || !mayAsk(type, caller.kind)) {
      const key = `${caller?.kind ?? 'unknown sender'}:${type}`;
      if (!logged.has(key)) {
        logged.add(key);
        warn(`Recoupe: refused "${type}" from ${caller?.kind ?? 'an unknown sender'} ${describe(sender)}`);
      }
      return Promise.resolve({ ok: false, error: t('errRefused', { type }) });
    }
    const req = typeof message.req === 'object' && message.req !== null ? message.req : {};
    const handler = handlers[type] as (req: unknown, caller: unknown) => unknown;
    return Promise.resolve()
      .then(() => handler(req, caller))
      .then(
        (value): Reply<unknown> => ({ ok: true, value }),
        (err: unknown): Reply<unknown> => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
  };
}

/**
 * Routes typed requests to handlers. Replies go through `sendResponse` with `return true`,
 * because Chromium drops the value of a listener that returns a Promise.
 */
export function serve(handlers: Handlers): void {
  const route = createRouter(handlers, { id: browser.runtime.id, base: browser.runtime.getURL('/') });
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const reply = route(message, sender);
    if (!reply) return false;
    void reply.then(sendResponse);
    return true;
  });
}
