import { useEffect, useState } from 'preact/hooks';
import { Busy } from '../../components/Busy';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { plural } from '../../components/format';
import { OptionsLink } from '../../components/OptionsLink';
import { SideBySide } from '../../components/SideBySide';
import { StoryCard } from '../../components/StoryCard';
import type { StoryArticle, StoryQuery } from '../../engine/stories';
import { t } from '../../i18n/t';
import { send } from '../../messaging/client';
import type { StoriesReply } from '../../messaging/protocol';

type Load = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; reply: StoriesReply };

/** Typing pauses this long before the stories are asked for again. */
const SEARCH_DELAY_MS = 250;

const isQuery = (q: StoryQuery) => Boolean(q.words?.trim() || q.site?.trim() || q.from || q.to);

/**
 * The reading memory grouped into stories, newest first: for each story its versions, who
 * republishes whom, how much of each page is copied and the sharpest framing differences, with a
 * search by words, site and dates, and any two versions side by side.
 */
export function StoriesApp() {
  const [query, setQuery] = useState<StoryQuery>({});
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [compare, setCompare] = useState<{ left: StoryArticle; right: StoryArticle; from: HTMLElement | null } | null>(null);

  useEffect(() => {
    let live = true;
    setRefreshing(true);
    const timer = setTimeout(
      () =>
        send('list-stories', query).then(
          (reply) => {
            if (!live) return;
            setLoad({ status: 'ready', reply });
            setRefreshing(false);
          },
          (err: unknown) => {
            if (!live) return;
            setLoad({ status: 'failed', error: err instanceof Error ? err.message : String(err) });
            setRefreshing(false);
          },
        ),
      isQuery(query) ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  const field = (name: keyof StoryQuery) => ({
    value: query[name] ?? '',
    onInput: (e: Event) => setQuery({ ...query, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  const close = () => {
    const back = compare?.from;
    setCompare(null);
    // Back to the button that opened it, so keyboard readers keep their place.
    setTimeout(() => back?.focus(), 0);
  };
  const reply = load.status === 'ready' ? load.reply : null;

  return (
    <main class="rc-saved rc-stories" aria-busy={load.status === 'loading' || refreshing} data-testid="stories-page" data-state={load.status}>
      <header>
        <h1>{t('storiesTitle')}</h1>
        <p class="rc-muted">{t('storiesIntro')}</p>
        <p class="rc-sidepanel__links">
          <OptionsLink />
        </p>
      </header>

      {compare && <SideBySide left={compare.left} right={compare.right} onClose={close} />}

      {load.status === 'loading' && <Busy label={t('storiesLoading')} />}
      {load.status === 'failed' && <ErrorMessage title={t('storiesErrorTitle')} detail={load.error} />}
      {reply && reply.remembered === 0 && (
        <EmptyState title={t('storiesEmptyTitle')} testId="stories-empty" kind="empty">
          <p>{t('storiesEmptyHint')}</p>
        </EmptyState>
      )}
      {reply && reply.remembered > 0 && reply.total === 0 && !isQuery(query) && (
        <EmptyState title={t('storiesEmptyTitle')} testId="stories-empty" kind="none-linked">
          <p>{plural(reply.remembered, 'storiesNoneLinkedOne', 'storiesNoneLinkedMany')}</p>
        </EmptyState>
      )}
      {reply && reply.remembered > reply.considered && (
        <p class="rc-notice" role="status" data-testid="stories-limited">
          {t('storiesLimited', { limit: reply.considered, count: reply.remembered })}
        </p>
      )}

      {reply && (reply.total > 0 || isQuery(query)) && (
        <>
          <form class="rc-saved__toolbar" role="search" aria-label={t('storiesSearchLabel')} onSubmit={(e) => e.preventDefault()}>
            <label class="rc-field rc-saved__search">
              {t('storiesSearchWords')}
              <input type="search" data-testid="stories-words" {...field('words')} />
            </label>
            <label class="rc-field">
              {t('storiesSearchSite')}
              <input type="search" data-testid="stories-site" {...field('site')} />
            </label>
            <label class="rc-field">
              {t('storiesSearchFrom')}
              <input type="date" data-testid="stories-from" {...field('from')} />
            </label>
            <label class="rc-field">
              {t('storiesSearchTo')}
              <input type="date" data-testid="stories-to" {...field('to')} />
            </label>
          </form>
          <p class="rc-muted" role="status" data-testid="stories-count">
            {t('storiesShownOf', { shown: reply.stories.length, total: reply.total })}
          </p>
          {reply.stories.length === 0 ? (
            <EmptyState title={t('storiesNoResults')} testId="stories-no-results" kind="no-results" />
          ) : (
            <ul class="rc-stories__list" data-testid="stories-list" aria-label={t('storiesList')}>
              {reply.stories.map((story, i) => (
                <StoryCard
                  key={story.id}
                  story={story}
                  index={i}
                  onCompare={(left, right) => setCompare({ left, right, from: document.activeElement instanceof HTMLElement ? document.activeElement : null })}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}
