import { dispatchText } from '../engine/index';
import type { Dispatch } from '../engine/types';
import type { TextSource } from '../engine/align-page';

/** Characters of dispatch text kept in memory between matches (about 2 MB of UTF-16, a few hundred dispatches). */
const TEXT_CACHE_CHARS = 1_000_000;

/**
 * Dispatch texts kept between matches: pages of one story meet the same dispatches, and with
 * their texts in memory same-fact alignment runs once instead of twice. The oldest go first
 * beyond a bound, so a big corpus does not end up in memory. A write to the corpus starts a new
 * cache, since an updated dispatch keeps its id.
 */
export function textCache(read: (ids: string[]) => Promise<Dispatch[]>, maxChars = TEXT_CACHE_CHARS): TextSource {
  const texts = new Map<string, string>();
  let chars = 0;
  return {
    peek: (id) => texts.get(id),
    load: async (ids) => {
      const wanted = ids.filter((id) => !texts.has(id));
      if (wanted.length === 0) return;
      for (const d of await read(wanted)) {
        const text = dispatchText(d);
        texts.set(d.id, text);
        chars += text.length;
      }
      for (const [id, text] of texts) {
        if (chars <= maxChars || texts.size <= wanted.length) break;
        texts.delete(id);
        chars -= text.length;
      }
    },
  };
}
