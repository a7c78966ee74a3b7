import type { MatchOptions } from '../engine/index';
import { groupStories, storyMatches, type Story, type StoryArticle, type StoryQuery } from '../engine/stories';
import type { DispatchInfo } from '../messaging/protocol';
import type { Handlers } from '../messaging/server';
import type { CorpusService } from './corpus-service';
import { StoryLinks } from './story-links';

export type StoriesMessage = 'list-stories';

/** Articles read against each other at most: the newest ones; each costs one alignment with the corpus. */
export const STORIES_LIMIT = 500;

export interface StoriesDeps {
  corpus: Pick<CorpusService, 'list' | 'alignDispatch'>;
  /** Engine options from the reader's sensitivity setting; engine defaults when absent. */
  matchOptions?(): Promise<MatchOptions>;
  /** Milliseconds, for the time the build took. */
  clock?(): number;
  limit?: number;
}

function articleOf(info: DispatchInfo): StoryArticle {
  const a: StoryArticle = { id: info.id, outlet: info.outlet, title: info.title, date: info.date, readAt: info.readAt ?? '', language: info.language, credits: info.credits ?? [] };
  if (info.url) a.url = info.url;
  return a;
}

/** The query's fields when they are text, so a malformed request is an empty query rather than a failure. */
function queryOf(req: unknown): StoryQuery {
  const q = (req ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : undefined);
  return { words: text(q.words), site: text(q.site), from: text(q.from), to: text(q.to) };
}

/** The Stories page: the reading memory grouped into stories, built from cached alignments. */
export function storiesHandlers(deps: StoriesDeps): Pick<Handlers, StoriesMessage> {
  const links = new StoryLinks(deps.corpus);
  const limit = deps.limit ?? STORIES_LIMIT;
  const clock = deps.clock ?? (() => Date.now());
  /** One build at a time: a second request waits for the running one (the cache is shared). */
  let building: Promise<unknown> = Promise.resolve();

  async function build(): Promise<{ stories: Story[]; remembered: number; considered: number; ms: number }> {
    const started = clock();
    const read = (await deps.corpus.list()).filter((d) => d.source === 'read');
    read.sort((a, b) => (b.readAt ?? '').localeCompare(a.readAt ?? '') || a.id.localeCompare(b.id));
    const newest = read.slice(0, limit);
    const { links: aligned } = await links.update(newest, (await deps.matchOptions?.()) ?? {});
    const stories = groupStories(newest.map(articleOf), aligned);
    return { stories, remembered: read.length, considered: newest.length, ms: Math.round(clock() - started) };
  }

  return {
    async 'list-stories'(req) {
      const next = building.then(build, build);
      building = next.catch(() => undefined);
      const built = await next;
      const query = queryOf(req);
      const stories = built.stories.filter((s) => storyMatches(s, query, (id) => links.searchOf(id)));
      return { stories, total: built.stories.length, remembered: built.remembered, considered: built.considered, limit, ms: built.ms };
    },
  };
}
