import type { Page } from 'playwright-core';
import { ask } from './background';
import { cardFocus } from './card';
import type { TestContext } from './types';

/**
 * Where the card and the passage it speaks of are on screen, read as a page script could: the
 * card's host box (its inside stays closed) and the ranges of the `recoupe-active` highlight.
 */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardGeometry {
  card: Rect | null;
  passage: Rect[];
  /** The marked passage's text. */
  text: string;
  viewport: { width: number; height: number };
}

export function cardGeometry(page: Page): Promise<CardGeometry> {
  return page.evaluate(() => {
    const host = document.querySelector('recoupe-card')?.getBoundingClientRect();
    const ranges = [...(CSS.highlights.get('recoupe-active') ?? [])] as Range[];
    return {
      card: host ? { left: host.left, top: host.top, right: host.right, bottom: host.bottom } : null,
      passage: ranges.flatMap((r) => [...r.getClientRects()].map((b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom }))),
      text: ranges.map((r) => r.toString()).join(''),
      viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
    };
  });
}

export const intersects = (a: Rect, b: Rect): boolean => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** Problems with the card's place: over a line of its passage, or out of the viewport. */
export function placementProblems(g: CardGeometry): string[] {
  if (!g.card) return ['no card'];
  const problems: string[] = [];
  const over = g.passage.filter((r) => intersects(g.card!, r));
  if (over.length > 0) problems.push(`the card ${JSON.stringify(g.card)} covers ${over.length} line(s) of its passage, e.g. ${JSON.stringify(over[0])}`);
  const { width, height } = g.viewport;
  if (g.card.left < 0 || g.card.top < 0 || g.card.right > width || g.card.bottom > height) problems.push(`the card ${JSON.stringify(g.card)} leaves the ${width}×${height} viewport`);
  return problems;
}

/** Polls `read` until `ok` holds; throws with the last value otherwise. */
export async function waitUntil<T>(page: Page, read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > until) throw new Error(`${what}: ${JSON.stringify(value)}`);
    await page.waitForTimeout(50);
    value = await read();
  }
  return value;
}

/** Opens the next passage's card with Alt+Shift+ArrowDown and waits for the focus on its main action. */
export async function stepToCard(page: Page): Promise<void> {
  await page.bringToFront();
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await waitUntil(page, () => cardFocus(page), (f) => f === 'open-comparison', 'no focus on the card’s main action after Alt+Shift+ArrowDown');
}

/** Sets the interface language from an extension page (the browser is shared, so tests set it back to 'auto'). */
export async function setLanguage(t: TestContext, language: 'en' | 'fr' | 'auto'): Promise<void> {
  const page = await t.newPage();
  await page.goto(`chrome-extension://${t.extensionId}/options.html`);
  await ask(page, 'set-settings', { language });
  await page.close();
}
