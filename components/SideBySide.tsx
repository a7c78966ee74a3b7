import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { dispatchText } from '../engine/dispatch-text';
import type { StoryArticle } from '../engine/stories';
import type { Dispatch } from '../engine/types';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import { Busy } from './Busy';
import type { Segment } from './diff-columns';
import { DiffSegments } from './DiffSegments';
import { ErrorMessage } from './ErrorMessage';
import { formatDate } from './format';
import { webLink } from './query';
import { sideBySide } from './text-diff';

type SideBySideProps = {
  left: StoryArticle;
  right: StoryArticle;
  onClose: () => void;
};

type Loaded = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; left: Dispatch; right: Dispatch };

function Column({ version, segments, Mark, testId }: { version: Dispatch; segments: Segment[]; Mark: 'ins' | 'del'; testId: string }) {
  const link = webLink(version.url);
  return (
    <section class="rc-diff__column" data-testid={testId} data-outlet={version.outlet}>
      <h3>{version.outlet}</h3>
      <p class="rc-muted">
        {formatDate(version.date)}
        {link && (
          <>
            {' · '}
            <a class="rc-link" href={link} target="_blank" rel="noopener noreferrer">
              {t('storiesOpenPage')}
            </a>
          </>
        )}
      </p>
      <p class="rc-diff__text rc-sidebyside__text" lang={version.language || undefined}>
        <DiffSegments segments={segments} Mark={Mark} />
      </p>
    </section>
  );
}

/** Two versions of a story, whole, in two columns, with the words only one of them has marked. */
export function SideBySide({ left, right, onClose }: SideBySideProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    Promise.all([send('get-dispatch', { id: left.id }), send('get-dispatch', { id: right.id })]).then(
      ([l, r]) => live && setLoaded(l && r ? { status: 'ready', left: l, right: r } : { status: 'failed', error: t('storiesVersionMissing') }),
      (err: unknown) => live && setLoaded({ status: 'failed', error: err instanceof Error ? err.message : String(err) }),
    );
    heading.current?.focus();
    return () => void (live = false);
  }, [left.id, right.id]);

  const columns = useMemo(() => (loaded.status === 'ready' ? sideBySide(dispatchText(loaded.left), dispatchText(loaded.right)) : null), [loaded]);

  return (
    <section class="rc-sidebyside" data-testid="side-by-side" aria-busy={loaded.status === 'loading'} aria-labelledby="rc-sidebyside-title">
      <div class="rc-sidebyside__head">
        <h2 id="rc-sidebyside-title" tabIndex={-1} ref={heading}>
          {t('storiesSideBySideTitle', { a: left.outlet, b: right.outlet })}
        </h2>
        <button type="button" class="rc-button rc-button--quiet" data-testid="close-side-by-side" onClick={onClose}>
          {t('storiesClose')}
        </button>
      </div>
      {loaded.status === 'loading' && <Busy label={t('storiesLoadingVersions')} />}
      {loaded.status === 'failed' && <ErrorMessage title={t('storiesErrorTitle')} detail={loaded.error} />}
      {loaded.status === 'ready' && columns && (
        <>
          <p class="rc-muted">{t('storiesSideBySideHint')}</p>
          <div class="rc-diff">
            <Column version={loaded.left} segments={columns.left} Mark="del" testId="side-left" />
            <Column version={loaded.right} segments={columns.right} Mark="ins" testId="side-right" />
          </div>
        </>
      )}
    </section>
  );
}
