import { useRef, useState } from 'preact/hooks';
import type { NdjsonError } from '../corpus/ndjson';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import type { ImportSummary } from '../messaging/protocol';
import { ErrorMessage } from './ErrorMessage';
import { importErrorText } from './import-errors';
import { ImportProgressBar } from './ImportProgressBar';
import { RejectedLines } from './RejectedLines';
import { streamImport, type ImportChannel, type ImportProgress } from './stream-import';

type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; progress: ImportProgress }
  | { status: 'committing'; count: number }
  | { status: 'done'; summary: ImportSummary }
  | { status: 'rejected'; errors: NdjsonError[] }
  | { status: 'cancelled'; name: string }
  | { status: 'failed'; error: string };

type ImportFormProps = { onImported(): void };

const channel: ImportChannel = {
  begin: (mode) => send('import-begin', { mode }),
  batch: (job, dispatches) => send('import-batch', { job, dispatches }),
  commit: (job) => send('import-commit', { job }),
  cancel: (job) => send('import-cancel', { job }),
};

/**
 * NDJSON import of any size: the file is read in slices on this page, its lines checked and its
 * bad lines listed, its dispatches sent to the background in batches and committed all at once;
 * progress and time left are shown, and Cancel (or any failure) leaves the corpus as it was.
 */
export function ImportForm({ onImported }: ImportFormProps) {
  const [mode, setMode] = useState<'extend' | 'replace'>('extend');
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const busy = state.status === 'reading' || state.status === 'committing';

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!file) {
      setState({ status: 'failed', error: t('uiImportNoFile') });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setState({ status: 'reading', progress: { lines: 0, stored: 0, share: 0 } });
    try {
      const result = await streamImport(file, mode, channel, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (!controller.signal.aborted) setState({ status: 'reading', progress });
        },
        onCommitting: (count) => setState({ status: 'committing', count }),
      });
      if (result.status === 'done') {
        setState({ status: 'done', summary: result.summary });
        onImported();
      } else if (result.status === 'rejected') setState({ status: 'rejected', errors: result.errors });
      else if (result.status === 'not-utf8') setState({ status: 'failed', error: t('optImportNotUtf8', { name: file.name }) });
      else setState({ status: 'cancelled', name: file.name });
    } catch (err) {
      setState({ status: 'failed', error: importErrorText(err) });
    } finally {
      abort.current = null;
    }
  };

  return (
    <section class="rc-section" aria-labelledby="rc-import-heading">
      <h2 id="rc-import-heading">{t('optImportHeading')}</h2>
      <form class="rc-import" onSubmit={onSubmit} aria-busy={busy} data-testid="import-form">
        <label class="rc-field">
          <span>{t('optImportFile')}</span>
          <input
            type="file"
            data-testid="import-ndjson"
            accept=".ndjson,.jsonl,application/x-ndjson,application/json,text/plain"
            aria-describedby="rc-import-help"
            disabled={busy}
            onChange={(e) => {
              setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null);
              setState({ status: 'idle' });
            }}
          />
        </label>
        <p id="rc-import-help" class="rc-muted rc-hint">
          {t('optImportHelp')}
        </p>
        <fieldset class="rc-field">
          <legend class="rc-visually-hidden">{t('optImportHeading')}</legend>
          <label>
            <input type="radio" name="import-mode" value="extend" data-testid="import-mode-extend" checked={mode === 'extend'} onChange={() => setMode('extend')} />{' '}
            {t('uiImportModeExtend')}
          </label>
          <label>
            <input type="radio" name="import-mode" value="replace" data-testid="import-mode-replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />{' '}
            {t('uiImportModeReplace')}
          </label>
        </fieldset>
        <button type="submit" class="rc-button" data-testid="import-submit" disabled={busy}>
          {t('uiImportButton')}
        </button>
        {busy && (
          <button type="button" class="rc-button rc-button--quiet" data-testid="import-cancel" disabled={state.status === 'committing'} onClick={() => abort.current?.abort()}>
            {t('optImportCancel')}
          </button>
        )}
        <div class="rc-import__status" aria-live="polite">
          {state.status === 'reading' && <ImportProgressBar progress={state.progress} />}
          {state.status === 'committing' && (
            <label class="rc-progress" data-testid="import-progress" data-phase="committing">
              <span>{t('optImportCommitting', { count: state.count })}</span>
              <progress />
            </label>
          )}
          {state.status === 'cancelled' && (
            <p role="status" data-testid="import-cancelled">
              {t('optImportCancelled', { name: state.name })}
            </p>
          )}
          {state.status === 'done' && (
            <p role="status" data-testid="import-summary" data-added={state.summary.added} data-updated={state.summary.updated} data-total={state.summary.total}>
              {t('optImportDone', { ...state.summary })}
            </p>
          )}
        </div>
        {state.status === 'rejected' && <RejectedLines errors={state.errors} />}
        {state.status === 'failed' && <ErrorMessage title={t('optImportFailed')} detail={state.error} />}
      </form>
    </section>
  );
}
