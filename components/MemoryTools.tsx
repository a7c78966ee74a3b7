import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import type { Settings, SettingsChange } from '../settings/settings';
import { ErrorMessage } from './ErrorMessage';

type MemoryToolsProps = {
  tabId: number;
  site: string;
  settings: Settings;
  update(change: SettingsChange): Promise<Settings>;
};

/** The popup's reading-memory tools for the page: whether it is remembered, forget it, never remember its site. */
export function MemoryTools({ tabId, site, settings, update }: MemoryToolsProps) {
  const [page, setPage] = useState<string | null>(null);
  const [forgotten, setForgotten] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => setError(err instanceof Error ? err.message : String(err));

  useEffect(() => {
    send('memory-status', { tabId }).then((s) => setPage(s.page), fail);
  }, [tabId]);

  const forget = () => {
    send('memory-forget', { scope: 'page', tabId }).then(() => {
      setPage(null);
      setForgotten(true);
    }, fail);
  };

  return (
    <div class="rc-tools__memory" data-testid="memory-tools">
      <div aria-live="polite">
        {page !== null && (
          <p data-testid="memory-page-remembered">
            {t('memPageRemembered')}{' '}
            <button type="button" class="rc-button rc-button--quiet" data-testid="memory-forget-page" onClick={forget}>
              {t('memForgetPage')}
            </button>
          </p>
        )}
        {forgotten && <p role="status">{t('memPageForgotten')}</p>}
      </div>
      <label class="rc-check">
        <input
          type="checkbox"
          data-testid="memory-never-site"
          checked={settings.memoryExcluded.includes(site)}
          onChange={(e) => update({ memorySite: { host: site, excluded: (e.currentTarget as HTMLInputElement).checked } }).catch(fail)}
        />{' '}
        {t('memNeverSite', { site })}
      </label>
      {error && <ErrorMessage title={t('memHeading')} detail={error} />}
    </div>
  );
}
