import './page-tools.css';
import { useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { send } from '../messaging/client';
import { siteOf, type Settings, type SettingsChange } from '../settings/settings';
import { ErrorMessage } from './ErrorMessage';
import { OptionsLink } from './OptionsLink';

type AddState =
  | { status: 'idle' }
  | { status: 'adding' }
  | { status: 'done'; outlet: string; words: number; added: boolean }
  | { status: 'error'; error: string };

type PageToolsProps = {
  tabId: number;
  url: string | undefined;
  settings: Settings | null;
  update(change: SettingsChange): Promise<Settings>;
  /** True when the popup is the browser's own (it closes after opening the options page). */
  closeAfter: boolean;
  /** Recoupe is paused on this page: it reads nothing here, so it offers no page to add. */
  paused?: boolean;
};

/** The popup's actions on the page and its site: add the page to the corpus, pause, open the options. */
export function PageTools({ tabId, url, settings, update, closeAfter, paused = false }: PageToolsProps) {
  const [adding, setAdding] = useState<AddState>({ status: 'idle' });
  const [settingError, setSettingError] = useState<string | null>(null);
  const site = siteOf(url);

  const onAdd = async () => {
    setAdding({ status: 'adding' });
    try {
      const { dispatch, added } = await send('add-page-to-corpus', { tabId });
      setAdding({ status: 'done', outlet: dispatch.outlet, words: dispatch.words, added });
    } catch (err) {
      setAdding({ status: 'error', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const change = (c: SettingsChange) => {
    setSettingError(null);
    update(c).catch((err: unknown) => setSettingError(err instanceof Error ? err.message : String(err)));
  };

  return (
    <section class="rc-tools" aria-label={t('popToolsLabel')}>
      {site && !paused && (
        <div class="rc-tools__add" aria-busy={adding.status === 'adding'}>
          <button type="button" class="rc-button rc-button--quiet" data-testid="add-page-to-corpus" disabled={adding.status === 'adding'} onClick={() => void onAdd()}>
            {adding.status === 'adding' ? t('popAdding') : t('popAddPage')}
          </button>
          <div aria-live="polite">
            {adding.status === 'done' && (
              <p role="status" data-testid="add-page-result" data-added={String(adding.added)}>
                {adding.added ? t('popAdded', { outlet: adding.outlet, words: adding.words }) : t('popUpdated', { outlet: adding.outlet })}
              </p>
            )}
          </div>
          {adding.status === 'error' && <ErrorMessage title={t('popAddFailed')} detail={adding.error} />}
        </div>
      )}
      {settings && (
        <div class="rc-tools__pause">
          {site && (
            <label class="rc-check">
              <input
                type="checkbox"
                data-testid="pause-site"
                checked={settings.pausedSites.includes(site)}
                onChange={(e) => change({ site: { host: site, paused: (e.currentTarget as HTMLInputElement).checked } })}
              />{' '}
              {t('popPauseSite', { site })}
            </label>
          )}
          <label class="rc-check">
            <input
              type="checkbox"
              data-testid="pause-all"
              checked={settings.pausedEverywhere}
              onChange={(e) => change({ pausedEverywhere: (e.currentTarget as HTMLInputElement).checked })}
            />{' '}
            {t('popPauseAll')}
          </label>
        </div>
      )}
      {settingError && <ErrorMessage title={t('setFailed')} detail={settingError} />}
      <p class="rc-tools__options">
        <OptionsLink closeAfter={closeAfter} />
      </p>
    </section>
  );
}
