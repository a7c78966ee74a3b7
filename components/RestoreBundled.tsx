import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import { ErrorMessage } from './ErrorMessage';

type RestoreState = { status: 'idle' } | { status: 'confirming' } | { status: 'working' } | { status: 'done'; total: number } | { status: 'failed'; error: string };

type RestoreBundledProps = { onRestored(): void };

/** Brings back the corpus shipped with Recoupe, after an inline confirmation. */
export function RestoreBundled({ onRestored }: RestoreBundledProps) {
  const [state, setState] = useState<RestoreState>({ status: 'idle' });
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.status === 'confirming') confirmRef.current?.focus();
  }, [state.status]);

  const restore = async () => {
    setState({ status: 'working' });
    try {
      const { total } = await send('restore-bundled', {});
      setState({ status: 'done', total });
      onRestored();
    } catch (err) {
      setState({ status: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
    setTimeout(() => startRef.current?.focus(), 0);
  };

  const asking = state.status === 'confirming' || state.status === 'working';
  return (
    <section class="rc-section" aria-labelledby="rc-restore-heading" aria-busy={state.status === 'working'}>
      <h2 id="rc-restore-heading">{t('optRestoreHeading')}</h2>
      <p class="rc-muted">{t('optRestoreHelp')}</p>
      {!asking && (
        <button ref={startRef} type="button" class="rc-button rc-button--quiet" data-testid="restore-bundled" onClick={() => setState({ status: 'confirming' })}>
          {t('optRestore')}
        </button>
      )}
      {asking && (
        <div class="rc-confirm" role="group" aria-label={t('optRestore')}>
          <p>{t('optRestoreConfirm')}</p>
          <button ref={confirmRef} type="button" class="rc-button rc-button--danger-solid" data-testid="confirm-restore" disabled={state.status === 'working'} onClick={() => void restore()}>
            {state.status === 'working' ? t('optWorking') : t('optConfirmRestore')}
          </button>{' '}
          <button type="button" class="rc-button rc-button--quiet" disabled={state.status === 'working'} onClick={() => setState({ status: 'idle' })}>
            {t('optCancel')}
          </button>
        </div>
      )}
      <div aria-live="polite">
        {state.status === 'done' && (
          <p role="status" data-testid="restore-done">
            {t('optRestored', { total: state.total })}
          </p>
        )}
      </div>
      {state.status === 'failed' && <ErrorMessage title={t('optActionFailed')} detail={state.error} />}
    </section>
  );
}
