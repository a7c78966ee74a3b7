import { render, type ComponentChild } from 'preact';
import { placeCard, type Box } from './card-place';
import { CARD_CSS } from './card-styles';

/** What the card is attached to: the passage's line boxes now, and the line it was opened from. */
export interface CardAnchor {
  passage(): Box[];
  line: Box;
}

export interface CardCallbacks {
  /** Tab from the card's last control: the reader goes back to the page. */
  onTabOut(): void;
}

/**
 * The `<recoupe-card>` element on <html>, with a closed shadow root: page styles cannot reach the
 * card and page scripts cannot read or drive it (`host.shadowRoot` is null for them). Created when
 * first shown, removed when closed. Placed beside its passage, never over it when there is room.
 */
export class CardHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  private anchor: CardAnchor | null = null;
  /** Where the passage's first line was when the card was placed: a scroll moves the opening line by as much. */
  private first: Box | null = null;
  private resize: ResizeObserver | null = null;

  constructor(private readonly callbacks: CardCallbacks) {}

  get element(): HTMLElement | null {
    return this.host;
  }

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** Shows the card's `view` beside its passage (a view keyed by its passage starts afresh for another one). */
  show(view: ComponentChild, anchor: CardAnchor): void {
    if (!this.host) this.create();
    render(view, this.mount!);
    this.anchor = anchor;
    this.first = null;
    this.place();
  }

  /** Places the card again beside its passage (after a scroll, a resize, or when the card grows). */
  place(): void {
    if (!this.host || !this.anchor) return;
    const passage = this.anchor.passage();
    const first = passage[0] ?? null;
    let line = this.anchor.line;
    if (first && this.first) {
      const dx = first.left - this.first.left;
      const dy = first.top - this.first.top;
      line = { left: line.left + dx, right: line.right + dx, top: line.top + dy, bottom: line.bottom + dy };
    } else this.first = first && { left: first.left, top: first.top, right: first.right, bottom: first.bottom };
    const box = this.host.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    const { left, top } = placeCard({ width: box.width, height: box.height }, passage, line, viewport);
    this.host.style.setProperty('top', `${Math.round(top)}px`, 'important');
    this.host.style.setProperty('left', `${Math.round(left)}px`, 'important');
  }

  focus(): void {
    const root = this.shadow;
    // The main action ("Compare", or "Open in saved comparisons" on a saved passage alone).
    (root?.querySelector<HTMLElement>('button.open') ?? root?.querySelector<HTMLElement>('button'))?.focus();
  }

  hide(): void {
    if (!this.host) return;
    this.resize?.disconnect();
    render(null, this.mount!);
    this.host.remove();
    this.host = null;
    this.shadow = null;
    this.mount = null;
    this.anchor = null;
    this.resize = null;
  }

  contains(node: EventTarget | null): boolean {
    return this.host !== null && node instanceof Node && (node === this.host || this.host.contains(node));
  }

  private create(): void {
    const host = document.createElement('recoupe-card');
    // Inline and important: page rules on unknown elements must not move or hide the card.
    for (const [name, value] of [
      ['position', 'fixed'],
      ['z-index', '2147483647'],
      ['display', 'block'],
      ['top', '0'],
      ['left', '0'],
      ['margin', '0'],
      ['padding', '0'],
      ['border', '0'],
    ]) {
      host.style.setProperty(name, value, 'important');
    }
    const shadow = host.attachShadow({ mode: 'closed' });
    // An adopted sheet keeps the shadow root's text content to the card's own words.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CARD_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = CARD_CSS;
      shadow.append(style);
    }
    const mount = document.createElement('div');
    shadow.append(mount);
    mount.addEventListener('keydown', (e) => this.onKeyDown(e));
    document.documentElement.append(host);
    this.host = host;
    this.shadow = shadow;
    this.mount = mount;
    // The legend unfolding or a longer error makes the card taller: place it again so it still clears the passage.
    if (typeof ResizeObserver === 'function') {
      this.resize = new ResizeObserver(() => this.place());
      this.resize.observe(mount);
    }
  }

  /** Tab from the last control leaves the card for the page at its passage, not for the top of the page. */
  private onKeyDown(e: KeyboardEvent): void {
    if (!e.isTrusted || e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
    const controls = [...this.mount!.querySelectorAll<HTMLElement>('button:not([disabled])')];
    if (controls.length === 0 || this.shadow!.activeElement !== controls[controls.length - 1]) return;
    e.preventDefault();
    e.stopPropagation();
    this.callbacks.onTabOut();
  }
}
