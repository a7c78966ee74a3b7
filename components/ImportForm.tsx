import { useState } from 'preact/hooks';
import { parseNdjsonInChunks } from '../corpus/ndjson-chunked';
import type { NdjsonError } from '../corpus/ndjson';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import type { ImportSummary } from '../messaging/protocol';
import { ErrorMessage } from './ErrorMessage';
import { plural } from './format';
import { importErrorText, listedErrors } from './import-errors';
import { readImportFile } from './read-import-file';

type ImportState =
  | { status: 'idle' }
  | { status: 'parsing'; line: number; total: number }
  | { status: 'indexing'; count: number }
  | { status: 'done'; summary: ImportSummary }
  | { status: 'rejected'; errors: NdjsonError[] }
  | { status: 'failed'; error: string };

type ImportFormProps = { onImported(): void };

/** The rejected lines: the first rows, then how many more lines are at fault. */
function RejectedLines({ errors }: { errors: NdjsonError[] }) {
  const { shown, lines, moreLines } = listedErrors(errors);
  return (
    <section class="rc-error" role="alert" data-testid="import-rejected" data-count={lines}>
      <p>
        <strong>{plural(lines, 'optImportRejectedOne', 'optImportRejectedMany')}</strong>
      </p>
      <ul class="rc-rejected">
        {shown.map((e, i) => (
          <li key={i} data-testid="rejected-line" data-line={e.line}>
            {t('optRejectedLine', { line: e.line, message: e.message })}
          </li>
        ))}
      </ul>
      {moreLines > 0 && (
        <p data-testid="rejected-more" data-count={moreLines}>
          {plural(moreLines, 'optImportMoreOne', 'optImportMoreMany')}
        </p>
      )}
    </section>
  );
}

/**
 * NDJSON import: the file is read on this page (refused at once when it is not UTF-8 or too large
 * to send), parsed in chunks so the page stays responsive, and its bad lines listed; only a file
 * without errors is sent to the background, which stores and indexes it all or nothing.
 */
export function ImportForm({ onImported }: ImportFormProps) {
  const [mode, setMode] = useState<'extend' | 'replace'>('extend');
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const busy = state.status === 'parsing' || state.status === 'indexing';

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!file) {
      setState({ status: 'failed', error: t('uiImportNoFile') });
      return;
    }
    setState({ status: 'parsing', line: 0, total: 1 });
    try {
      const read = await readImportFile(file, 'optImportTooLarge');
      if (!read.ok) {
        setState({ status: 'failed', error: read.error });
        return;
      }
      const { text } = read;
      const parsed = await parseNdjsonInChunks(text, { onProgress: (line, total) => setState({ status: 'parsing', line, total }) });
      if (!parsed.ok) {
        setState({ status: 'rejected', errors: parsed.errors });
        return;
      }
      setState({ status: 'indexing', count: parsed.dispatches.length });
      const summary = await send('import-ndjson', { text, mode });
      setState({ status: 'done', summary });
      onImported();
    } catch (err) {
      setState({ status: 'failed', error: importErrorText(err) });
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
        <div class="rc-import__status" aria-live="polite">
          {state.status === 'parsing' && (
            <label class="rc-progress" data-testid="import-progress" data-phase="parsing">
              <span>{t('optParsing', { line: state.line, total: state.total })}</span>
              <progress max={state.total} value={state.line} />
            </label>
          )}
          {state.status === 'indexing' && (
            <label class="rc-progress" data-testid="import-progress" data-phase="indexing">
              <span>{t('optIndexing', { count: state.count })}</span>
              <progress />
            </label>
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
