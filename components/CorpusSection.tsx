import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import type { DispatchInfo } from '../messaging/protocol';
import { Busy } from './Busy';
import { corpusCounts, corpusOrder } from './corpus-order';
import { CorpusTable } from './CorpusTable';
import { DispatchReader } from './DispatchReader';
import { EmptyState } from './EmptyState';
import { ErrorMessage } from './ErrorMessage';

type ListState = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; list: DispatchInfo[] };

type CorpusSectionProps = { version: number; onChanged(): void };

function focusReadButton(id: string) {
  document.querySelector<HTMLElement>(`[data-testid="read-dispatch"][data-dispatch="${CSS.escape(id)}"]`)?.focus();
}

/** The corpus as a table, the reading view of one dispatch, and removal of the reader's own dispatches. */
export function CorpusSection({ version, onChanged }: CorpusSectionProps) {
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [reading, setReading] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    send('list-dispatches', {}).then(
      (list) => live && setState({ status: 'ready', list: corpusOrder(list) }),
      (err: unknown) => live && setState({ status: 'failed', error: err instanceof Error ? err.message : String(err) }),
    );
    return () => void (live = false);
  }, [version]);

  const list = state.status === 'ready' ? state.list : [];
  useEffect(() => {
    if (reading !== null && state.status === 'ready' && !list.some((d) => d.id === reading)) setReading(null);
  }, [state]);

  const onRemove = async (info: DispatchInfo) => {
    setRemoveError(null);
    setNotice(null);
    try {
      const { total } = await send('remove-dispatches', { ids: [info.id] });
      setNotice(t('optRemoved', { title: info.title, total }));
      onChanged();
      document.getElementById('rc-corpus-heading')?.focus();
    } catch (err) {
      setRemoveError(err instanceof Error ? err.message : String(err));
    }
  };

  const readInfo = list.find((d) => d.id === reading);
  const counts = corpusCounts(list);
  return (
    <section class="rc-section" aria-labelledby="rc-corpus-heading" aria-busy={state.status === 'loading'} data-testid="corpus-section">
      <h2 id="rc-corpus-heading" tabIndex={-1}>
        {t('optCorpusHeading')}
      </h2>
      {state.status === 'loading' && <Busy label={t('optLoadingCorpus')} />}
      {state.status === 'failed' && <ErrorMessage title={t('optActionFailed')} detail={state.error} />}
      {state.status === 'ready' && list.length === 0 && <EmptyState title={t('optCorpusEmpty')} testId="corpus-empty" kind="empty-corpus" />}
      {state.status === 'ready' && list.length > 0 && (
        <>
          <p data-testid="corpus-summary">{t('optCorpusSummary', counts)}</p>
          <p class="rc-muted rc-hint">{t('optBundledNote')}</p>
          <div aria-live="polite">{notice && <p role="status" data-testid="corpus-notice">{notice}</p>}</div>
          {removeError && <ErrorMessage title={t('optActionFailed')} detail={removeError} />}
          <CorpusTable list={list} reading={reading} onRead={setReading} onRemove={onRemove} />
        </>
      )}
      {readInfo && (
        <DispatchReader
          key={readInfo.id}
          info={readInfo}
          onClose={() => {
            setReading(null);
            // After the render that removes the reader, so the button is there to take focus.
            setTimeout(() => focusReadButton(readInfo.id), 0);
          }}
        />
      )}
    </section>
  );
}
