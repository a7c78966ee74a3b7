import { dispatchText } from '../engine/index';
import type { Dispatch } from '../engine/types';
import type { TextSource } from '../engine/align-page';
import type { DispatchInfo } from '../messaging/protocol';

/** Characters of dispatch text kept in memory between matches (about 2 MB of UTF-16, a few hundred dispatches). */
const TEXT_CACHE_CHARS = 1_000_000;

/** A dispatch as the cache reads it: its label comes along when the store reads both at once. */
export interface ReadDispatch {
  dispatch: Dispatch;
  info?: DispatchInfo;
}

/** Dispatch texts, and the labels read with them, kept for this state of the corpus. */
export interface TextCache extends TextSource {
  /** The label read with a kept text, if the store gave it. */
  info(id: string): DispatchInfo | undefined;
}

/**
 * Dispatch texts kept between matches: pages of one story meet the same dispatches, and with
 * their texts in memory same-fact alignment runs once instead of twice. The oldest go first
 * beyond a bound, so a big corpus does not end up in memory. A write to the corpus starts a new
 * cache, since an updated dispatch keeps its id. Labels read in the same read are kept beside
 * their texts, so that the labels of a page's result need no read of their own.
 */
export function textCache(read: (ids: string[]) => Promise<ReadDispatch[]>, maxChars = TEXT_CACHE_CHARS): TextCache {
  const texts = new Map<string, { text: string; info?: DispatchInfo }>();
  let chars = 0;
  return {
    peek: (id) => texts.get(id)?.text,
    info: (id) => texts.get(id)?.info,
    load: async (ids) => {
      const wanted: string[] = [];
      for (const id of ids) {
        const kept = texts.get(id);
        if (!kept) wanted.push(id);
        else {
          // Asked for again: the newest, so that this read (or another finishing meanwhile) does not let it go before it is aligned.
          texts.delete(id);
          texts.set(id, kept);
        }
      }
      if (wanted.length === 0) return;
      for (const { dispatch, info } of await read(wanted)) {
        const text = dispatchText(dispatch);
        texts.set(dispatch.id, { text, info });
        chars += text.length;
      }
      for (const [id, kept] of texts) {
        if (chars <= maxChars || texts.size <= wanted.length) break;
        texts.delete(id);
        chars -= kept.text.length;
      }
    },
  };
}
