import './summary.css';
import { t } from '../i18n/t';
import type { PageSummary } from './page-summary';
import { ownShare, segmentLabel, summaryHeadline } from './summary-text';
import { formatPercent } from './format';

type PageSummaryViewProps = { summary: PageSummary };

/**
 * The page at a glance: one sentence, then a bar of the page's words by source. The bar is drawn
 * for the eye (each segment titled); the legend under it is its text equivalent.
 */
export function PageSummaryView({ summary }: PageSummaryViewProps) {
  const headline = summaryHeadline(summary);
  if (!headline) return null;
  const own = ownShare(summary);
  return (
    <section class="rc-summary" data-testid="page-summary" aria-labelledby="rc-summary-headline">
      <p class="rc-summary__headline" id="rc-summary-headline" data-testid="summary-headline">
        {headline}
      </p>
      {summary.shares.length > 0 && (
        <>
          <div class="rc-coverage" aria-hidden="true" data-testid="coverage-bar">
            {summary.shares.map((share) => (
              <span
                key={`${share.kind}:${share.origin}`}
                class={`rc-coverage__seg rc-coverage__seg--${share.kind}`}
                style={{ width: `${(share.share * 100).toFixed(2)}%` }}
                title={segmentLabel(share)}
                data-testid="coverage-segment"
              />
            ))}
          </div>
          <ul class="rc-coverage__legend" aria-label={t('sumCoverageLabel')} data-testid="coverage-legend">
            {summary.shares.map((share) => (
              <li key={`${share.kind}:${share.origin}`}>
                <span class={`rc-swatch rc-swatch--${share.kind}`} aria-hidden="true" />
                {segmentLabel(share)}
              </li>
            ))}
            {own > 0.005 && (
              <li>
                <span class="rc-swatch rc-swatch--own" aria-hidden="true" />
                {t('sumSegmentOwn', { percent: formatPercent(own) })}
              </li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
