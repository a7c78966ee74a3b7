import type { Story } from '../engine/stories';
import { t } from '../i18n/t';
import { formatPercent } from './format';
import { layoutGraph, NODE_RX, NODE_RY } from './story-layout';

type StoryGraphProps = {
  graph: Story['graph'];
  /** Unique on the page: names the arrowhead marker and the title of this graph. */
  uid: string;
};

/** What an arrow says, as text: the graph's caption lists them for readers who do not see it. */
export function arrowText(a: Story['graph']['arrows'][number]): string {
  if (a.kind === 'copy' && a.translated) return t('storiesArrowTranslated', { from: a.from, to: a.to, percent: formatPercent(a.copied) });
  if (a.kind === 'copy') return t('storiesArrowCopy', { from: a.from, to: a.to, percent: formatPercent(a.copied) });
  if (a.kind === 'shared') return t('storiesArrowShared', { a: a.from, b: a.to });
  return t('storiesArrowFacts', { a: a.from, b: a.to });
}

/**
 * Who republishes whom, drawn with plain SVG elements: one node per outlet (and the agency they
 * copy), an arrow from the likely origin to each outlet that republishes it with the share of its
 * page copied; a dashed line where the direction is unknown, a dotted one for facts only. Names
 * are SVG text, never markup; the caption says the same in words.
 */
export function StoryGraph({ graph, uid }: StoryGraphProps) {
  const layout = layoutGraph(graph.nodes, graph.arrows);
  const marker = `rc-arrowhead-${uid}`;
  const title = `rc-graph-title-${uid}`;
  return (
    <figure class="rc-story-graph">
      <svg
        role="img"
        aria-labelledby={title}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
        data-testid="story-graph"
      >
        <title id={title}>{t('storiesGraphLabel')}</title>
        <defs>
          <marker id={marker} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" class="rc-story-graph__head" />
          </marker>
        </defs>
        {layout.arrows.map((a) => (
          <g key={`${a.from}>${a.to}`}>
            <line
              x1={a.x1}
              y1={a.y1}
              x2={a.x2}
              y2={a.y2}
              class={`rc-story-graph__line rc-story-graph__line--${a.kind}`}
              marker-end={a.kind === 'copy' ? `url(#${marker})` : undefined}
              data-testid="story-arrow"
              data-from={a.from}
              data-to={a.to}
              data-kind={a.kind}
              data-translated={a.translated ? 'true' : undefined}
            />
            {a.kind !== 'facts' && (
              <text x={(a.x1 + a.x2) / 2} y={(a.y1 + a.y2) / 2 - 4} text-anchor="middle" class="rc-story-graph__share">
                {formatPercent(a.copied)}
              </text>
            )}
          </g>
        ))}
        {layout.nodes.map((n) => (
          <g key={n.name} data-testid="story-node" data-name={n.name} data-kind={n.kind}>
            <title>{n.name}</title>
            <ellipse cx={n.x} cy={n.y} rx={NODE_RX} ry={NODE_RY} class={`rc-story-graph__node rc-story-graph__node--${n.kind}`} />
            <text x={n.x} y={n.y} text-anchor="middle" dominant-baseline="central" class="rc-story-graph__label">
              {n.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <ul class="rc-story-graph__caption">
          {graph.arrows.map((a) => (
            <li key={`${a.from}>${a.to}`}>{arrowText(a)}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
