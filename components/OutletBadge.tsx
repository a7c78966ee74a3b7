import type { DispatchInfo } from '../messaging/protocol';
import { t } from '../i18n/t';
import { formatDate } from './format';
import { ProvenanceChain } from './ProvenanceChain';

type OutletBadgeProps = {
  /** Shown alone when the dispatch is not described (for example removed from the corpus since). */
  id: string;
  info?: DispatchInfo;
  showTitle?: boolean;
  /** A heading where the badge titles a section (the side panel's groups), so screen readers can jump between them. */
  heading?: 'h2' | 'h3' | 'h4';
};

/** Who published the copy, who wrote it first, when, and the chain between them. */
export function OutletBadge({ id, info, showTitle = true, heading }: OutletBadgeProps) {
  const Name = heading ?? 'span';
  if (!info) {
    return (
      <div class="rc-badge">
        <Name class="rc-badge__outlet">{id}</Name>
      </div>
    );
  }
  const origin = info.origin && info.origin !== info.outlet ? t('uiOrigin', { origin: info.origin }) : '';
  const meta = [origin, info.date ? formatDate(info.date) : ''].filter(Boolean).join(' · ');
  return (
    <div class="rc-badge" data-dispatch={id}>
      <Name class="rc-badge__outlet">{info.outlet}</Name>
      {meta && <span class="rc-badge__meta">{meta}</span>}
      {showTitle && info.title && (
        <span class="rc-badge__meta" lang={info.language || undefined}>
          {info.title}
        </span>
      )}
      {info.chain.length > 1 && <ProvenanceChain chain={info.chain} />}
    </div>
  );
}
