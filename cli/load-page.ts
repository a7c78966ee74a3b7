import { extname } from 'node:path';
import { CliError } from './cli-error';
import { readInputFile } from './read-input';

export type LoadedPage =
  | { kind: 'article'; text: string; title?: string; date?: string; language?: string }
  /** HTML that the extension's extraction finds not article-like: the extension would do nothing on it. */
  | { kind: 'no-article' };

/** The page text the engine sees: a .txt as it is, an .html through the content script's extraction. */
export async function loadPage(file: string): Promise<LoadedPage> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.txt' && ext !== '.html' && ext !== '.htm') {
    throw new CliError(`unsupported page file ${file}: expected .txt, .html or .htm`);
  }
  const content = readInputFile(file, 'page', ext === '.txt');
  if (ext === '.txt') return { kind: 'article', text: content };

  // Loaded only for HTML so that a .txt comparison does not pay for the DOM library.
  const [{ parseHTML }, { extractArticle }, { pageMeta }] = await Promise.all([
    import('linkedom'),
    import('../extract/extract-article'),
    import('../extract/page-meta'),
  ]);
  const { document } = parseHTML(content);
  const doc = document as unknown as Document;
  const article = extractArticle(doc);
  if (!article || article.text.trim() === '') return { kind: 'no-article' };
  // The page's date and language, as the content script sends them, for same-fact alignment.
  const meta = pageMeta(doc);
  return { kind: 'article', text: article.text, title: article.title || undefined, date: meta.published, language: meta.lang };
}
