import type { DiffOp, Dispatch, MatchResult } from '../engine/index';
import type { Paint } from './ansi';
import { verdictSentence } from './verdict-text';

export interface TextReportInput {
  file: string;
  result: MatchResult;
  pageText: string;
  byId: ReadonlyMap<string, Dispatch>;
  sourceText: (id: string) => string;
  corpusSize: number;
}

/** Passage texts on one line: paragraph breaks shown as ¶ so a passage reads as one block. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n+\s*/g, ' ¶ ').trim();
}

/** The word diff inline, git-style: [-only in the dispatch-] {+only in the page+}. */
export function inlineDiff(diff: readonly DiffOp[], p: Paint): string {
  return diff
    .map((d) => {
      const text = d.text.replace(/\s*\n+\s*/g, ' ¶ ');
      if (d.op === -1) return p.red(`[-${text}-]`);
      if (d.op === 1) return p.green(`{+${text}+}`);
      return text;
    })
    .join('');
}

export function textReport(input: TextReportInput, p: Paint): string {
  const { result, pageText, byId, sourceText } = input;
  const out: string[] = [];
  const corpus = `${input.corpusSize} dispatch${input.corpusSize === 1 ? '' : 'es'}`;
  out.push(`${p.bold(input.file)}: ${result.pageWords} words, matched against ${corpus}`);

  if (result.passages.length === 0) {
    out.push('', 'No passage of this page matches the corpus.');
    return out.join('\n') + '\n';
  }

  out.push('', p.bold('Dispatches'));
  for (const v of result.dispatches) {
    const n = `${v.passages} passage${v.passages === 1 ? '' : 's'}`;
    out.push(`  ${p.cyan(verdictSentence(v, byId.get(v.id)))} ${p.dim(`[${v.id}, ${n}]`)}`);
  }

  out.push('', p.bold('Passages'));
  result.passages.forEach((passage, i) => {
    const d = byId.get(passage.dispatch);
    const who = d ? `${d.outlet} [${d.id}]` : passage.dispatch;
    const kind = passage.kind === 'verbatim' ? p.yellow('verbatim') : p.yellow('edited');
    const voice = passage.quote ? 'quotation' : 'narration';
    out.push(`  ${i + 1}. ${kind}, ${voice}, score ${passage.score.toFixed(2)}, from ${who}`);
    const page = pageText.slice(passage.page.start, passage.page.end);
    const source = sourceText(passage.dispatch).slice(passage.source.start, passage.source.end);
    out.push(`     ${p.dim(`page   ${passage.page.start}–${passage.page.end}:`)} ${oneLine(page)}`);
    out.push(`     ${p.dim(`source ${passage.source.start}–${passage.source.end}:`)} ${oneLine(source)}`);
    const changed = passage.diff.some((op) => op.op !== 0);
    out.push(
      `     ${p.dim('diff:')} ${changed ? inlineDiff(passage.diff, p) : 'none (identical after normalisation)'}`,
    );
  });
  return out.join('\n') + '\n';
}
