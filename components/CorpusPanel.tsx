import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/client';
import { t } from '../i18n/t';
import { Busy } from './Busy';
import { ErrorMessage } from './ErrorMessage';
import { plural } from './format';

type ImportState =
  | { status: 'idle' }
  | { status: 'importing' }
  | { status: 'done'; message: string }
  | { status: 'error'; message: string };

type CorpusPanelProps = { open?: boolean };

/** The corpus size and the NDJSON import, so a reader can compare pages with dispatches of their own. */
export function CorpusPanel({ open = false }: CorpusPanelProps) {
  const [count, setCount] = useState<number | null>(null);
  const [mode, setMode] = useState<'extend' | 'replace'>('extend');
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const refreshCount = () =>
    send('corpus-status', {}).then(
      (status) => setCount(status.dispatches),
      () => setCount(null),
    );
  useEffect(() => void refreshCount(), []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!file) {
      setState({ status: 'error', message: t('uiImportNoFile') });
      return;
    }
    setState({ status: 'importing' });
    try {
      const summary = await send('import-ndjson', { text: await file.text(), mode });
      setState({ status: 'done', message: t('uiImportDone', { ...summary }) });
      setCount(summary.total);
    } catch (err) {
      setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <details class="rc-corpus" open={open} data-testid="corpus-panel">
      <summary>
        <strong>{t('uiCorpusHeading')}</strong>
        {count !== null && <span class="rc-muted"> · {plural(count, 'uiCorpusCountOne', 'uiCorpusCountMany')}</span>}
      </summary>
      <form class="rc-import" onSubmit={onSubmit} aria-busy={state.status === 'importing'}>
        <label class="rc-field">
          <span>{t('uiImportLabel')}</span>
          <input
            type="file"
            accept=".ndjson,.jsonl,application/x-ndjson,application/json,text/plain"
            aria-describedby="rc-import-help"
            onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
        </label>
        <p id="rc-import-help" class="rc-muted rc-hint">
          {t('uiImportHelp')}
        </p>
        <fieldset class="rc-field">
          <legend class="rc-visually-hidden">{t('uiImportLabel')}</legend>
          <label>
            <input type="radio" name="mode" value="extend" checked={mode === 'extend'} onChange={() => setMode('extend')} />{' '}
            {t('uiImportModeExtend')}
          </label>
          <label>
            <input type="radio" name="mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />{' '}
            {t('uiImportModeReplace')}
          </label>
        </fieldset>
        <button type="submit" class="rc-button" disabled={state.status === 'importing'}>
          {t('uiImportButton')}
        </button>
        {state.status === 'importing' && <Busy label={t('uiImporting')} />}
        {state.status === 'done' && <p role="status">{state.message}</p>}
        {state.status === 'error' && <ErrorMessage title={state.message.split('\n')[0]} detail={state.message.split('\n').slice(1).join('\n') || undefined} />}
      </form>
    </details>
  );
}
