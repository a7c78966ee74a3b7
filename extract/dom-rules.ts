/** What counts as never-visible, inline, block, and likely or unlikely content: the DOM vocabulary of extraction. */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Subtrees that never hold article text (or hold it only as markup or code). */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'nav', 'aside', 'footer', 'header', 'button',
  'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'select',
  'textarea', 'input', 'option', 'datalist', 'map', 'area', 'dialog', 'menu',
]);

const SKIP_ROLES = new Set('navigation complementary banner contentinfo menu menubar alert alertdialog dialog search'.split(' '));

/** Elements a browser renders inline by default: their text joins the surrounding line. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'img', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rb', 'rp', 'rt', 'rtc', 'ruby', 's', 'samp', 'small',
  'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'output', 'meter', 'progress',
  'math', 'picture', 'source', 'track',
]);

/** Whitespace a browser collapses in normal flow (not U+00A0, which it keeps). */
export const COLLAPSIBLE = /[ \t\n\r\f]+/g;

/**
 * The first child to walk under `el` whose open shadow root (read once by the caller: every
 * element is asked, and a DOM read from script is not free) is `shadow`: the shadow root's
 * content (what the page shows), then the light children (shown through its slots). A closed
 * root is out of reach, as for the page's own scripts.
 */
export function firstChildOf(el: Element, shadow: ShadowRoot | null): ChildNode | null {
  return (shadow && shadow.firstChild) || el.firstChild;
}

/**
 * The child after `child` in the walk of `el` started by firstChildOf. A child the page removed
 * meanwhile (extraction runs in slices) has no parent: the walk of `el` ends.
 */
export function nextChildOf(child: ChildNode, el: Element, shadow: ShadowRoot | null): ChildNode | null {
  return child.nextSibling ?? (shadow && child.parentNode === shadow ? el.firstChild : null);
}

/** The parent element, crossing from the top of an open shadow root to its host. */
export function parentOf(el: Element): Element | null {
  return el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;
}

/** Whether `el` is `anc` or inside it, shadow roots included. */
export function isWithin(anc: Element, el: Element): boolean {
  for (let e: Element | null = el; e; e = parentOf(e)) if (e === anc) return true;
  return false;
}

export function tagOf(el: Element): string {
  return (el.localName || el.tagName || '').toLowerCase();
}

/**
 * Custom elements are inline by default in a browser; they count as inline here too, and
 * any block inside them still breaks the line.
 */
export function isInline(tag: string): boolean {
  return INLINE_TAGS.has(tag) || tag.includes('-');
}

/** Hidden by markup alone, so Node and the browser agree without computed styles. */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style)) return true;
  return false;
}

/**
 * Editable by the reader (contenteditable other than "false", "plaintext-only" included): text
 * being written is not an article, and a highlight inside it would grow as the reader types.
 */
export function isEditable(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce.toLowerCase() !== 'false';
}

/** The attributes `isExcluded` reads: an element with none of them is never excluded by its attributes. */
const MAY_EXCLUDE = '[role],[hidden],[aria-hidden],[style],[contenteditable]';

/** Never holds article text: hidden, editable, a skipped tag, or a landmark role for navigation and asides. */
export function isExcluded(el: Element, tag: string): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  // Search boxes and sign-up forms are skipped, but some sites (ASP.NET) wrap the whole page in a
  // form: its third paragraph is looked for, its paragraphs are not counted to the end.
  if (tag === 'form' && !el.getElementsByTagName('p')[2]) return true;
  // Most article elements carry no attributes at all, and most others only a class or an id:
  // one selector match rules them out before the attribute reads.
  if (!el.hasAttributes() || !el.matches(MAY_EXCLUDE)) return false;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role.toLowerCase())) return true;
  return isHidden(el) || isEditable(el);
}

// Class and id words, after Mozilla Readability's lists, extended for today's share and promo widgets.
// A word found inside another is the same test: "entry" finds "hentry" and "h-entry", "foot" "footer".
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|share|sharing|newsletter|promo|outbrain|taboola|recommend|subscribe|signup|byline-tools|toolbar|masthead|cookie/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow|story|text|entry/i;
const POSITIVE = /article|body|content|entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|nav|menu/i;
const AD_WORD = /(?:^|[\s_-])(?:ad|ads|advert|adverts|advertisement|advertising)(?:$|[\s_-])/i;

function hints(el: Element): string {
  if (!el.hasAttributes()) return '';
  const cls = el.getAttribute('class') ?? '';
  let id = el.getAttribute('id') ?? '';
  // An id made from a heading ("sharing-with-a-single-developer") names a section's topic, not its role.
  if ((id.match(/[-_]/g)?.length ?? 0) > 2) id = '';
  return cls || id ? `${cls} ${id}` : '';
}

/** A name or title that says advertising ("3rd party ad content", "google_ads_iframe_1"). */
export const namesAd = (text: string): boolean => AD_WORD.test(text);

/** Class or id says navigation, comments, sharing, ads... and nothing says article. */
export function isUnlikely(el: Element): boolean {
  const h = hints(el);
  if (!h) return false;
  if (AD_WORD.test(h)) return true;
  return UNLIKELY.test(h) && !MAYBE.test(h);
}

/** Readability-style weight of an element's class and id: positive for article words, negative for page furniture. */
export function classWeight(el: Element): number {
  const h = hints(el);
  if (!h) return 0;
  let w = 0;
  if (NEGATIVE.test(h) || AD_WORD.test(h)) w -= 25;
  if (POSITIVE.test(h)) w += 25;
  return w;
}

export function tagWeight(tag: string): number {
  switch (tag) {
    case 'article':
    case 'main':
      return 10;
    case 'div':
    case 'section':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

export interface TextMetrics {
  /** Non-whitespace characters: a length measure indifferent to source indentation. */
  chars: number;
  /** Words; each Chinese or Japanese character counts as one, since those scripts do not space words. */
  words: number;
  commas: number;
}

const isCjk = (c: number): boolean =>
  (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isSpace = (c: number): boolean =>
  c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f;
const isComma = (c: number): boolean => c === 0x2c || c === 0xff0c || c === 0x3001 || c === 0x060c;

/**
 * One allocation-free pass over a text: pages have hundreds of thousands of text nodes. Most
 * characters are ASCII, so they are told apart inline before the Unicode tests: this loop runs
 * over every character of a page before the optimising compiler has seen it.
 */
export function textMetrics(text: string): TextMetrics {
  let chars = 0;
  let words = 0;
  let commas = 0;
  let inWord = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12) {
        inWord = false;
        continue;
      }
      chars++;
      if (!inWord) words++;
      inWord = true;
      if (c === 0x2c) commas++;
      continue;
    }
    // Beyond ASCII every character counts in the length, even the spaces (no-break, thin, ideographic).
    chars++;
    if (isSpace(c)) {
      inWord = false;
    } else if (isCjk(c)) {
      words++;
      inWord = false;
    } else {
      if (!inWord) words++;
      inWord = true;
      if (isComma(c)) commas++;
    }
  }
  return { chars, words, commas };
}

export function countWords(text: string): number {
  return textMetrics(text).words;
}
