import { t } from '../i18n/t';

type DiffLegendProps = { withMark?: boolean };

/**
 * Explains the marks with samples styled like them. The samples are spans, not <ins>/<del>/<mark>,
 * so the document's real marks are only the diff's.
 */
export function DiffLegend({ withMark = false }: DiffLegendProps) {
  return (
    <ul class="rc-legend" aria-label={t('uiLegendTitle')}>
      <li>
        <span class="rc-ins-sample" aria-hidden="true">{t('uiLegendInsSample')}</span> {t('uiLegendIns')}
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
