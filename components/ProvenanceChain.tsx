import { t } from '../i18n/t';

type ProvenanceChainProps = { chain: string[] };

/** First writer first: AFP → Europe 1. The arrows are decoration; the list order carries the meaning. */
export function ProvenanceChain({ chain }: ProvenanceChainProps) {
  if (chain.length === 0) return null;
  return (
    <ol class="rc-chain" aria-label={t('uiProvenance')} data-testid="provenance-chain">
      {chain.map((step, i) => (
        <li key={`${i}-${step}`}>
          {i > 0 && <span class="rc-arrow" aria-hidden="true">→</span>}
          {step}
        </li>
      ))}
    </ol>
  );
}
