/** Enough for any news article; bounds the work on giant pages (long threads, whole books). */
export const MAX_ARTICLE_CHARS = 200_000;
