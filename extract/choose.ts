import { classWeight, isWithin, parentOf, tagOf, tagWeight } from './dom-rules';
import { MAX_PARAGRAPH_LINK_DENSITY, type Measurement, type Paragraph, type TextStats } from './measure';
import { STEP, type Steps } from './steps';

export interface Choice {
  /** The article's containers in document order: the best one and the siblings that continue it. */
  roots: Element[];
  /** Words of paragraph text (not mostly links) inside the roots. */
  paragraphWords: number;
}

/** Below this many words of paragraph text a page is not an article (a 100-word brief still is). */
export const MIN_ARTICLE_WORDS = 80;

const linkDensity = (s: TextStats | undefined): number => (s && s.chars > 0 ? s.linkChars / s.chars : 0);

/**
 * Readability's scoring, kept to what a live page needs: each paragraph scores by length and
 * commas, discounted by its links; half of that goes to its grandparent and less further up.
 * The best container is then widened when its parent or siblings clearly continue the article.
 * Returns null when the best container is not article-like: too little prose, mostly links,
 * or a listing of linked headlines with short teasers (front, search and index pages).
 */
export function* chooseSteps(m: Measurement, body: Element): Steps<Choice | null> {
  const scores = new Map<Element, number>();
  let work = 0;
  for (const p of m.paragraphs) {
    // Each paragraph walks its ancestors: a few dozen map updates.
    if (++work % (STEP / 16) === 0) yield;
    const ld = p.linkChars / p.chars;
    if (ld > MAX_PARAGRAPH_LINK_DENSITY) continue;
    const score = (1 + p.commas + Math.min(Math.floor(p.chars / 100), 3)) * (1 - ld);
    let anc = parentOf(p.el);
    for (let level = 0; anc && level < 5; level++) {
      // One read and one write per ancestor: the first write also fixes the ancestor's place in the map.
      const before = scores.get(anc) ?? tagWeight(tagOf(anc)) + classWeight(anc);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(anc, before + score / divider);
      if (anc === body) break;
      anc = parentOf(anc);
    }
  }
  if (scores.size === 0) return null;
  for (const [el, s] of scores) {
    if (++work % STEP === 0) yield;
    scores.set(el, s * (1 - linkDensity(m.stats.get(el))));
  }

  const ranked = yield* best(scores, 5);
  let top = ranked[0][0];
  const topScore = ranked[0][1];

  // Several near-equal candidates under one ancestor: the article is split in parts, take the ancestor.
  const close = ranked.slice(1, 5).filter(([, s]) => s >= 0.75 * topScore).map(([el]) => el);
  if (close.length >= 3) {
    for (let anc = parentOf(top); anc && anc !== body; anc = parentOf(anc)) {
      if (close.filter((el) => isWithin(anc!, el)).length >= 3) {
        top = anc;
        break;
      }
    }
  }

  // Walk up while a parent scores better: the article body was only one of its blocks.
  let last = scores.get(top) ?? topScore;
  const threshold = last / 3;
  for (let parent = parentOf(top); parent && parent !== body; parent = parentOf(parent)) {
    const s = scores.get(parent);
    if (s === undefined) continue;
    if (s < threshold) break;
    if (s > last) {
      top = parent;
      break;
    }
    last = s;
  }
  while (top !== body && top.parentElement && top.parentElement !== body && top.parentElement.children.length === 1) {
    top = top.parentElement;
  }

  const roots = withSiblings(top, scores, m, body);
  return yield* judge(roots, m);
}

/**
 * The `n` best-scored entries, best first, in the order a stable sort would give them (ties
 * keep map order): one pass instead of sorting every candidate of a giant page.
 */
function* best(scores: Map<Element, number>, n: number): Steps<[Element, number][]> {
  const top: [Element, number][] = [];
  let work = 0;
  for (const entry of scores) {
    if (++work % STEP === 0) yield;
    if (top.length === n && entry[1] <= top[n - 1][1]) continue;
    let i = top.length;
    while (i > 0 && top[i - 1][1] < entry[1]) i--;
    top.splice(i, 0, entry);
    if (top.length > n) top.pop();
  }
  return top;
}

/**
 * The best container plus the siblings that continue it: same class, a good score, or plain
 * prose. One or two levels up, only same-class or strong siblings join: sites split a story
 * into several wrapped parts (one part per ad slot).
 */
function withSiblings(
  top: Element,
  scores: Map<Element, number>,
  m: Measurement,
  body: Element,
): Element[] {
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const own = new Map<Element, Paragraph>(m.paragraphs.map((p) => [p.el, p]));
  let roots: Element[] = [top];
  let node = top;
  for (let level = 0; level < 3; level++) {
    const parent = parentOf(node);
    if (!parent || node === body || parent === body.parentElement) break;
    const nodeClass = node.getAttribute('class') ?? '';
    const before: Element[] = [];
    const after: Element[] = [];
    let seen = false;
    // At the top of a shadow root, the siblings are that root's children.
    for (const sib of Array.from((node.parentNode as ParentNode).children)) {
      if (sib === node) {
        seen = true;
        continue;
      }
      if (!m.stats.has(sib)) continue; // excluded: nav, hidden, unlikely...
      const s = scores.get(sib) ?? 0;
      const sameClass = nodeClass !== '' && sib.getAttribute('class') === nodeClass;
      const sibLinks = m.stats.get(sib)!;
      const sameClassProse =
        sameClass && (m.prose.get(sib) ?? 0) >= 100 && sibLinks.linkChars <= 0.25 * sibLinks.chars;
      let join: boolean;
      if (level === 0) {
        const p = own.get(sib);
        const plainProse = p !== undefined && p.chars > 80 && p.linkChars / p.chars < 0.25;
        join = s + (sameClass ? topScore * 0.2 : 0) >= threshold || plainProse || sameClassProse;
      } else {
        join = (sameClass && s >= threshold) || sameClassProse || s >= topScore * 0.5;
      }
      if (join) (seen ? after : before).push(sib);
    }
    roots = [...before, ...roots, ...after];
    if (parent === body) break;
    node = parent;
  }
  return roots;
}

function* judge(roots: Element[], m: Measurement): Steps<Choice | null> {
  // Paragraphs share their ancestors: each element's answer is kept, so every ancestor is read
  // from the DOM once rather than once per paragraph under it. Paragraphs and headings lie within
  // the measuring walk's depth bound, and so does this recursion.
  const known = new Map<Element | null, boolean>(roots.map((r) => [r, true]));
  known.set(null, false);
  const inside = (el: Element | null): boolean => {
    let k = known.get(el);
    if (k === undefined) known.set(el, (k = inside(parentOf(el!))));
    return k;
  };
  let words = 0;
  let paragraphs = 0;
  let work = 0;
  for (const p of m.paragraphs) {
    if (++work % (STEP / 16) === 0) yield;
    if (p.linkChars / p.chars > MAX_PARAGRAPH_LINK_DENSITY || !inside(p.el)) continue;
    words += p.words;
    paragraphs++;
  }
  let chars = 0;
  let linkChars = 0;
  for (const r of roots) {
    const s = m.stats.get(r);
    if (s) {
      chars += s.chars;
      linkChars += s.linkChars;
    }
  }
  if (words < MIN_ARTICLE_WORDS) return null;
  if (chars === 0 || linkChars / chars > 0.5) return null;
  const headlines = m.linkedHeadings.filter(inside).length;
  if (headlines >= 4 && paragraphs < 2.5 * headlines) return null;
  return { roots, paragraphWords: words };
}
