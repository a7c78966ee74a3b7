import { h, render } from 'preact';
import { CardView, type CardFact, type CardItem, type CardSaveActions } from '../../components/CardView';
import { CARD_CSS } from './card-styles';

const GAP = 6;
const MARGIN = 8;

/**
 * The `<recoupe-card>` element on <html>, with a closed shadow root: page styles cannot reach the
 * card and page scripts cannot read or drive it (`host.shadowRoot` is null for them). Created when
 * first shown, removed when closed.
 */
export class CardHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;

  constructor(
    private readonly onOpen: (index: number) => Promise<void>,
    private readonly onClose: () => void,
    private readonly saveActions?: CardSaveActions,
  ) {}

  get element(): HTMLElement | null {
    return this.host;
  }

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** Shows the card for `items` beside `anchor` (viewport coordinates). */
  show(items: CardItem[], anchor: DOMRect, fact?: CardFact): void {
    if (!this.host) this.create();
    render(h(CardView, { items, fact, onOpen: this.onOpen, onClose: this.onClose, ...this.saveActions }), this.mount!);
    this.place(anchor);
  }

  focus(): void {
    const root = this.shadow;
    (root?.querySelector<HTMLElement>('[data-testid="open-comparison"]') ?? root?.querySelector<HTMLElement>('button'))?.focus();
  }

  hide(): void {
    if (!this.host) return;
    render(null, this.mount!);
    this.host.remove();
    this.host = null;
    this.shadow = null;
    this.mount = null;
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
    document.documentElement.append(host);
    this.host = host;
    this.shadow = shadow;
    this.mount = mount;
  }

  /** Below the anchor when it fits, else above; kept inside the viewport. */
  private place(anchor: DOMRect): void {
    const host = this.host!;
    const box = host.getBoundingClientRect();
    const vw = document.documentElement.clientWidth || window.innerWidth;
    const vh = window.innerHeight;
    let top = anchor.bottom + GAP;
    if (top + box.height > vh - MARGIN && anchor.top - GAP - box.height >= MARGIN) top = anchor.top - GAP - box.height;
    top = Math.max(MARGIN, Math.min(top, vh - box.height - MARGIN));
    const left = Math.max(MARGIN, Math.min(anchor.left, vw - box.width - MARGIN));
    host.style.setProperty('top', `${Math.round(top)}px`, 'important');
    host.style.setProperty('left', `${Math.round(left)}px`, 'important');
  }
}
