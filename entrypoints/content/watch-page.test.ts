import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TextPiece } from '../../extract';
import { EDITED_CHARS, GROWTH_CHARS, GROWTH_DELAY_MS, RUNS_PER_MINUTE } from './limits';
import { watchPage, type Change } from './watch-page';

/**
 * The watch runs against a linkedom document; its MutationObserver is replaced by one the test
 * drives, so each case says exactly which changes the page made.
 */
class FakeObserver {
  static all: FakeObserver[] = [];
  targets: Node[] = [];
  constructor(readonly callback: (records: Partial<MutationRecord>[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(target: Node) {
    this.targets.push(target);
  }
  disconnect() {
    this.targets = [];
  }
}

const observer = () => FakeObserver.all[FakeObserver.all.length - 1];
const observing = () => observer()?.targets.length ?? 0;
/** The page changed: delivers the records, as the browser does, only to a connected observer. */
const mutate = (...records: Partial<MutationRecord>[]) => {
  if (observing() > 0) observer().callback(records.map((r) => ({ addedNodes: [] as unknown as NodeList, removedNodes: [] as unknown as NodeList, ...r })));
};
const list = (...nodes: Node[]) => nodes as unknown as NodeList;
const words = (n: number) => 'x'.repeat(n);

let doc: Document;
/** linkedom dispatches only its own events. */
let visibilityChange: () => void;
let hidden = false;
let href = 'https://news.example/a';

function setUp(body: string) {
  const page = parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);
  doc = page.document as unknown as Document;
  visibilityChange = () => doc.dispatchEvent(new page.Event('visibilitychange') as unknown as Event);
  Object.defineProperty(doc, 'hidden', { get: () => hidden, configurable: true });
  vi.stubGlobal('document', doc);
}

/** A watch whose "moved" compares the current address with the one it started on, recording the changes it asks for. */
function start() {
  const asked: Change[] = [];
  const first = href;
  const watch = watchPage(() => href !== first, (change) => asked.push(change));
  return { watch, asked };
}

/** An article read from the page's paragraphs, one piece per text node. */
function readArticle(): { text: string; pieces: TextPiece[]; roots: Node[] } {
  const pieces: TextPiece[] = [];
  let text = '';
  for (const p of doc.querySelectorAll('p')) {
    const node = p.firstChild as Text;
    if (text) text += '\n\n';
    pieces.push({ node, nodeStart: 0, nodeEnd: node.data.length, textStart: text.length });
    text += node.data;
  }
  return { text, pieces, roots: [doc] };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeObserver.all = [];
  hidden = false;
  href = 'https://news.example/a';
  vi.stubGlobal('MutationObserver', FakeObserver);
  setUp(`<article><p>${words(300)}</p><p>${'y'.repeat(300)}</p></article><div id="ticker">12:00</div>`);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('watchPage', () => {
  it('observes nothing before the first run starts, then the whole document', () => {
    const { watch } = start();
    expect(observing()).toBe(0);
    watch.reset();
    expect(observer().targets).toEqual([doc.documentElement]);
  });

  it('asks for one run a second after the page grew by enough text, however many changes came meanwhile', () => {
    const { watch, asked } = start();
    watch.reset();
    const grown = doc.createElement('section');
    grown.textContent = words(GROWTH_CHARS / 2);
    mutate({ type: 'childList', target: doc.body, addedNodes: list(grown) });
    vi.advanceTimersByTime(GROWTH_DELAY_MS * 2);
    expect(asked).toEqual([]);
    const more = doc.createElement('section');
    more.textContent = words(GROWTH_CHARS / 2);
    mutate({ type: 'childList', target: doc.body, addedNodes: list(more) });
    mutate({ type: 'childList', target: doc.body, addedNodes: list(more) });
    vi.advanceTimersByTime(GROWTH_DELAY_MS - 1);
    expect(asked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(asked).toEqual(['grown']);
  });

  it('does not count scripts, styles, its own elements, nor text typed into an editable region', () => {
    const { watch, asked } = start();
    watch.reset();
    const big = words(GROWTH_CHARS * 2);
    for (const tag of ['script', 'style', 'recoupe-card']) {
      const el = doc.createElement(tag);
      el.textContent = big;
      mutate({ type: 'childList', target: doc.body, addedNodes: list(el) });
    }
    const editor = doc.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    doc.body.appendChild(editor);
    const typed = doc.createElement('p');
    typed.textContent = big;
    editor.appendChild(typed);
    mutate({ type: 'childList', target: editor, addedNodes: list(typed) });
    vi.advanceTimersByTime(GROWTH_DELAY_MS * 5);
    expect(asked).toEqual([]);
  });

  it('counts text under contenteditable="false" inside an editor as the page’s own', () => {
    const { watch, asked } = start();
    watch.reset();
    const editor = doc.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    const fixed = doc.createElement('div');
    fixed.setAttribute('contenteditable', 'FALSE');
    editor.appendChild(fixed);
    doc.body.appendChild(editor);
    const added = doc.createElement('p');
    added.textContent = words(GROWTH_CHARS);
    fixed.appendChild(added);
    mutate({ type: 'childList', target: fixed, addedNodes: list(added) });
    vi.advanceTimersByTime(GROWTH_DELAY_MS);
    expect(asked).toEqual(['grown']);
  });

  it('ignores every change while the whole document is in design mode', () => {
    const { watch, asked } = start();
    watch.reset();
    doc.designMode = 'on';
    const el = doc.createElement('p');
    el.textContent = words(GROWTH_CHARS * 2);
    mutate({ type: 'childList', target: doc.body, addedNodes: list(el) });
    vi.advanceTimersByTime(GROWTH_DELAY_MS * 2);
    expect(asked).toEqual([]);
  });

  it('asks at once for a new address, which outranks pending growth', () => {
    const { watch, asked } = start();
    watch.reset();
    const el = doc.createElement('p');
    el.textContent = words(GROWTH_CHARS);
    mutate({ type: 'childList', target: doc.body, addedNodes: list(el) });
    href = 'https://news.example/b';
    mutate({ type: 'childList', target: doc.body, addedNodes: list(doc.createElement('span')) });
    vi.advanceTimersByTime(0);
    expect(asked).toEqual(['url']);
    vi.advanceTimersByTime(GROWTH_DELAY_MS * 2);
    expect(asked).toEqual(['url']);
  });

  it('checks the address when told (the background’s notice after history.pushState), without any DOM change', () => {
    const { watch, asked } = start();
    watch.reset();
    watch.check();
    vi.advanceTimersByTime(0);
    expect(asked).toEqual([]);
    href = 'https://news.example/b';
    watch.check();
    vi.advanceTimersByTime(0);
    expect(asked).toEqual(['url']);
  });

  it('reads again when enough of the article’s own text was edited in place, not for a ticking clock', () => {
    const { watch, asked } = start();
    watch.reset();
    watch.track(readArticle());
    const ticker = doc.getElementById('ticker')!.firstChild as Text;
    ticker.data = '12:01';
    mutate({ type: 'characterData', target: ticker });
    vi.advanceTimersByTime(GROWTH_DELAY_MS);
    expect(asked).toEqual([]);

    const first = doc.querySelector('p')!.firstChild as Text;
    first.data = 'z'.repeat(EDITED_CHARS - 1) + first.data.slice(EDITED_CHARS - 1);
    mutate({ type: 'characterData', target: first });
    vi.advanceTimersByTime(GROWTH_DELAY_MS);
    // A changed piece counts whole: one node of 300 characters edited is enough.
    expect(asked).toEqual(['edited']);
  });

  it('reads again when the article’s nodes are replaced, and not when unrelated nodes go', () => {
    const { watch, asked } = start();
    watch.reset();
    watch.track(readArticle());
    const ticker = doc.getElementById('ticker')!;
    ticker.remove();
    mutate({ type: 'childList', target: doc.body, removedNodes: list(ticker) });
    vi.advanceTimersByTime(GROWTH_DELAY_MS);
    expect(asked).toEqual([]);
    const p = doc.querySelector('p')!;
    p.remove();
    mutate({ type: 'childList', target: doc.querySelector('article')!, removedNodes: list(p) });
    vi.advanceTimersByTime(GROWTH_DELAY_MS);
    expect(asked).toEqual(['edited']);
  });

  it('never asks about edits when the run read no article', () => {
    const { watch, asked } = start();
    watch.reset();
    watch.track(null);
    const p = doc.querySelector('p')!;
    p.remove();
    mutate({ type: 'childList', target: doc.body, removedNodes: list(p) });
    vi.advanceTimersByTime(GROWTH_DELAY_MS * 2);
    expect(asked).toEqual([]);
  });

  it(`asks at most ${RUNS_PER_MINUTE} runs a minute, and the next one when the minute is up`, () => {
    const { watch, asked } = start();
    watch.reset();
    const grow = () => {
      watch.reset();
      const el = doc.createElement('p');
      el.textContent = words(GROWTH_CHARS);
      mutate({ type: 'childList', target: doc.body, addedNodes: list(el) });
      vi.advanceTimersByTime(GROWTH_DELAY_MS);
    };
    for (let i = 0; i < RUNS_PER_MINUTE + 2; i++) grow();
    expect(asked.length).toBe(RUNS_PER_MINUTE);
    vi.advanceTimersByTime(60_000);
    expect(asked.length).toBe(RUNS_PER_MINUTE + 1);
  });

  it('counts growth from the latest run on', () => {
    const { watch, asked } = start();
    watch.reset();
    const half = () => {
      const el = doc.createElement('p');
      el.textContent = words(GROWTH_CHARS / 2 + 1);
      mutate({ type: 'childList', target: doc.body, addedNodes: list(el) });
    };
    half();
    watch.reset();
    half();
    vi.advanceTimersByTime(GROWTH_DELAY_MS * 2);
    expect(asked).toEqual([]);
    half();
    vi.advanceTimersByTime(GROWTH_DELAY_MS);
    expect(asked).toEqual(['grown']);
  });

  it('stops observing while the page is hidden and measures on return what grew meanwhile', () => {
    const { watch, asked } = start();
    watch.reset();
    hidden = true;
    visibilityChange();
    expect(observing()).toBe(0);
    vi.advanceTimersByTime(0);
    const el = doc.createElement('p');
    el.textContent = words(GROWTH_CHARS);
    doc.body.appendChild(el);
    hidden = false;
    visibilityChange();
    expect(observing()).toBe(1);
    vi.advanceTimersByTime(GROWTH_DELAY_MS);
    expect(asked).toEqual(['grown']);
  });

  it('a hidden page asks for nothing until it is shown again', () => {
    const { watch, asked } = start();
    watch.reset();
    const el = doc.createElement('p');
    el.textContent = words(GROWTH_CHARS);
    mutate({ type: 'childList', target: doc.body, addedNodes: list(el) });
    hidden = true;
    vi.advanceTimersByTime(GROWTH_DELAY_MS * 2);
    expect(asked).toEqual([]);
  });

  it('on return, compares the read article with the page for edits made while hidden', () => {
    const { watch, asked } = start();
    watch.reset();
    watch.track(readArticle());
    hidden = true;
    visibilityChange();
    vi.advanceTimersByTime(0);
    (doc.querySelector('p')!.firstChild as Text).data = 'rewritten '.repeat(30);
    hidden = false;
    visibilityChange();
    vi.advanceTimersByTime(0);
    expect(asked).toEqual(['edited']);
  });

  it('on return with nothing changed, asks for nothing', () => {
    const { watch, asked } = start();
    watch.reset();
    watch.track(readArticle());
    hidden = true;
    visibilityChange();
    vi.advanceTimersByTime(0);
    hidden = false;
    visibilityChange();
    vi.advanceTimersByTime(GROWTH_DELAY_MS * 2);
    expect(asked).toEqual([]);
  });

  it('also observes the shadow roots the read text lives in, and stops when the text leaves them', () => {
    setUp('<div id="host"></div>');
    const host = doc.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const p = doc.createElement('p');
    p.textContent = words(300);
    shadow.appendChild(p);
    const { watch } = start();
    watch.reset();
    const node = p.firstChild as Text;
    watch.track({ text: node.data, pieces: [{ node, nodeStart: 0, nodeEnd: node.data.length, textStart: 0 }], roots: [doc, shadow] });
    expect(observer().targets).toEqual([doc.documentElement, shadow]);
    watch.track(null);
    expect(observer().targets).toEqual([doc.documentElement]);
  });
});
