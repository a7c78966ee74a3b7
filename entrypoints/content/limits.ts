/** Enough for any news article; bounds the work on giant pages (long threads, whole books). */
export const MAX_ARTICLE_CHARS = 200_000;
/** New text (characters) that makes a page worth reading again: a late article, an infinite-scroll page. */
export const GROWTH_CHARS = 500;
/** Article text (characters) edited in place that makes a page worth reading again: about a sentence, more than a ticking timestamp. */
export const EDITED_CHARS = 100;
/** Wait after growth before reading again, so one burst of rendering costs one run. */
export const GROWTH_DELAY_MS = 1000;
/** Re-runs the page watch may ask for per minute: a page that never stops changing is read a few times, not constantly. */
export const RUNS_PER_MINUTE = 4;
