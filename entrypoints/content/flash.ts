import { adoptStyles } from './highlight-styles';

/** The highlight that marks, for a moment, the passage the reader selected in the side panel. */
export const FLASH = 'recoupe-flash';
/** Long enough to find the passage on the page, short enough not to linger over the reading. */
export const FLASH_MS = 1500;

/** A strong tint over the passage's own highlight, so it shows whatever its kind. */
const FLASH_CSS = `
::highlight(recoupe-flash) {
  background-color: rgba(255, 214, 0, 0.55);
  text-decoration: underline solid rgb(190, 120, 0);
  text-decoration-thickness: 3px;
}
`;

let styled = false;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Highlights `ranges` for FLASH_MS; a new flash replaces the one still shown. */
export function flashRanges(ranges: Range[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function' || ranges.length === 0) return;
  if (!styled) {
    styled = true;
    adoptStyles(FLASH_CSS);
  }
  const highlight = new Highlight(...ranges);
  // Above every passage kind (verbatim is 1).
  highlight.priority = 2;
  CSS.highlights.set(FLASH, highlight);
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    if (CSS.highlights.get(FLASH) === highlight) CSS.highlights.delete(FLASH);
  }, FLASH_MS);
}

/** Takes the flash off at once (the drawing is undone). */
export function clearFlash(): void {
  clearTimeout(timer);
  timer = undefined;
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(FLASH);
}
