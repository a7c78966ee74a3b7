import { t } from '../i18n/t';
import type { PageResult } from '../messaging/protocol';
import { snippet } from './diff-columns';
import { verdictText } from './format';
import { KindLabels } from './KindLabels';
import { selfParams, type SelfKind } from './hint-text';
import { articleFacts } from './versions';

type ArticleViewProps = {
  result: Pick<PageResult, 'passages' | 'dispatches' | 'dispatchInfo' | 'text'>;
  self: SelfKind;
  /** Opens the comparison of one passage. */
  onShow: (index: number) => void;
};

/**
 * The whole article at once: the verdict per dispatch, then each stretch of the page found in the
 * corpus, who tells it (copied or in other words) and which dispatches of the same story leave it
 * out, since an omission says something too.
 */
export function ArticleView({ result, self, onShow }: ArticleViewProps) {
  const facts = articleFacts(result);
  const outletOf = (id: string) => result.dispatchInfo[id]?.outlet ?? id;
  return (
    <section class="rc-article" data-testid="article-view" aria-labelledby="rc-article-title">
      <h2 id="rc-article-title">{t('uiArticleTitle')}</h2>
      {result.dispatches.length > 0 && (
        <>
          <h3>{t('uiArticleVerdicts')}</h3>
          <ul class="rc-article__verdicts" data-testid="article-verdicts">
            {result.dispatches.map((v) => (
              <li key={v.id} data-dispatch={v.id} data-relation={v.relation}>
                {verdictText(v, result.dispatchInfo[v.id] ?? { outlet: v.id, origin: '' }, self)}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="rc-muted rc-hint">{t('uiArticleHelp', selfParams(self))}</p>
      {facts.length === 0 ? (
        <p>{t('uiArticleEmpty', selfParams(self))}</p>
      ) : (
        <ol class="rc-article__facts">
          {facts.map((fact, n) => (
            <li key={fact.start} class="rc-fact" data-testid="article-fact" data-start={fact.start}>
              <p class="rc-fact__text">{snippet(result.text.slice(fact.start, fact.end), 400)}</p>
              <p class="rc-fact__line">
                <strong>{t('uiArticleReportedBy')}</strong>
              </p>
              <ul class="rc-fact__outlets">
                {fact.versions.map((index) => {
                  const p = result.passages[index];
                  return (
                    <li key={index} data-testid="article-teller" data-dispatch={p.dispatch}>
                      <span class="rc-fact__outlet">{outletOf(p.dispatch)}</span> <KindLabels passage={p} />
                    </li>
                  );
                })}
              </ul>
              <p class="rc-fact__line" data-testid="article-omitted" data-omitted={fact.omittedBy.length}>
                <strong>{t('uiArticleOmittedBy')}</strong>{' '}
                {fact.omittedBy.length === 0 ? <span class="rc-muted">{t('uiArticleOmittedNone')}</span> : fact.omittedBy.map(outletOf).join(', ')}
              </p>
              <button type="button" class="rc-button rc-button--quiet" data-testid="article-show" aria-label={t('uiArticleShowLabel', { n: n + 1 })} onClick={() => onShow(fact.versions[0])}>
                {t('uiArticleShow')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
