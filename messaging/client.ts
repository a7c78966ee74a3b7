import { browser } from 'wxt/browser';
import type { Envelope, MessageType, Reply, Req, Res } from './protocol';

/** Thrown by `send` when the background answers `{ ok: false }`, so callers can show the message. */
export class RemoteError extends Error {}

/** Sends a typed request to the background and unwraps its reply. */
export async function send<K extends MessageType>(type: K, req: Req<K>): Promise<Res<K>> {
  const envelope: Envelope<K> = { type, req };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<Res<K>> | undefined;
  // No reply is the browser's failure, not the background's words: not a RemoteError.
  if (!reply) throw new Error(`No reply to ${type}`);
  if (!reply.ok) throw new RemoteError(reply.error);
  return reply.value;
}
