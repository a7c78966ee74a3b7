import { useEffect, useRef, useState } from 'preact/hooks';
import type { Dispatch } from '../engine/types';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import type { DispatchInfo } from '../messaging/protocol';
import { Busy } from './Busy';
import { ErrorMessage } from './ErrorMessage';
import { formatDate } from './format';
import { webLink } from './query';
import { ProvenanceChain } from './ProvenanceChain';

type ReaderState = { status: 'loading' } | { status: 'missing' } | { status: 'failed'; error: string } | { status: 'ready'; dispatch: Dispatch };

type DispatchReaderProps = { info: DispatchInfo; onClose(): void };

/** One dispatch to read: title, who published and first wrote it, date, address, and its paragraphs as text. */
export function DispatchReader({ info, onClose }: DispatchReaderProps) {
  const [state, setState] = useState<ReaderState>({ status: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    let live = true;
    send('get-dispatch', { id: info.id }).then(
      (dispatch) => live && setState(dispatch ? { status: 'ready', dispatch } : { status: 'missing' }),
      (err: unknown) => live && setState({ status: 'failed', error: err instanceof Error ? err.message : String(err) }),
    );
    return () => void (live = false);
  }, [info.id]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  const d = state.status === 'ready' ? state.dispatch : null;
  const url = d?.url ?? info.url;
  const link = webLink(url);
  return (
    <article id="rc-dispatch-reader" class="rc-reader" data-testid="dispatch-reader" data-dispatch={info.id} aria-labelledby="rc-reader-title" aria-busy={state.status === 'loading'} onKeyDown={onKeyDown}>
      <header class="rc-reader__head">
        <h3 id="rc-reader-title" ref={heading} tabIndex={-1}>
          {d?.title ?? info.title}
        </h3>
        <button type="button" class="rc-button rc-button--quiet" data-testid="close-reader" onClick={onClose}>
          {t('optReaderClose')}
        </button>
      </header>
      <p>
        {t('optReaderPublished', { outlet: info.outlet })} · {t('optReaderOrigin', { origin: info.origin })}
      </p>
      <ProvenanceChain chain={info.chain} />
      <p class="rc-muted">
        {t('optReaderDate', { date: formatDate(info.date) })} · {t('optReaderLanguage', { language: info.language })}
      </p>
      <p class="rc-reader__url">
        {url ? (
          <>
            {t('optReaderAddress')}{' '}
            {link ? (
              <a href={link} target="_blank" rel="noopener noreferrer" data-testid="dispatch-url">
                {url}
              </a>
            ) : (
              <span data-testid="dispatch-url">{url}</span>
            )}
          </>
        ) : (
          <span class="rc-muted">{t('optReaderNoAddress')}</span>
        )}
      </p>
      {state.status === 'loading' && <Busy label={t('optReaderLoading')} />}
      {state.status === 'missing' && <p role="status">{t('uiDispatchMissing')}</p>}
      {state.status === 'failed' && <ErrorMessage title={t('optActionFailed')} detail={state.error} />}
      {d && (
        <div class="rc-reader__text" data-testid="dispatch-paragraphs" lang={d.language}>
          {d.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
    </article>
  );
}
