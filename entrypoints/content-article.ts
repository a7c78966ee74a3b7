import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { articleReply } from './content/article-request';

/**
 * Run by the background in a tab's top frame when the reader adds the page to the corpus: the
 * article and its metadata, as the script's result. Never loaded otherwise, so pages pay nothing
 * for it (the bootstrap every page loads carries no such answer).
 */
export default defineUnlistedScript(() => articleReply());
