import { foldUrl } from '../corpus/canonical-url';
import { canonicalPageUrl } from '../corpus/page-dispatch';
import type { MatchResult } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';

function canonical(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return canonicalPageUrl(url);
  } catch {
    return null;
  }
}

/**
 * Leaves out the dispatch that is this very page (a page the reader added to the corpus): a page
 * "republished from itself" says nothing.
 */
export function withoutSelf<R extends Pick<MatchResult, 'passages'> & { dispatches: { id: string }[] }>(
  result: R,
  infoOf: (id: string) => DispatchInfo | undefined,
  pageUrl: string,
): R {
  const page = canonical(pageUrl);
  if (page === null) return result;
  const key = foldUrl(pageUrl);
  const self = (id: string) => {
    const info = infoOf(id);
    if (!info?.url) return false;
    if (canonical(info.url) === page) return true;
    // A remembered page is filed under its folded key: its AMP, mobile or tracked address is the page too.
    return info.source === 'read' && key !== null && foldUrl(info.url) === key;
  };
  if (!result.dispatches.some((d) => self(d.id)) && !result.passages.some((p) => self(p.dispatch))) return result;
  return {
    ...result,
    passages: result.passages.filter((p) => !self(p.dispatch)),
    dispatches: result.dispatches.filter((d) => !self(d.id)),
  };
}
