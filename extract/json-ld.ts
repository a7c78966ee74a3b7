/**
 * Reading a page's JSON-LD, bounded: a hostile page may ship megabytes of it, nest it deeply or
 * break it. Blocks over the size limit are skipped, the walk stops after a fixed number of nodes,
 * and nothing here throws.
 */

/** Blocks read, and the size of one: a news page's JSON-LD fits in a few kilobytes. */
export const MAX_BLOCKS = 20;
export const MAX_BLOCK_CHARS = 256 * 1024;
const MAX_DEPTH = 8;
const MAX_NODES = 5000;

/** The parsed JSON-LD blocks of a document, broken and oversized ones left out. */
export function jsonLdBlocks(doc: Document): unknown[] {
  const out: unknown[] = [];
  let scripts: Element[];
  try {
    // Filtered by hand: the `i` attribute-selector flag is not understood by every DOM (linkedom).
    scripts = [...doc.querySelectorAll('script[type]')]
      .filter((s) => s.getAttribute('type')?.trim().toLowerCase() === 'application/ld+json')
      .slice(0, MAX_BLOCKS);
  } catch {
    return out;
  }
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length > MAX_BLOCK_CHARS) continue;
    // Some sites wrap the JSON in CDATA or comment markers, as for old inline scripts.
    const json = text.replace(/^\s*(?:\/\/\s*)?(?:<!\[CDATA\[|<!--)/, '').replace(/(?:\/\/\s*)?(?:\]\]>|-->)\s*$/, '');
    try {
      out.push(JSON.parse(json));
    } catch {
      // A page's broken JSON-LD is its own business.
    }
  }
  return out;
}

/** True for the JSON-LD nodes that describe an article (NewsArticle, ReportageNewsArticle, BlogPosting…). */
function isArticle(node: Record<string, unknown>): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => typeof t === 'string' && /Article$|^BlogPosting$|^LiveBlogPosting$|^Report$/i.test(t));
}

/**
 * The objects of the JSON-LD values, breadth first (top-level nodes and @graph entries before what
 * they nest), article nodes first: a page's own NewsArticle wins over the dates and names of the
 * WebPage, the Organization or a related article nested deeper.
 */
export function jsonLdNodes(values: unknown[]): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  let queue: { value: unknown; depth: number }[] = values.map((value) => ({ value, depth: 0 }));
  let seen = 0;
  while (queue.length > 0 && seen < MAX_NODES) {
    const next: typeof queue = [];
    for (const { value, depth } of queue) {
      if (++seen > MAX_NODES) break;
      if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) continue;
      if (Array.isArray(value)) {
        for (const item of value.slice(0, MAX_NODES)) next.push({ value: item, depth: depth + 1 });
        continue;
      }
      const node = value as Record<string, unknown>;
      nodes.push(node);
      for (const key of Object.keys(node).slice(0, 200)) {
        const child = node[key];
        if (typeof child === 'object' && child !== null) next.push({ value: child, depth: depth + 1 });
      }
    }
    queue = next;
  }
  return [...nodes.filter(isArticle), ...nodes.filter((n) => !isArticle(n))];
}

/** A string field of the first node that has one. */
export function firstString(nodes: Record<string, unknown>[], field: string): string | undefined {
  for (const node of nodes) {
    const value = node[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}

/** The names of an `author` value: a string, a Person or Organization, or an array of them. */
function namesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.slice(0, 20).flatMap((v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? namesOf(v) : typeof v === 'string' ? [v] : []));
  if (typeof value === 'object' && value !== null) {
    const name = (value as Record<string, unknown>).name;
    return typeof name === 'string' ? [name] : [];
  }
  return [];
}

/** The author names of the first article node that names any, else of the first node that does. */
export function authorNames(nodes: Record<string, unknown>[]): string[] {
  for (const node of nodes) {
    const names = namesOf(node.author).filter((n) => n.trim());
    if (names.length > 0) return names;
  }
  return [];
}
