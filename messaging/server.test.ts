import { describe, expect, it } from 'vitest';
import { t } from '../i18n/t';
import { MAY_SEND, type Caller, type Self, type Sender } from './permissions';
import type { MessageType, Reply } from './protocol';
import { createRouter, type Handlers } from './server';

const self: Self = { id: 'recoupe-id', base: 'chrome-extension://recoupe-id/' };
const TYPES = Object.keys(MAY_SEND) as MessageType[];

const senders = {
  'content-script': { id: self.id, url: 'https://news.example/a', frameId: 0, tab: { id: 3, index: 0, windowId: 1, url: 'https://news.example/a' } },
  'extension-page': { id: self.id, url: 'chrome-extension://recoupe-id/popup.html', origin: 'chrome-extension://recoupe-id' },
} as Record<'content-script' | 'extension-page', Sender>;

/** Senders no message is ever accepted from. */
const foreign: Record<string, Sender> = {
  'another extension': { id: 'other-id', url: 'chrome-extension://other-id/popup.html' },
  'a web page origin': { id: self.id, url: 'https://evil.example/', origin: 'https://evil.example' },
  'a subframe of a page': { ...senders['content-script'], frameId: 4, url: 'https://ads.example/frame' },
};

/** Handlers that only record who called them and with what. */
function spies() {
  const calls: { type: MessageType; req: unknown; caller: Caller }[] = [];
  const handlers = Object.fromEntries(
    TYPES.map((type) => [
      type,
      (req: unknown, caller: Caller) => {
        calls.push({ type, req, caller });
        return `answer to ${type}`;
      },
    ]),
  ) as unknown as Handlers;
  return { calls, handlers };
}

function router() {
  const { calls, handlers } = spies();
  const warnings: string[] = [];
  const route = createRouter(handlers, self, (m) => warnings.push(m));
  return { calls, warnings, send: (message: unknown, sender: Sender) => route(message, sender) as Promise<Reply<unknown>> | null };
}

describe('the message router', () => {
  for (const type of TYPES) {
    const allowed = MAY_SEND[type] as readonly string[];
    describe(type, () => {
      for (const kind of ['content-script', 'extension-page'] as const) {
        const accepted = allowed.includes(kind);
        it(`${accepted ? 'answers' : 'refuses'} a ${kind}`, async () => {
          const { calls, send } = router();
          const reply = await send({ type, req: { marker: 1 } }, senders[kind]);
          if (accepted) {
            expect(reply).toEqual({ ok: true, value: `answer to ${type}` });
            expect(calls).toHaveLength(1);
            expect(calls[0].caller.kind).toBe(kind);
            expect(calls[0].req).toEqual({ marker: 1 });
          } else {
            expect(reply).toEqual({ ok: false, error: t('errRefused', { type }) });
            expect(calls).toEqual([]);
          }
        });
      }
      it('refuses another extension, a web page origin and a subframe', async () => {
        const { calls, send } = router();
        for (const sender of Object.values(foreign)) expect(await send({ type, req: {} }, sender)).toMatchObject({ ok: false });
        expect(calls).toEqual([]);
      });
    });
  }

  it('hands a content script’s handler the tab and address of the sender', async () => {
    const { calls, send } = router();
    await send({ type: 'match-page', req: { url: 'https://victim.example/', tabId: 99, text: 't', title: '' } }, senders['content-script']);
    expect(calls[0].caller).toEqual({ kind: 'content-script', tab: { id: 3, index: 0, windowId: 1, incognito: false }, url: 'https://news.example/a' });
  });

  it('logs each kind of refusal once, never the page’s full address', async () => {
    const { send, warnings } = router();
    const sender = { ...senders['content-script'], url: 'https://news.example/private/path?q=1' };
    for (let i = 0; i < 5; i++) await send({ type: 'export-saved', req: { format: 'json' } }, sender);
    await send({ type: 'delete-saved', req: { ids: [] } }, sender);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('"export-saved"');
    expect(warnings[0]).toContain('https://news.example');
    expect(warnings.join()).not.toContain('/private/path');
  });

  it('leaves other messages to other listeners, inherited names included', () => {
    const { send, calls } = router();
    for (const message of [null, 'text', { type: 'recoupe:tab-changed', tabId: 1 }, { type: 'toString' }, { type: '__proto__' }, { type: 'constructor' }, { req: {} }]) {
      expect(send(message, senders['extension-page'])).toBeNull();
    }
    expect(calls).toEqual([]);
  });

  it('gives a handler an empty request when the request is not an object', async () => {
    const { send, calls } = router();
    await send({ type: 'corpus-status', req: 'oops' }, senders['extension-page']);
    await send({ type: 'corpus-status' }, senders['extension-page']);
    expect(calls.map((c) => c.req)).toEqual([{}, {}]);
  });

  it('words a handler’s failure as the reply’s error', async () => {
    const handlers = { ...spies().handlers, 'corpus-status': () => Promise.reject(new Error('index unreadable')) } as Handlers;
    const route = createRouter(handlers, self, () => undefined);
    expect(await route({ type: 'corpus-status', req: {} }, senders['extension-page'])).toEqual({ ok: false, error: 'index unreadable' });
  });
});
