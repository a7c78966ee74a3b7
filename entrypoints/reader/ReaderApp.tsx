import { useEffect, useState } from 'preact/hooks';
import { Busy } from '../../components/Busy';
import { ComparisonView } from '../../components/ComparisonView';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../components/format';
import { webLink } from '../../components/query';
import { OptionsLink } from '../../components/OptionsLink';
import { ProvenanceChain } from '../../components/ProvenanceChain';
import { initialPassage, groupPassages } from '../../components/passage-groups';
import type { Dispatch } from '../../engine/types';
import { t } from '../../i18n/t';
import { send } from '../../messaging/client';
import type { PageResult } from '../../messaging/protocol';

type ReaderState =
  | { status: 'no-id' }
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'failed'; error: string }
  | { status: 'ready'; dispatch: Dispatch; result: PageResult };

function readId(search: string): string | null {
  const id = new URLSearchParams(search).get('id');
  return id && id.trim() ? id : null;
}

function Aligned({ dispatch, result }: { dispatch: Dispatch; result: PageResult }) {
  const [selected, setSelected] = useState<number | null>(() => initialPassage(groupPassages(result), null));
  const link = webLink(dispatch.url);
  return (
    <>
      <header class="rc-readerpage__head">
        <h1 data-testid="reader-title" lang={dispatch.language || undefined}>
          {dispatch.title}
        </h1>
        <p>
          {t('optReaderPublished', { outlet: dispatch.outlet })} · {t('optReaderOrigin', { origin: dispatch.origin })} · {formatDate(dispatch.date)}
        </p>
        <ProvenanceChain chain={dispatch.chain} />
        {dispatch.url && (
          <p class="rc-muted">
            {t('optReaderAddress')}{' '}
            {link ? (
              <a href={link} target="_blank" rel="noopener noreferrer">
                {dispatch.url}
              </a>
            ) : (
              dispatch.url
            )}
          </p>
        )}
      </header>
      {/* The dispatch is what the reader came to read: its text is open, and can be folded away. */}
      <details open data-testid="reader-text-details">
        <summary>{t('readerTextTitle')}</summary>
        <div class="rc-readerpage__text" data-testid="reader-text" lang={dispatch.language || undefined}>
          {dispatch.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      </details>
      <h2>{t('readerAlignment')}</h2>
      <ComparisonView
        result={result}
        selected={selected}
        onSelect={setSelected}
        selfLabel="readerColumnSelf"
        self="dispatch"
        selfLang={dispatch.language || undefined}
        empty={<EmptyState title={t('readerNoAlignment')} testId="reader-empty" kind="no-matches" />}
      />
    </>
  );
}

/**
 * A corpus dispatch read inside the extension, with no news page needed: its text, and its own
 * alignment with the other dispatches (copied passages and the same facts in other words), in the
 * side panel's components. Opened as reader.html?id=<dispatch id>.
 */
export function ReaderApp() {
  const [id] = useState(() => readId(location.search));
  const [state, setState] = useState<ReaderState>(id ? { status: 'loading' } : { status: 'no-id' });

  useEffect(() => {
    if (!id) return;
    let live = true;
    send('dispatch-alignment', { id }).then(
      (reply) => {
        if (!live) return;
        setState(reply ? { status: 'ready', dispatch: reply.dispatch, result: reply.result } : { status: 'missing' });
        if (reply) document.title = `${reply.dispatch.title} — ${t('readerTitle')}`;
      },
      (err: unknown) => live && setState({ status: 'failed', error: err instanceof Error ? err.message : String(err) }),
    );
    return () => void (live = false);
  }, [id]);

  return (
    <main class="rc-readerpage rc-sidepanel" aria-busy={state.status === 'loading'} data-state={state.status} data-testid="reader-page">
      <p class="rc-sidepanel__links">
        {t('readerTitle')} · <OptionsLink />
      </p>
      {state.status === 'no-id' && <EmptyState title={t('readerNoId')} kind="no-id" />}
      {state.status === 'loading' && <Busy label={t('readerLoading')} />}
      {state.status === 'missing' && <EmptyState title={t('uiDispatchMissing')} kind="missing" />}
      {state.status === 'failed' && <ErrorMessage title={t('uiErrorTitle')} detail={state.error} />}
      {state.status === 'ready' && <Aligned dispatch={state.dispatch} result={state.result} />}
    </main>
  );
}
