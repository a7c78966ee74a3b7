import { useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';
import { SENSITIVITIES, type Sensitivity } from '../settings/sensitivity';
import { HIGHLIGHT_KINDS, LANGUAGE_CHOICES, type LanguageChoice, type SettingsChange } from '../settings/settings';
import type { PassageKind } from '../engine/types';
import { Busy } from './Busy';
import { ErrorMessage } from './ErrorMessage';
import { useSettings } from './use-settings';

const KIND_LABELS: Record<PassageKind, MessageKey> = { verbatim: 'setKindVerbatim', edited: 'setKindEdited', 'same-fact': 'setKindSameFact', translated: 'setKindTranslated' };
const SENSITIVITY_LABELS: Record<Sensitivity, MessageKey> = { strict: 'setStrict', normal: 'setNormal', sensitive: 'setSensitive' };
const LANGUAGE_LABELS: Record<LanguageChoice, MessageKey> = { auto: 'setLanguageAuto', en: 'setLanguageEn', fr: 'setLanguageFr' };

/** Every setting, each applied as soon as it changes (open pages follow through the background). */
export function SettingsForm() {
  const { settings, error, update } = useSettings();
  const [status, setStatus] = useState<{ ok: true } | { ok: false; error: string } | null>(null);

  const change = (c: SettingsChange) => {
    setStatus(null);
    update(c).then(
      () => setStatus({ ok: true }),
      (err: unknown) => setStatus({ ok: false, error: err instanceof Error ? err.message : String(err) }),
    );
  };

  return (
    <section class="rc-section" aria-labelledby="rc-settings-heading" aria-busy={!settings && !error} data-testid="settings-form">
      <h2 id="rc-settings-heading">{t('setHeading')}</h2>
      {!settings && !error && <Busy label={t('loading')} />}
      {error && <ErrorMessage title={t('optActionFailed')} detail={error} />}
      {settings && (
        <div class="rc-settings">
          <fieldset>
            <legend>{t('setPauseHeading')}</legend>
            <label class="rc-check">
              <input type="checkbox" data-testid="setting-pause-all" checked={settings.pausedEverywhere} onChange={(e) => change({ pausedEverywhere: (e.currentTarget as HTMLInputElement).checked })} />{' '}
              {t('setPauseEverywhere')}
            </label>
            {settings.pausedSites.length === 0 ? (
              <p class="rc-muted rc-hint">{t('setNoPausedSites')}</p>
            ) : (
              <>
                <p>{t('setPausedSites')}</p>
                <ul class="rc-sites" data-testid="paused-sites">
                  {settings.pausedSites.map((site) => (
                    <li key={site}>
                      <span>{site}</span>{' '}
                      <button type="button" class="rc-button rc-button--quiet" data-testid="resume-site" data-site={site} onClick={() => change({ site: { host: site, paused: false } })}>
                        {t('setResumeSite', { site })}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>{t('setKinds')}</legend>
            {HIGHLIGHT_KINDS.map((kind) => (
              <label key={kind} class="rc-check">
                <input
                  type="checkbox"
                  data-testid="setting-kind"
                  data-kind={kind}
                  checked={settings.highlightKinds.includes(kind)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    change({ highlightKinds: on ? [...settings.highlightKinds, kind] : settings.highlightKinds.filter((k) => k !== kind) });
                  }}
                />{' '}
                {t(KIND_LABELS[kind])}
              </label>
            ))}
            <p class="rc-muted rc-hint">{t('setKindsHelp')}</p>
          </fieldset>
          <fieldset>
            <legend>{t('setSensitivity')}</legend>
            {SENSITIVITIES.map((level) => (
              <label key={level} class="rc-check">
                <input type="radio" name="sensitivity" value={level} data-testid="setting-sensitivity" checked={settings.sensitivity === level} onChange={() => change({ sensitivity: level })} />{' '}
                {t(SENSITIVITY_LABELS[level])}
              </label>
            ))}
          </fieldset>
          <label class="rc-field">
            <span>{t('setLanguage')}</span>
            <select data-testid="setting-language" value={settings.language} onChange={(e) => change({ language: (e.currentTarget as HTMLSelectElement).value as LanguageChoice })}>
              {LANGUAGE_CHOICES.map((choice) => (
                <option key={choice} value={choice} lang={choice === 'auto' ? undefined : choice}>
                  {t(LANGUAGE_LABELS[choice])}
                </option>
              ))}
            </select>
          </label>
          <div aria-live="polite">
            {status?.ok && (
              <p role="status" class="rc-muted" data-testid="settings-saved">
                {t('setSaved')}
              </p>
            )}
          </div>
          {status && !status.ok && <ErrorMessage title={t('setFailed')} detail={status.error} />}
        </div>
      )}
    </section>
  );
}
