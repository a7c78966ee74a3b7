import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import type { PageResult } from '../messaging/protocol';
import { isSavedPassage } from '../saved/record';
import type { SavedComparison } from '../saved/types';
import { OpenSavedLink } from './OpenSavedLink';

type Status = { status: 'idle' } | { status: 'busy' } | { status: 'saved'; record: SavedComparison; now: boolean } | { status: 'failed'; error: string };

type SaveComparisonProps = {
  tabId: number;
  result: PageResult;
  /** Index of the passage in result.passages. */
  index: number;
};

/**
 * Keeps the comparison shown, with an optional note and tags. Says when it is already saved;
 * saving again adds the new note and tags to the saved record.
 */
export function SaveComparison({ tabId, result, index }: SaveComparisonProps) {
  const passage = result.passages[index];
  const [state, setState] = useState<Status>({ status: 'idle' });
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');

  useEffect(() => {
    let live = true;
    send('saved-for-url', { url: result.url }).then(
      (records) => {
        const found = records.find((r) => isSavedPassage(r, result, passage));
        if (live && found) setState((s) => (s.status === 'idle' ? { status: 'saved', record: found, now: false } : s));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [result, passage]);

  const save = async (event: Event) => {
    event.preventDefault();
    setState({ status: 'busy' });
    try {
      const { record } = await send('save-comparison', { tabId, passage: index, note, tags });
      setState({ status: 'saved', record, now: true });
      setNote('');
      setTags('');
    } catch (err) {
      setState({ status: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const saved = state.status === 'saved';
  const id = `rc-save-${index}`;
  return (
    <form class="rc-save" onSubmit={save} aria-busy={state.status === 'busy'} data-testid="save-form" data-saved={saved ? 'true' : 'false'}>
      <details class="rc-save__details">
        <summary>{t('saveFormTitle')}</summary>
        <label class="rc-field" for={`${id}-note`}>
          {t('saveNoteLabel')}
          <textarea id={`${id}-note`} data-testid="save-note" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <label class="rc-field" for={`${id}-tags`}>
          {t('saveTagsLabel')}
          <input id={`${id}-tags`} data-testid="save-tags" type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
        </label>
      </details>
      <p class="rc-save__actions">
        <button type="submit" class="rc-button" data-testid="save-comparison" disabled={state.status === 'busy'}>
          {state.status === 'busy' ? t('saveSaving') : saved ? t('saveAgain') : t('saveButton')}
        </button>
        <span role="status" class="rc-save__status">
          {saved && (
            <span data-testid="save-confirmation">
              <strong>{t('saveDone')}</strong> · <OpenSavedLink label={t('saveOpenSaved')} testId="open-saved-confirmation" />
            </span>
          )}
        </span>
      </p>
      {state.status === 'failed' && (
        <p class="rc-save__error" role="alert">
          {t('saveFailed', { error: state.error })}
        </p>
      )}
    </form>
  );
}
