import { useEffect, useState } from 'preact/hooks';
import { getLanguage, t } from '../i18n/t';
import { send } from '../messaging/client';
import { MEMORY_LIMITS } from '../settings/memory-settings';
import { ErrorMessage } from './ErrorMessage';
import { plural } from './format';
import { exportMemory } from './memory-export';
import { MemoryExcludedSites } from './MemoryExcludedSites';
import { MemoryPrompt } from './MemoryPrompt';
import { OpenStoriesLink } from './OpenStoriesLink';
import { useSettings } from './use-settings';

type MemorySectionProps = { onChanged(): void };

type Notice = { kind: 'forgotten'; count: number } | { kind: 'exporting'; count: number } | { kind: 'exported'; count: number; file: string } | null;

/** The reading memory on the settings page: on or off, how much it holds, sites left out, limits, export, forgetting. */
export function MemorySection({ onChanged }: MemorySectionProps) {
  const { settings, update } = useSettings();
  const [count, setCount] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => setError(err instanceof Error ? err.message : String(err));
  const refresh = () => send('memory-status', {}).then((s) => setCount(s.count), fail);

  useEffect(() => void refresh(), []);
  if (!settings) return null;
  const on = settings.memory === 'on';

  const forgetAll = async () => {
    setConfirming(false);
    try {
      const { forgotten } = await send('memory-forget', { scope: 'all' });
      setNotice({ kind: 'forgotten', count: forgotten });
      await refresh();
      onChanged();
    } catch (err) {
      fail(err);
    }
  };

  const onExport = async () => {
    setError(null);
    try {
      const done = await exportMemory((n) => setNotice({ kind: 'exporting', count: n }));
      setNotice({ kind: 'exported', ...done });
    } catch (err) {
      fail(err);
    }
  };

  const number = (value: string, field: 'memoryMonths' | 'memoryMax', range: { min: number; max: number }) => {
    const n = Number(value);
    if (Number.isInteger(n) && n >= range.min && n <= range.max) update({ [field]: n }).catch(fail);
  };

  return (
    <section class="rc-section rc-memory" aria-labelledby="rc-memory-heading" data-testid="memory-section">
      <h2 id="rc-memory-heading">{t('memHeading')}</h2>
      <p class="rc-muted">{t('memIntro')}</p>
      <p>
        <OpenStoriesLink />
      </p>
      {settings.memory === 'unset' && <MemoryPrompt update={update} />}
      <label class="rc-check">
        <input type="checkbox" data-testid="memory-toggle" checked={on} onChange={(e) => update({ memory: (e.currentTarget as HTMLInputElement).checked ? 'on' : 'off' }).catch(fail)} />{' '}
        {t('memToggle')}
      </label>
      <p data-testid="memory-count" data-count={count ?? ''} aria-live="polite">
        {count === null ? '' : count === 0 ? t('memCountNone') : plural(count, 'memCountOne', 'memCount')}
      </p>
      {!on && settings.memory === 'off' && count !== null && count > 0 && !confirming && (
        <p data-testid="memory-off-forget">
          {t('memOffForget', { count })}{' '}
          <button type="button" class="rc-button rc-button--danger" onClick={() => setConfirming(true)}>
            {t('memForgetAll')}
          </button>
        </p>
      )}
      <MemoryExcludedSites settings={settings} update={update} />
      <fieldset class="rc-field rc-memory__limits">
        {/* "50 000" in French, "50,000" in English: a count the reader reads, not a raw number. */}
        <legend data-testid="memory-retention">{t('memRetention', { months: settings.memoryMonths, max: new Intl.NumberFormat(getLanguage()).format(settings.memoryMax) })}</legend>
        <label>
          {t('memMonths')}{' '}
          <input type="number" data-testid="memory-months" min={MEMORY_LIMITS.months.min} max={MEMORY_LIMITS.months.max} value={settings.memoryMonths} onChange={(e) => number((e.currentTarget as HTMLInputElement).value, 'memoryMonths', MEMORY_LIMITS.months)} />
        </label>{' '}
        <label>
          {t('memMax')}{' '}
          <input type="number" data-testid="memory-max" min={MEMORY_LIMITS.max.min} max={MEMORY_LIMITS.max.max} step={100} value={settings.memoryMax} onChange={(e) => number((e.currentTarget as HTMLInputElement).value, 'memoryMax', MEMORY_LIMITS.max)} />
        </label>
      </fieldset>
      <p class="rc-memory__actions">
        <button type="button" class="rc-button rc-button--quiet" data-testid="memory-export" disabled={!count} onClick={() => void onExport()}>
          {t('memExport')}
        </button>{' '}
        {!confirming && (
          <button type="button" class="rc-button rc-button--danger" data-testid="memory-forget-all" disabled={!count} onClick={() => setConfirming(true)}>
            {t('memForgetAll')}
          </button>
        )}
      </p>
      {confirming && count !== null && (
        <p role="alert" data-testid="memory-forget-confirm">
          {t('memForgetAllConfirm', { count })}{' '}
          <button type="button" class="rc-button rc-button--danger-solid" data-testid="memory-forget-yes" onClick={() => void forgetAll()}>
            {t('memForgetConfirmYes')}
          </button>{' '}
          <button type="button" class="rc-button rc-button--quiet" onClick={() => setConfirming(false)}>
            {t('memForgetCancel')}
          </button>
        </p>
      )}
      <div aria-live="polite">
        {notice?.kind === 'forgotten' && <p role="status">{t('memForgotten', { count: notice.count })}</p>}
        {notice?.kind === 'exporting' && <p role="status">{t('memExporting', { count: notice.count })}</p>}
        {notice?.kind === 'exported' && (
          <p role="status" data-testid="memory-exported" data-count={notice.count}>
            {t('memExportDone', { count: notice.count, file: notice.file })}
          </p>
        )}
      </div>
      {error && <ErrorMessage title={t('memHeading')} detail={error} />}
    </section>
  );
}
