import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from '../../extract/from-html';
import { findCredits } from './index';

const pagesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/real-pages');
const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort();
const textOf = (name: string) => extractFromHtml(readFileSync(join(pagesDir, name), 'utf8'))?.text ?? '';

describe('findCredits on the saved real pages', () => {
  // None of these pages is agency copy, but several quote agencies or carry agency photo credits.
  it.each([
    ['telegraph.html', 'told Reuters'],
    ['telegraph.html', 'Credit: STR/AFP'],
    ['salon-1.html', 'as Reuters reported'],
    ['citylab-1.html', '(AP)'],
    ['citylab-1.html', 'Benoit Tessier/Reuters'],
    ['wapo-1.html', 'foreign tourists. (Reuters)'],
    ['ars-1.html', 'the Associated Press'],
  ])('%s mentions "%s" and credits no agency', (page, mention) => {
    const text = textOf(page);
    expect(text).toContain(mention);
    expect(findCredits(text)).toEqual([]);
  });

  it('finds no credit on any of them', () => {
    const credited = pages.filter((p) => findCredits(textOf(p)).length > 0);
    expect(credited).toEqual([]);
    // Extracting a hundred pages takes a few seconds on a busy machine.
  }, 60_000);
});
