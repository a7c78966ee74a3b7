import type { GraphArrow, GraphNode } from '../engine/stories';

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
  /** The name as drawn: long names are cut, the whole name goes in the node's title. */
  label: string;
}

export interface PlacedArrow extends GraphArrow {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export const NODE_RX = 66;
export const NODE_RY = 17;
const MAX_LABEL = 18;

/** Where a line from the centre of an ellipse towards (dx, dy) leaves it. */
function edgeOf(rx: number, ry: number, dx: number, dy: number): number {
  const len = Math.hypot(dx, dy) || 1;
  return 1 / Math.sqrt((dx / len / rx) ** 2 + (dy / len / ry) ** 2);
}

/**
 * The story graph laid out: nodes on an ellipse, the first (the agency, else the oldest outlet) at
 * the top; each arrow runs from the edge of one node to the edge of the other, so its head shows.
 */
export function layoutGraph(nodes: readonly GraphNode[], arrows: readonly GraphArrow[]): { width: number; height: number; nodes: PlacedNode[]; arrows: PlacedArrow[] } {
  const n = nodes.length;
  const width = n <= 2 ? 360 : 480;
  const height = n <= 2 ? 170 : n <= 4 ? 260 : 320;
  const cx = width / 2;
  const cy = height / 2;
  const rx = width / 2 - NODE_RX - 4;
  const ry = height / 2 - NODE_RY - 4;
  const placed = nodes.map((node, i): PlacedNode => {
    // Two nodes: one above the other, so the arrow between them is plain to see.
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    const label = node.name.length > MAX_LABEL ? `${node.name.slice(0, MAX_LABEL - 1)}…` : node.name;
    return { ...node, label, x: n === 1 ? cx : cx + rx * Math.cos(angle), y: n === 1 ? cy : cy + ry * Math.sin(angle) };
  });
  const at = new Map(placed.map((p) => [p.name, p]));
  const lines = arrows.flatMap((arrow): PlacedArrow[] => {
    const from = at.get(arrow.from);
    const to = at.get(arrow.to);
    if (!from || !to) return [];
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const len = Math.hypot(dx, dy) || 1;
    const start = edgeOf(NODE_RX, NODE_RY, dx, dy) + 2;
    const end = edgeOf(NODE_RX, NODE_RY, dx, dy) + 6;
    return [{ ...arrow, x1: from.x + (dx / len) * start, y1: from.y + (dy / len) * start, x2: to.x - (dx / len) * end, y2: to.y - (dy / len) * end }];
  });
  return { width, height, nodes: placed, arrows: lines };
}
