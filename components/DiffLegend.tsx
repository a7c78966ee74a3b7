import { t } from '../i18n/t';
import type { SelfKind } from './hint-text';

type DiffLegendProps = { withMark?: boolean; self?: SelfKind };

/**
 * Explains the marks with samples styled like them. The samples are spans, not <ins>/<del>/<mark>,
 * so the document's real marks are only the diff's.
 */
export function DiffLegend({ withMark = false, self = 'page' }: DiffLegendProps) {
  return (
    <ul class="rc-legend" aria-label={t('uiLegendTitle')}>
      <li>
        <span class="rc-ins-sample" aria-hidden="true">{t('uiLegendInsSample')}</span> {t(self === 'dispatch' ? 'uiLegendInsDispatch' : 'uiLegendIns')}
      </li>
      <li>
        <span class="rc-del-sample" aria-hidden="true">{t('uiLegendDelSample')}</span> {t('uiLegendDel')}
      </li>
      {withMark && (
        <li>
          <span class="rc-mark-sample" aria-hidden="true">{t('uiLegendMarkSample')}</span> {t('uiLegendMark')}
        </li>
      )}
    </ul>
  );
}
