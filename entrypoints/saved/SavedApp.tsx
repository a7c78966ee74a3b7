import { useEffect, useMemo, useState } from 'preact/hooks';
import { Busy } from '../../components/Busy';
import { downloadText, exportFilename } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { plural } from '../../components/format';
import { SavedItem } from '../../components/SavedItem';
import { askedComparison } from '../../components/saved-url';
import { readImportFile } from '../../components/read-import-file';
import { UndoToast } from '../../components/UndoToast';
import { t } from '../../i18n/t';
import { RemoteError, send } from '../../messaging/client';
import { allTags, searchSaved } from '../../saved/search';
import type { SavedComparison, SavedSort } from '../../saved/types';

type Load = { status: 'loading' } | { status: 'ready'; records: SavedComparison[] } | { status: 'failed'; error: string };
type Notice = { kind: 'info' | 'error'; text: string } | null;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The reader's saved comparisons: find, read, annotate, delete (with undo), export and import. */
export function SavedApp() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [sort, setSort] = useState<SavedSort>('newest');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [undo, setUndo] = useState<SavedComparison[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  /** The comparison a saved passage's card asked for (`?comparison=`). */
  const [asked] = useState(() => askedComparison(location.search));

  const refresh = async () => {
    try {
      const records = await send('list-saved', {});
      setLoad({ status: 'ready', records });
      setSelected((s) => new Set([...s].filter((id) => records.some((r) => r.id === id))));
    } catch (err) {
      setLoad({ status: 'failed', error: errorText(err) });
    }
  };
  useEffect(() => {
    void refresh();
    // Comparisons saved from a page meanwhile show up when the reader comes back to this tab.
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const records = load.status === 'ready' ? load.records : [];
  const shown = useMemo(() => searchSaved(records, { text, tag, sort }), [records, text, tag, sort]);
  const tags = useMemo(() => allTags(records), [records]);

  const run = async (what: string, body: () => Promise<void>) => {
    setBusy(what);
    setNotice(null);
    try {
      await body();
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(null);
    }
  };

  const remove = (ids: string[]) =>
    run('delete', async () => {
      const { deleted } = await send('delete-saved', { ids });
      setUndo(deleted);
      await refresh();
    });

  const restore = () => {
    const items = undo;
    setUndo(null);
    if (!items) return;
    void run('restore', async () => {
      await send('restore-saved', { items });
      setNotice({ kind: 'info', text: t('savedRestored') });
      await refresh();
    });
  };

  const edit = async (id: string, note: string, tagText: string) => {
    await send('update-saved', { id, note, tags: tagText });
    await refresh();
  };

  const exportAs = (format: 'json' | 'markdown') =>
    run('export', async () => {
      const body = await send('export-saved', { format });
      if (format === 'json') downloadText(body, exportFilename('json'), 'application/json');
      else downloadText(body, exportFilename('md'), 'text/markdown');
    });

  const importFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    void run('import', async () => {
      try {
        const read = await readImportFile(file, 'savedImportTooLarge');
        if (!read.ok) throw new RemoteError(read.error);
        let summary;
        try {
          summary = await send('import-saved', { text: read.text });
        } catch (err) {
          // The background's words are the reader's; the browser's raw text ("exceeded maximum allowed size"…) is not.
          throw err instanceof RemoteError ? err : new RemoteError(t('optImportUnexpected'));
        }
        const textOnly = summary.textOnly > 0 ? ` ${plural(summary.textOnly, 'savedImportTextOnlyOne', 'savedImportTextOnlyMany')}` : '';
        setNotice({ kind: 'info', text: `${t('savedImportDone', summary)}${textOnly}` });
        await refresh();
      } finally {
        input.value = '';
      }
    });
  };

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allShownSelected = shown.length > 0 && shown.every((r) => selected.has(r.id));

  return (
    <main class="rc-saved" aria-busy={load.status === 'loading' || busy !== null} data-state={load.status}>
      <header>
        <h1>{t('savedTitle')}</h1>
        {load.status === 'ready' && <p class="rc-muted">{plural(records.length, 'savedCountOne', 'savedCountMany')}</p>}
      </header>

      <section class="rc-saved__files">
        <button type="button" class="rc-button" data-testid="export-json" disabled={busy !== null || records.length === 0} onClick={() => void exportAs('json')}>
          {t('savedExportJson')}
        </button>
        <button type="button" class="rc-button" data-testid="export-markdown" disabled={busy !== null || records.length === 0} onClick={() => void exportAs('markdown')}>
          {t('savedExportMarkdown')}
        </button>
        <label class="rc-field">
          {t('savedImportLabel')}
          <input type="file" accept=".json,application/json" data-testid="import-file" disabled={busy !== null} onChange={(e) => importFile(e.currentTarget)} />
        </label>
        {busy && <Busy label={busy === 'import' ? t('savedImporting') : busy === 'export' ? t('savedExporting') : t('savedBusy')} />}
      </section>

      <div aria-live="polite">
        {notice?.kind === 'info' && (
          <p class="rc-notice" role="status" data-testid="saved-notice">
            {notice.text}
          </p>
        )}
        {notice?.kind === 'error' && <ErrorMessage title={t('savedErrorTitle')} detail={notice.text} />}
      </div>

      {load.status === 'loading' && <Busy label={t('savedLoading')} />}
      {load.status === 'failed' && <ErrorMessage title={t('savedErrorTitle')} detail={load.error} />}
      {load.status === 'ready' && asked && !records.some((r) => r.id === asked) && (
        <p class="rc-notice" role="status" data-testid="saved-asked-gone">
          {t('savedAskedGone')}
        </p>
      )}
      {load.status === 'ready' && records.length === 0 && (
        <EmptyState title={t('savedEmptyTitle')} testId="saved-empty" kind="empty">
          <p>{t('savedEmptyHint')}</p>
        </EmptyState>
      )}

      {load.status === 'ready' && records.length > 0 && (
        <>
          <section class="rc-saved__toolbar" role="search">
            <label class="rc-field rc-saved__search">
              {t('savedSearchLabel')}
              <input type="search" data-testid="saved-search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
            <label class="rc-field">
              {t('savedTagFilter')}
              <select data-testid="saved-tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
                <option value="">{t('savedAllTags')}</option>
                {tags.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            </label>
            <label class="rc-field">
              {t('savedSortLabel')}
              <select data-testid="saved-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as SavedSort)}>
                <option value="newest">{t('savedSortNewest')}</option>
                <option value="oldest">{t('savedSortOldest')}</option>
              </select>
            </label>
          </section>
          <section class="rc-saved__bulk">
            <label>
              <input
                type="checkbox"
                data-testid="select-all-saved"
                checked={allShownSelected}
                onChange={(e) => setSelected(e.currentTarget.checked ? new Set(shown.map((r) => r.id)) : new Set())}
              />{' '}
              {t('savedSelectAll')}
            </label>
            <button
              type="button"
              class="rc-button"
              data-testid="delete-selected"
              disabled={selected.size === 0 || busy !== null}
              onClick={() => void remove([...selected])}
            >
              {t('savedDeleteSelected', { count: selected.size })}
            </button>
            <span class="rc-muted">{t('savedShownOf', { shown: shown.length, total: records.length })}</span>
          </section>
          {shown.length === 0 ? (
            <EmptyState title={t('savedNoResults')} kind="no-results" />
          ) : (
            <ul class="rc-saved__list" data-testid="saved-list" aria-label={t('savedTitle')}>
              {shown.map((r) => (
                <SavedItem key={r.id} asked={r.id === asked} record={r} selected={selected.has(r.id)} onSelect={toggle} onDelete={(id) => void remove([id])} onEdit={edit} busy={busy !== null} />
              ))}
            </ul>
          )}
        </>
      )}

      {undo && (
        <UndoToast
          message={undo.length === 1 ? t('savedDeletedOne') : t('savedDeletedMany', { count: undo.length })}
          onUndo={restore}
          onTimeout={() => setUndo(null)}
        />
      )}
    </main>
  );
}
