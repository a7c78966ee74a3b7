import { useState } from 'preact/hooks';
import type { Passage } from '../engine/types';
import type { MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';
import type { PageResult } from '../messaging/protocol';
import { diffColumns } from './diff-columns';
import { formatPercent } from './format';
import { HintList, hintKey } from './HintList';
import { selfParams, type SelfKind } from './hint-text';
import { KindLabels } from './KindLabels';
import { MarkedText } from './MarkedText';
import { diffLayers, markPieces, type MarkLayer } from './marked-text';
import { OutletBadge } from './OutletBadge';
import { ReaderLink } from './ReaderLink';
import { versionsOf } from './versions';

type FactVersionsProps = {
  result: Pick<PageResult, 'passages' | 'dispatches' | 'dispatchInfo'>;
  selected: number;
  onSelect: (index: number) => void;
  /** Heading of the first column: the page, or the dispatch read in the reading view. */
  selfLabel: MessageKey;
  /** What that first text is, for the hints' wording. */
  self: SelfKind;
  /** Language of the page's text, when known. */
  selfLang?: string;
};

/** Marks of one side of a pair, relative to that side's passage text. */
function sideLayers(p: Passage, side: 'page' | 'source', prefix: string, withDiff = true): MarkLayer[] {
  const base = p[side].start;
  const layers: MarkLayer[] = [];
  if (p.kind === 'same-fact') {
    for (const s of p.shared?.[side] ?? []) layers.push({ start: s.start - base, end: s.end - base, kind: 'shared' });
  } else if (withDiff) {
    const cols = diffColumns(p);
    layers.push(...diffLayers(p[side].text, side === 'page' ? cols.page : cols.source));
  }
  (p.hints ?? []).forEach((h, i) => {
    const span = h[side];
    if (span.end > span.start) layers.push({ start: span.start - base, end: span.end - base, kind: 'hint', hint: hintKey(prefix, i) });
  });
  return layers;
}

/**
 * The page's version of a passage beside every outlet's version of it, in columns that wrap on
 * narrow panels. The page's column is marked against the compared version (the selected passage):
 * its diff or shared terms and its hints' words; each outlet's column carries its own marks and
 * its framing differences. A copied passage has both its texts in the word diff above: here they
 * are not repeated (no page column, the compared column without its text), so each text shows
 * once, with its marks. Every text is rendered as text.
 */
export function FactVersions({ result, selected, onSelect, selfLabel, self, selfLang }: FactVersionsProps) {
  const [pinned, setPinned] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const active = preview ?? pinned;
  const versions = versionsOf(result, selected);
  const chosen = result.passages[selected];
  if (!chosen) return null;
  // The page column shows the compared pair's marks, plus the page words of a hint hovered in another column.
  const activeOwner = active === null ? null : Number(active.split('-')[0]);
  // A copied passage has its word diff drawn above the versions: its two texts are not shown again here.
  const diffAbove = chosen.kind === 'verbatim' || chosen.kind === 'edited';
  const pageLayers = sideLayers(chosen, 'page', String(selected));
  if (activeOwner !== null && activeOwner !== selected && result.passages[activeOwner]) {
    const other = result.passages[activeOwner];
    const i = Number(active!.split('-')[1]);
    const span = other.hints?.[i]?.page;
    if (span && span.end > span.start) pageLayers.push({ start: span.start - chosen.page.start, end: span.end - chosen.page.start, kind: 'hint', hint: active! });
  }

  return (
    <details class="rc-versions-wrap" open data-testid="fact-versions">
      <summary>
        <h3 id="rc-versions-title">{t('uiVersionsTitle')}</h3>
      </summary>
      <p class="rc-muted rc-hint">{t(diffAbove ? 'uiVersionsHelpCopied' : 'uiVersionsHelp', selfParams(self))}</p>
      <div class="rc-versions">
        {!diffAbove && (
          <section class="rc-version rc-version--self" data-testid="version-column" data-side="page" aria-label={t(selfLabel)}>
            <h4>{t(selfLabel)}</h4>
            <p class="rc-version__text" lang={selfLang}>
              <MarkedText pieces={markPieces(chosen.page.text, pageLayers)} side="page" activeHint={active} />
            </p>
          </section>
        )}
        {versions.map((index) => {
          const p = result.passages[index];
          const info = result.dispatchInfo[p.dispatch];
          const outlet = info?.outlet ?? p.dispatch;
          const current = index === selected;
          return (
            <section
              key={index}
              class={`rc-version${current ? ' rc-version--current' : ''}`}
              data-testid="version-column"
              data-side="dispatch"
              data-dispatch={p.dispatch}
              data-index={index}
              data-kind={p.kind}
              aria-label={outlet}
              aria-current={current ? 'true' : undefined}
            >
              <header class="rc-version__head">
                <OutletBadge id={p.dispatch} info={info} showTitle={false} heading="h4" />
                <p class="rc-version__labels">
                  <KindLabels passage={p} />{' '}
                  <span class="rc-muted">
                    {p.kind === 'same-fact' ? t('uiSimilarity', { percent: formatPercent(p.score) }) : t('uiScore', { percent: formatPercent(p.score) })}
                  </span>
                </p>
              </header>
              {current && diffAbove ? (
                <p class="rc-muted" data-testid="version-text-above">
                  {t('uiVersionTextAbove')}
                </p>
              ) : (
                <p class="rc-version__text" lang={info?.language || undefined}>
                  <MarkedText pieces={markPieces(p.source.text, sideLayers(p, 'source', String(index)))} side="source" activeHint={active} />
                </p>
              )}
              <div class="rc-version__hints">
                <h5>{t('uiHintsTitle')}</h5>
                <HintList hints={p.hints ?? []} keyPrefix={String(index)} outlet={outlet} self={self} pinned={pinned} onPreview={setPreview} onPin={setPinned} />
              </div>
              <p class="rc-version__actions">
                {current ? (
                  <span class="rc-label rc-label--current">{t('uiVersionCompared')}</span>
                ) : (
                  <button type="button" class="rc-button rc-button--quiet" data-testid="compare-version" onClick={() => onSelect(index)}>
                    {t('uiVersionCompare')}
                  </button>
                )}{' '}
                <ReaderLink id={p.dispatch} outlet={outlet} />
              </p>
            </section>
          );
        })}
      </div>
      <ul class="rc-legend" aria-label={t('uiLegendTitle')}>
        <li>
          <span class="rc-shared-sample" aria-hidden="true">{t('uiLegendSharedSample')}</span> {t('uiLegendShared')}
        </li>
        <li>
          <span class="rc-hint-sample" aria-hidden="true">{t('uiLegendHintSample')}</span> {t('uiLegendHint')}
        </li>
        <li class="rc-muted">{t('uiHintsHelp')}</li>
      </ul>
    </details>
  );
}
