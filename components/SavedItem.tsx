import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import type { SavedComparison } from '../saved/types';
import { isWebAddress } from '../saved/validate';
import { DiffLegend } from './DiffLegend';
import { DiffView } from './DiffView';
import { formatDate, formatPercent } from './format';
import { KindLabels } from './KindLabels';

type SavedItemProps = {
  record: SavedComparison;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onDelete: (id: string) => void;
  /** Resolves when stored; rejects with a message to show. */
  onEdit: (id: string, note: string, tags: string) => Promise<void>;
  busy: boolean;
  /** The comparison the view was opened at (from a saved passage's card): shown open, scrolled to and focused. */
  asked?: boolean;
};

function AnchorNote({ record }: { record: SavedComparison }) {
  const status = record.lastAnchor?.status;
  if (status === 'fuzzy') return <p class="rc-anchor rc-anchor--fuzzy">{t('savedAnchorFuzzy')}</p>;
  if (status === 'orphaned') return <p class="rc-anchor rc-anchor--orphaned">{t('savedAnchorOrphaned')}</p>;
  return null;
}

function EditForm({ record, onDone, onEdit }: { record: SavedComparison; onDone: () => void; onEdit: SavedItemProps['onEdit'] }) {
  const [note, setNote] = useState(record.note);
  const [tags, setTags] = useState(record.tags.join(', '));
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const id = `rc-edit-${record.id}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    setState({ busy: true });
    try {
      await onEdit(record.id, note, tags);
      onDone();
    } catch (err) {
      setState({ busy: false, error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <form class="rc-saved-item__edit" onSubmit={submit} aria-busy={state.busy} data-testid="edit-form">
      <label class="rc-field" for={`${id}-note`}>
        {t('saveNoteLabel')}
        <textarea id={`${id}-note`} rows={3} data-testid="edit-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <label class="rc-field" for={`${id}-tags`}>
        {t('saveTagsLabel')}
        <input id={`${id}-tags`} type="text" data-testid="edit-tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <p class="rc-saved-item__actions">
        <button type="submit" class="rc-button" data-testid="edit-save" disabled={state.busy}>
          {state.busy ? t('saveSaving') : t('savedEditSave')}
        </button>
        <button type="button" class="rc-button rc-button--quiet" onClick={onDone} disabled={state.busy}>
          {t('savedEditCancel')}
        </button>
      </p>
      {state.error && (
        <p class="rc-save__error" role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}

/** One saved comparison: what, where and when, the reader's note and tags, and what can be done with it. */
export function SavedItem({ record, selected, onSelect, onDelete, onEdit, busy, asked = false }: SavedItemProps) {
  const [open, setOpen] = useState(asked);
  const self = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!asked) return;
    self.current?.scrollIntoView({ block: 'start' });
    self.current?.focus({ preventScroll: true });
  }, [asked]);
  const [editing, setEditing] = useState(false);
  const r = record;
  const detailsId = `rc-details-${r.id}`;
  const passage = {
    diff: r.diff,
    page: { start: r.passage.position.start, end: r.passage.position.end, text: r.passage.text },
    source: { start: r.other.start, end: r.other.end, text: r.other.text },
  };
  const title = r.page.title || r.page.url;
  return (
    <li
      ref={self}
      class={asked ? 'rc-saved-item rc-saved-item--asked' : 'rc-saved-item'}
      data-testid="saved-item"
      data-id={r.id}
      data-anchor={r.lastAnchor?.status ?? 'unknown'}
      tabIndex={asked ? -1 : undefined}
      aria-current={asked ? 'true' : undefined}
    >
      <div class="rc-saved-item__head">
        <input
          type="checkbox"
          data-testid="select-saved"
          checked={selected}
          aria-label={t('savedSelect')}
          onChange={(e) => onSelect(r.id, e.currentTarget.checked)}
        />
        <div>
          <h2 class="rc-saved-item__title">{title}</h2>
          <p class="rc-saved-item__meta">
            {t('savedComparedWith', { outlet: r.other.outlet })}
            {r.other.origin && r.other.origin !== r.other.outlet ? ` (${r.other.origin})` : ''} ·{' '}
            <KindLabels passage={{ kind: r.kind === 'verbatim' ? 'verbatim' : 'edited', quote: r.quote }} /> ·{' '}
            {t('uiScore', { percent: formatPercent(r.score) })} · {t('savedSavedOn', { date: formatDate(r.savedAt.slice(0, 10)) })}
          </p>
        </div>
      </div>
      <AnchorNote record={r} />
      <blockquote class="rc-saved-item__quote" data-testid="saved-quote">
        {r.passage.text}
      </blockquote>
      {editing ? (
        <EditForm record={r} onEdit={onEdit} onDone={() => setEditing(false)} />
      ) : (
        <>
          {r.note ? (
            <p class="rc-saved-item__note" data-testid="saved-note">
              {r.note}
            </p>
          ) : null}
          {r.tags.length > 0 && (
            <ul class="rc-saved-item__tags" aria-label={t('savedTags')} data-testid="saved-tags">
              {r.tags.map((tag) => (
                <li key={tag} class="rc-tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p class="rc-saved-item__actions">
        {isWebAddress(r.page.url) ? (
          <a class="rc-link" href={r.page.url} target="_blank" rel="noopener noreferrer" data-testid="open-saved-page">
            {t('savedOpenPage')}
          </a>
        ) : (
          // An imported address that is not http(s) (javascript:, data:…) is only ever text.
          <span class="rc-saved-item__address" data-testid="saved-page-address">
            {t('savedAddressNotWeb')} <code>{r.page.url}</code>
          </span>
        )}
        <button
          type="button"
          class="rc-button rc-button--quiet"
          aria-expanded={open}
          aria-controls={detailsId}
          data-testid="toggle-saved-details"
          onClick={() => setOpen(!open)}
        >
          {open ? t('savedHideDetails') : t('savedShowDetails')}
        </button>
        {!editing && (
          <button type="button" class="rc-button rc-button--quiet" data-testid="edit-saved" onClick={() => setEditing(true)}>
            {t('savedEdit')}
          </button>
        )}
        <button type="button" class="rc-button rc-button--quiet" data-testid="delete-saved" disabled={busy} onClick={() => onDelete(r.id)}>
          {t('savedDelete')}
        </button>
      </p>
      {open && (
        <div id={detailsId} class="rc-saved-item__details">
          <DiffView passage={passage} outlet={r.other.outlet} />
          <DiffLegend withMark={false} />
          {r.hints && r.hints.length > 0 && (
            <section>
              <h3>{t('savedHints')}</h3>
              <ul class="rc-hints" data-testid="saved-hints">
                {r.hints.map((h, i) => (
                  <li key={i}>{h.note}</li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </li>
  );
}
