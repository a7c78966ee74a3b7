import { useState } from 'preact/hooks';
import type { Story, StoryArticle } from '../engine/stories';
import { t } from '../i18n/t';
import { formatDate, formatPercent } from './format';
import { hintText, hintTypeLabel } from './hint-text';
import { webLink } from './query';
import { StoryGraph } from './StoryGraph';

type StoryCardProps = {
  story: Story;
  /** Position on the page, for ids that must be unique. */
  index: number;
  onCompare: (left: StoryArticle, right: StoryArticle) => void;
};

function originText(story: Story): string {
  const { origin, confidence } = story.origin;
  if (!origin || confidence === 'unknown') return t('storiesOriginUnknown');
  return t(confidence === 'stated' ? 'storiesOriginStated' : 'storiesOriginLikely', { origin });
}

function Version({ article, copied }: { article: StoryArticle; copied: number }) {
  const link = webLink(article.url);
  return (
    <li data-testid="story-version" data-outlet={article.outlet} data-id={article.id}>
      <strong>{article.outlet}</strong>
      {article.date && <> · {formatDate(article.date)}</>}
      <span class="rc-muted"> · {t('storiesReadOn', { date: formatDate(article.readAt.slice(0, 10)) })}</span>
      <br />
      <span lang={article.language || undefined}>{article.title}</span>
      <br />
      <span class="rc-story__copied" data-testid="story-copied">
        {copied > 0 ? t('storiesCopied', { percent: formatPercent(copied) }) : t('storiesNotCopied')}
      </span>
      {link && (
        <>
          {' · '}
          <a class="rc-link" href={link} target="_blank" rel="noopener noreferrer">
            {t('storiesOpenPage')}
          </a>
        </>
      )}
    </li>
  );
}

/** One story: its versions, who republishes whom, how much each page copies, how they differ, and a way to read two of them side by side. */
export function StoryCard({ story, index, onCompare }: StoryCardProps) {
  const { articles } = story;
  const [left, setLeft] = useState(articles[0].id);
  const [right, setRight] = useState(articles[1]?.id ?? articles[0].id);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outletOf = (id: string) => byId.get(id)?.outlet ?? '';
  const head = `rc-story-${index}`;
  const choose = (label: string, value: string, set: (id: string) => void, testId: string) => (
    <label class="rc-field">
      {label}
      <select data-testid={testId} value={value} onChange={(e) => set(e.currentTarget.value)}>
        {articles.map((a) => (
          <option key={a.id} value={a.id}>
            {a.outlet}
            {a.date ? ` — ${formatDate(a.date)}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <li class="rc-story" data-testid="story" data-story={story.id} aria-labelledby={head}>
      <h2 id={head} lang={articles[0].language || undefined}>
        {articles[0].title}
      </h2>
      <p class="rc-muted" data-testid="story-origin">
        {originText(story)}
      </p>
      <div class="rc-story__body">
        <StoryGraph graph={story.graph} uid={String(index)} />
        <section class="rc-story__versions">
          <h3>{t('storiesVersions')}</h3>
          <ul>
            {articles.map((a) => (
              <Version key={a.id} article={a} copied={story.copied[a.id] ?? 0} />
            ))}
          </ul>
        </section>
      </div>
      {story.framing.length > 0 && (
        <section>
          <h3>{t('storiesFraming')}</h3>
          <ul class="rc-hints" data-testid="story-framing">
            {story.framing.map((f, i) => (
              <li key={i} data-type={f.hint.type}>
                {t('storiesFramingPair', { article: outletOf(f.article), other: outletOf(f.other) })} <strong>{hintTypeLabel(f.hint.type)}</strong> —{' '}
                {hintText(f.hint, outletOf(f.other), { outlet: outletOf(f.article) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        class="rc-story__compare"
        onSubmit={(e) => {
          e.preventDefault();
          if (left !== right) onCompare(byId.get(left)!, byId.get(right)!);
        }}
      >
        {choose(t('storiesCompareFirst'), left, setLeft, 'compare-first')}
        {choose(t('storiesCompareSecond'), right, setRight, 'compare-second')}
        <button type="submit" class="rc-button" data-testid="open-side-by-side" disabled={left === right}>
          {t('storiesOpenSideBySide')}
        </button>
        {left === right && <span class="rc-muted">{t('storiesSameVersion')}</span>}
      </form>
    </li>
  );
}
