import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readArticleMeta } from '../extract/article-meta';

/**
 * Run by the background in a tab whose page the reader has read, when reading memory is on: reads
 * what the page says about itself (canonical address, site, date, byline) and gives it back as the
 * script's result. Never loaded otherwise, so pages pay nothing for it.
 */
export default defineUnlistedScript(() => readArticleMeta(document, location.href));
