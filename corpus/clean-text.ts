/**
 * Imported text is data from anyone: these helpers take out the characters that let it pose as
 * something else on screen, before it is stored.
 */

/**
 * Bidirectional controls: embeddings, overrides, isolates, and the left-to-right, right-to-left and
 * Arabic letter marks. In a name or a title they make "\u202EPFA" display as "AFP".
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** C0 and C1 control characters and DEL, except tab and line feed. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * A name or a title as it may be shown: without bidirectional or control characters. Line feeds
 * and tabs stay (they are only white space on screen). Right-to-left scripts still read right to
 * left: the browser orders their letters by itself, the marks only override it.
 */
export function cleanName(text: string): string {
  return text.replace(CONTROLS, '').replace(BIDI, '');
}

/**
 * Body text as it may be stored: line breaks made \n, control characters (null bytes among them)
 * taken out. Bidirectional marks stay: a paragraph of Arabic or Hebrew may need them, and a
 * paragraph is a block of its own, so they cannot spill into the names shown around it.
 */
export function cleanBody(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/** True when `text` holds a control, bidirectional or white-space character (none belongs in an address). */
export function hasHiddenCharacters(text: string): boolean {
  return /[\u0000-\u0020\u007F-\u00A0\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/.test(text);
}
