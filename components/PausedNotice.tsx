import { t } from '../i18n/t';
import { siteOf, type Settings } from '../settings/settings';
import { EmptyState } from './EmptyState';

type PausedNoticeProps = { settings: Pick<Settings, 'pausedEverywhere'>; url: string | undefined; testId?: string };

/** On a paused site the page is not analysed: say so, and how to resume, rather than "reload the page". */
export function PausedNotice({ settings, url, testId }: PausedNoticeProps) {
  const site = siteOf(url);
  return (
    <EmptyState title={settings.pausedEverywhere || !site ? t('popPausedAll') : t('popPausedSite', { site })} testId={testId} kind="paused">
      <p>{t('popPausedHint')}</p>
    </EmptyState>
  );
}
