import type { CDPSession, Page } from 'playwright-core';

/**
 * The hover card as the reader and assistive technology meet it. Its shadow root is closed, so
 * neither page scripts nor Playwright's selectors reach inside: these helpers go through the
 * DevTools protocol (as the accessibility tree does), find what the card shows, and act on it
 * with the real mouse and keyboard only.
 */

export interface CardElement {
  text: string;
  attrs: Record<string, string>;
  /** Viewport box, for a real mouse click. */
  box: { x: number; y: number; width: number; height: number };
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The card's shadow root (the card hangs on <html>), or null when no card is shown. */
async function shadowRoot(session: CDPSession): Promise<number | null> {
  const { root } = (await session.send('DOM.getDocument', { depth: 3, pierce: true })) as { root: DomNode };
  const html = root.children?.find((n) => n.nodeName === 'HTML');
  const host = html?.children?.find((n) => n.nodeName === 'RECOUPE-CARD');
  return host?.shadowRoots?.[0]?.nodeId ?? null;
}

async function call<T>(session: CDPSession, nodeId: number, fn: string): Promise<T> {
  const { object } = (await session.send('DOM.resolveNode', { nodeId })) as { object: { objectId?: string } };
  const { result } = (await session.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: fn, returnByValue: true })) as {
    result: { value: T };
  };
  return result.value;
}

const DESCRIBE = `function () {
  const r = this.getBoundingClientRect();
  const attrs = {};
  for (const a of this.attributes) attrs[a.name] = a.value;
  return { text: this.textContent || '', attrs, box: { x: r.left, y: r.top, width: r.width, height: r.height } };
}`;

/** The card's elements matching `selector` (visible ones have a non-empty box); empty when no card is shown. */
export async function cardQuery(page: Page, selector: string): Promise<CardElement[]> {
  const session = await cdp(page);
  // The card may render again between finding its nodes and reading them (it follows a scroll):
  // the node ids then vanish, and the query is asked again.
  for (let attempt = 0; ; attempt++) {
    try {
      const root = await shadowRoot(session);
      if (root === null) return [];
      const { nodeIds } = (await session.send('DOM.querySelectorAll', { nodeId: root, selector })) as { nodeIds: number[] };
      return await Promise.all(nodeIds.map((id) => call<CardElement>(session, id, DESCRIBE)));
    } catch (err) {
      if (attempt >= 4 || !/No node with given id|Could not find node/.test(String(err))) throw err;
    }
  }
}

/**
 * Runs `fn` (a function declaration's source) with `this` the card's shadow root; null when no card
 * is shown. A card that closes or opens anew between finding its root and calling (the reader moved
 * on) is looked up again.
 */
export async function cardCall<T>(page: Page, fn: string): Promise<T | null> {
  const session = await cdp(page);
  for (let attempt = 0; ; attempt++) {
    try {
      const root = await shadowRoot(session);
      return root === null ? null : await call<T>(session, root, fn);
    } catch (err) {
      if (attempt >= 4 || !/No node with given id|Could not find node/.test(String(err))) throw err;
    }
  }
}

/** All the text the card shows, or null when no card is shown. */
export function cardText(page: Page): Promise<string | null> {
  return cardCall<string>(page, 'function () { return this.textContent || ""; }');
}

/** Where the keyboard focus is inside the card: the focused element's data-testid (or tag), null if outside. */
export function cardFocus(page: Page): Promise<string | null> {
  return cardCall<string | null>(page, 'function () { const a = this.activeElement; return a ? a.getAttribute("data-testid") || a.tagName.toLowerCase() : null; }');
}

/** Polls until `check` holds for the card's text (null: no card); returns that text. */
export async function waitForCard(page: Page, check: (text: string | null) => boolean, what: string, timeoutMs = 5_000): Promise<string | null> {
  const until = Date.now() + timeoutMs;
  let text = await cardText(page);
  while (!check(text)) {
    if (Date.now() > until) throw new Error(`${what}; card text: ${JSON.stringify(text)}`);
    await page.waitForTimeout(50);
    text = await cardText(page);
  }
  return text;
}

/** Waits for a visible element of the card matching `selector`. */
export async function waitForCardElement(page: Page, selector: string, timeoutMs = 5_000): Promise<CardElement> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await cardQuery(page, selector)).find((e) => e.box.width > 0 && e.box.height > 0);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no visible ${selector} in the card; card text: ${JSON.stringify(await cardText(page))}`);
    await page.waitForTimeout(50);
  }
}

/** Clicks the card's element matching `selector` with the real mouse, as the reader does. */
export async function clickInCard(page: Page, selector: string, timeoutMs?: number): Promise<void> {
  const { box } = await waitForCardElement(page, selector, timeoutMs);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y, { steps: 3 });
  await page.mouse.click(x, y);
}

/** Moves the real mouse onto the first range of a highlight (scrolled into view); returns the point. */
export async function hoverHighlight(page: Page, name: string, index = 0): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([n, i]) => {
      const range = [...(CSS.highlights.get(n as string) ?? [])][i as number] as Range | undefined;
      if (!range) return null;
      (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 } : null;
    },
    [name, index] as const,
  );
  if (!point) throw new Error(`no ${name} highlight to hover`);
  await page.mouse.move(point.x - 30, point.y - 30);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  return point;
}
