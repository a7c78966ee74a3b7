import { useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { siteKey, type Settings, type SettingsChange } from '../settings/settings';

type MemoryExcludedSitesProps = {
  settings: Settings;
  update(change: SettingsChange): Promise<Settings>;
};

const SITE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** The sites whose pages are never remembered: listed, each with its button to let it back in, and a field to add one. */
export function MemoryExcludedSites({ settings, update }: MemoryExcludedSitesProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onAdd = (event: Event) => {
    event.preventDefault();
    // A pasted address gives its site.
    let host = draft.trim();
    try {
      if (/^https?:\/\//i.test(host)) host = new URL(host).hostname;
    } catch {
      // Not an address: checked as a site name below.
    }
    host = siteKey(host);
    if (!SITE.test(host)) {
      setError(t('memExcludeBad', { site: draft.trim() }));
      return;
    }
    setError(null);
    update({ memorySite: { host, excluded: true } }).then(() => setDraft(''), (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };

  return (
    <fieldset class="rc-field rc-memory__excluded">
      <legend>{t('memExcludedHeading')}</legend>
      {settings.memoryExcluded.length === 0 ? (
        <p class="rc-muted" data-testid="memory-excluded-none">
          {t('memExcludedNone')}
        </p>
      ) : (
        <ul data-testid="memory-excluded">
          {settings.memoryExcluded.map((site) => (
            <li key={site} data-site={site}>
              {site}{' '}
              <button type="button" class="rc-button rc-button--quiet" onClick={() => void update({ memorySite: { host: site, excluded: false } })}>
                {t('memExcludeRemove', { site })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onAdd} class="rc-memory__add">
        <label>
          {t('memExcludeAdd')}{' '}
          <input type="text" inputMode="url" data-testid="memory-exclude-input" value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} aria-invalid={error !== null} aria-describedby={error ? 'rc-memory-exclude-error' : undefined} />
        </label>{' '}
        <button type="submit" class="rc-button rc-button--quiet" data-testid="memory-exclude-add">
          {t('memExcludeAddButton')}
        </button>
        {error && (
          <p id="rc-memory-exclude-error" class="rc-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </fieldset>
  );
}
