import { t } from '../i18n/t';
import type { DispatchInfo } from '../messaging/protocol';
import { siteOf } from '../settings/settings';
import { formatDate } from './format';

/**
 * Where and when the reader read a dispatch of their reading memory, and what the page credited:
 * "Read on lemonde.fr, 3 December 2026, credited AFP". Null for other dispatches.
 */
export function readNote(info: Pick<DispatchInfo, 'source' | 'url' | 'readAt' | 'credits' | 'outlet'> | undefined): string | null {
  if (!info || info.source !== 'read' || !info.readAt) return null;
  const site = siteOf(info.url) ?? info.outlet;
  const note = t('memReadOn', { site, date: formatDate(info.readAt.slice(0, 10)) });
  return info.credits && info.credits.length > 0 ? `${note}, ${t('memCredited', { agencies: info.credits.join(', ') })}` : note;
}
