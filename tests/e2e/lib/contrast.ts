import type { Page } from 'playwright-core';
import { cardCall } from './card';

/** A text whose colour reads below 4.5:1 on the background it is drawn on. */
export interface ContrastProblem {
  text: string;
  where: string;
  color: string;
  background: string;
  ratio: number;
}

/**
 * Source of a function run in the browser on a root (a document, or the card's closed shadow root
 * through the DevTools protocol): for every visible text, its computed colour against the colours
 * behind it (each ancestor's background composited, up through a shadow host, over the canvas),
 * and the WCAG 2 contrast ratio. Disabled controls are exempt, as WCAG has it. Returns the texts
 * under `min`, and how many texts were measured.
 */
export const CONTRAST_PROBE = `function (min) {
  const root = this && this.nodeType ? this : document;
  const parse = (c) => {
    const m = /rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?\\)/.exec(c);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
  };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x); return (hi + 0.05) / (lo + 0.05); };
  const up = (el) => el.parentElement || (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
  const doc = root.ownerDocument || root;
  const dark = doc.defaultView.matchMedia('(prefers-color-scheme: dark)').matches && /dark/.test(getComputedStyle(doc.documentElement).colorScheme);
  const canvas = dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
  const behind = (el) => {
    const layers = [];
    for (let e = el; e; e = up(e)) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0) { layers.push(bg); if (bg[3] >= 1) break; }
    }
    let colour = canvas;
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const problems = [];
  let measured = 0;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.trim();
    const el = n.parentElement;
    if (!text || !el || el.closest('script, style, template, [disabled], [aria-disabled=true], [hidden]')) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility !== 'visible' || box.width <= 1 || box.height <= 1 || el.getClientRects().length === 0) continue;
    if (el.closest('.rc-visually-hidden')) continue;
    const fg = parse(style.color);
    const bg = behind(el);
    if (!fg) { problems.push({ text: text.slice(0, 40), where: el.tagName, color: style.color, background: String(bg), ratio: 0 }); continue; }
    const shown = over(fg, bg);
    const r = ratio(shown, bg);
    measured++;
    if (r < min) problems.push({ text: text.slice(0, 40), where: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''), color: style.color, background: 'rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + ')', ratio: Math.round(r * 100) / 100 });
  }
  return { problems, measured };
}`;

export interface ContrastReport {
  problems: ContrastProblem[];
  measured: number;
}

/** Contrast of every visible text of a document (a page, an extension page). */
export function pageContrast(page: Page, min = 4.5): Promise<ContrastReport> {
  return page.evaluate(`(${CONTRAST_PROBE}).call(document, ${min})`) as Promise<ContrastReport>;
}

/** Contrast of every visible text of the open card, inside its closed shadow root. */
export function cardContrast(page: Page, min = 4.5): Promise<ContrastReport | null> {
  return cardCall<ContrastReport>(page, `function () { return (${CONTRAST_PROBE}).call(this, ${min}); }`);
}
