import { t } from '../i18n/t';
import type { Settings, SettingsChange } from '../settings/settings';

type MemoryPromptProps = { update(change: SettingsChange): Promise<Settings> };

/** The reading-memory question, asked once: what it does, where the data stays, yes or not now. */
export function MemoryPrompt({ update }: MemoryPromptProps) {
  return (
    <section class="rc-memory-ask" aria-labelledby="rc-memory-ask-title" data-testid="memory-ask">
      <h2 id="rc-memory-ask-title">{t('memAskTitle')}</h2>
      <p>{t('memAskText')}</p>
      <p class="rc-memory-ask__actions">
        <button type="button" class="rc-button" data-testid="memory-yes" onClick={() => void update({ memory: 'on' })}>
          {t('memAskYes')}
        </button>{' '}
        <button type="button" class="rc-button rc-button--quiet" data-testid="memory-no" onClick={() => void update({ memory: 'off' })}>
          {t('memAskNo')}
        </button>
      </p>
    </section>
  );
}
