import { cleanName } from '../corpus/clean-text';
import type { DiffOp } from '../engine/types';
import { t } from '../i18n/t';
import type { SavedComparison } from './types';
import { isWebAddress } from './validate';

/** CommonMark's line endings: \r\n, \r and \n. */
const LINE_ENDING = /\r\n?|\n/g;

/**
 * Page and corpus text is shown as text: Markdown's marks in it are escaped, not obeyed, and `<`,
 * `>`, `&` become entities, so no HTML and no autolink can come out of it. Marks that count only
 * at the start of a line (lists, headings, thematic breaks, setext underlines) are escaped there.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/([\\`*_~[\]#|])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^([ \t]*)([-+=])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** Text for one line of the report (a heading, a list item): no line break can end it early. */
export function inline(s: string): string {
  return escapeMarkdown(cleanName(s).replace(LINE_ENDING, ' ').replace(/\t/g, ' '));
}

/** Each line of `text` quoted; blank lines stay inside the quote so paragraphs hold together. */
function blockquote(text: string): string {
  return cleanName(text)
    .split(LINE_ENDING)
    // Leading blanks would make an indented code block, where escapes show as typed.
    .map((line) => (line.trim() ? `> ${escapeMarkdown(line.replace(/^\s+/, ''))}` : '>'))
    .join('\n');
}

/** The page's address: an autolink only when it is a web address a link may point to, else text. */
function address(url: string): string {
  return isWebAddress(url) ? `<${url}>` : inline(url);
}

/** Wraps the words of a change in a mark, leaving the spaces around them outside (Markdown ignores `** x**`). */
function marked(text: string, mark: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  if (!m[2]) return text;
  return `${m[1]}${mark}${inline(m[2])}${mark}${m[3]}`;
}

/** The word diff as one quoted paragraph: ~~only in the other outlet~~, **only on the page**. */
export function diffMarkdown(diff: readonly DiffOp[]): string {
  let body = '';
  diff.forEach((raw, i) => {
    const d = { op: raw.op, text: cleanName(raw.text).replace(LINE_ENDING, '\n') };
    // A replaced word: keep a space between the struck-out and the added one.
    if (d.op === 1 && diff[i - 1]?.op === -1 && !/\s$/.test(body) && !/^\s/.test(d.text)) body += ' ';
    body += d.op === 0 ? escapeMarkdown(d.text) : marked(d.text, d.op === -1 ? '~~' : '**');
  });
  return body
    .split('\n')
    .map((line) => (line.trim() ? `> ${line.replace(/^\s+/, '')}` : '>'))
    .join('\n');
}

function kindLabel(kind: string): string {
  if (kind === 'verbatim') return t('kindVerbatim');
  if (kind === 'edited') return t('kindEdited');
  if (kind === 'same-fact') return t('kindSameFact');
  if (kind === 'translated') return t('kindTranslated');
  return kind;
}

function section(r: SavedComparison, n: number): string {
  const o = r.other;
  const other = [inline(o.outlet)];
  if (o.title || o.date) other.push(inline(t('mdDispatch', { title: o.title, date: o.date })));
  if (o.origin && o.origin !== o.outlet) other.push(inline(t('mdOrigin', { origin: o.origin })));
  if (o.chain.length > 1) other.push(inline(t('mdProvenance', { chain: o.chain.join(' → ') })));
  const kind = [kindLabel(r.kind), t('mdScore', { percent: Math.round(r.score * 100) })];
  if (r.quote) kind.push(t('mdQuotation'));

  const lines = [
    `## ${n}. ${inline(r.page.title || r.page.url)}`,
    '',
    `- ${t('mdPage')}: ${address(r.page.url)}`,
    `- ${t('mdComparedWith')}: ${other.join(', ')}`,
    `- ${t('mdKind')}: ${inline(kind.join(' · '))}`,
    `- ${t('mdSaved')}: ${inline(r.savedAt.slice(0, 10))}`,
  ];
  if (r.lastAnchor?.status === 'fuzzy') lines.push(`- ${t('mdAnchorFuzzy')}`);
  if (r.lastAnchor?.status === 'orphaned') lines.push(`- ${t('mdAnchorOrphaned')}`);
  lines.push('', `**${t('mdOnPage')}**`, '', blockquote(r.passage.text), '', `**${inline(t('mdInDispatch', { outlet: o.outlet }))}**`, '', blockquote(o.text));
  if (r.diff.some((d) => d.op !== 0)) {
    lines.push('', `**${t('mdDiff', { outlet: inline(o.outlet) })}**`, '', diffMarkdown(r.diff));
  }
  if (r.hints && r.hints.length > 0) {
    lines.push('', `**${t('mdHints')}**`, '', ...r.hints.map((h) => `- ${inline(h.note)}`));
  }
  if (r.note.trim()) lines.push('', `**${t('mdNote')}**`, '', blockquote(r.note.trim()));
  if (r.tags.length > 0) lines.push('', `**${t('mdTags')}:** ${r.tags.map(inline).join(', ')}`);
  return lines.join('\n');
}

/**
 * A readable report of the comparisons, for an article draft or a classroom handout: for each,
 * the page, the other outlet, both passages as quotes, the marked-up diff, hints, note and tags.
 */
export function toMarkdown(records: readonly SavedComparison[], now: Date): string {
  const head = [`# ${t('mdTitle')}`, '', t('mdExported', { date: now.toISOString().slice(0, 10), count: records.length })];
  return `${[head.join('\n'), ...records.map((r, i) => section(r, i + 1))].join('\n\n---\n\n')}\n`;
}
