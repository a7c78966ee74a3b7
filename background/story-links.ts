import type { MatchOptions } from '../engine/index';
import { linksOf, searchText, type ArticleLinks } from '../engine/stories';
import type { DispatchInfo } from '../messaging/protocol';
import type { CorpusService } from './corpus-service';

interface Entry {
  /** What the article was when read against the others: a new reading (or text) gives a new stamp. */
  stamp: string;
  links: ArticleLinks;
  /** Its title and text folded, for the search. */
  search: string;
}

const stampOf = (info: DispatchInfo) => `${info.readAt ?? ''}|${info.words}|${info.title}`;

/**
 * Each remembered article read against the others (its corpus alignment, restricted to links with
 * remembered articles), kept while the article and the engine options stay the same. When articles
 * are new or changed, only they are read, plus the older articles they link to (whose own reading
 * now misses the link's other direction); articles forgotten since simply drop out, since the
 * grouping ignores links to articles it is not given. Other dispatches of the corpus (bundled,
 * imported) do not enter the links, so importing or removing them leaves the cache as it is.
 */
export class StoryLinks {
  private entries = new Map<string, Entry>();
  private options = '';

  constructor(private readonly corpus: Pick<CorpusService, 'alignDispatch'>) {}

  /** The links of these articles (all of them remembered ones), reading those not cached. */
  async update(articles: readonly DispatchInfo[], options: MatchOptions): Promise<{ links: ArticleLinks[]; read: number }> {
    const key = JSON.stringify(options);
    if (key !== this.options) {
      this.entries.clear();
      this.options = key;
    }
    const wanted = new Map(articles.map((a) => [a.id, a]));
    for (const id of this.entries.keys()) if (!wanted.has(id)) this.entries.delete(id);
    const remembered = (id: string) => wanted.has(id);
    const stale = articles.filter((a) => this.entries.get(a.id)?.stamp !== stampOf(a));
    const fresh = new Set<string>();
    for (const a of stale) if (await this.read(a, options, remembered)) fresh.add(a.id);
    // Older articles a new one links to: their reading was made without it.
    const touched = new Set<string>();
    for (const id of fresh) for (const l of this.entries.get(id)!.links.links) if (!fresh.has(l.other) && this.entries.has(l.other)) touched.add(l.other);
    for (const id of touched) await this.read(wanted.get(id)!, options, remembered);
    const links = articles.flatMap((a) => this.entries.get(a.id)?.links ?? []);
    return { links, read: fresh.size + touched.size };
  }

  /** The folded title and text of an article read, for the search; undefined when not read. */
  searchOf(id: string): string | undefined {
    return this.entries.get(id)?.search;
  }

  private async read(info: DispatchInfo, options: MatchOptions, remembered: (id: string) => boolean): Promise<boolean> {
    const found = await this.corpus.alignDispatch(info.id, options);
    if (!found) {
      this.entries.delete(info.id);
      return false;
    }
    const { result, dispatch, text } = found;
    this.entries.set(info.id, { stamp: stampOf(info), links: linksOf(info.id, result, remembered), search: searchText(dispatch.title, text) });
    return true;
  }
}
