import type { DiffOp, Dispatch, Hint, Passage, StoryVerdict } from '../engine/index';
import type { Paint } from './ansi';
import { verdictSentence } from './verdict-text';

export interface TextReportInput {
  file: string;
  result: { passages: Passage[]; dispatches: StoryVerdict[]; pageWords: number };
  pageText: string;
  byId: ReadonlyMap<string, Dispatch>;
  sourceText: (id: string) => string;
  corpusSize: number;
  /** Same-fact alignment was asked for: the report says so and lists every passage's hints. */
  facts?: boolean;
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
    out.push('', input.facts ? 'No passage of this page matches the corpus, in its words or in other words.' : 'No passage of this page matches the corpus.');
    return out.join('\n') + '\n';
  }

  out.push('', p.bold('Dispatches'));
  for (const v of result.dispatches) {
    const n =
      v.relation === 'same-story'
        ? `${v.facts ?? v.passages} fact${v.facts === 1 ? '' : 's'}`
        : v.relation === 'translated'
          ? `${v.passages} sentence pair${v.passages === 1 ? '' : 's'}`
          : `${v.passages} passage${v.passages === 1 ? '' : 's'}`;
    out.push(`  ${p.cyan(verdictSentence(v, byId.get(v.id)))} ${p.dim(`[${v.id}, ${n}]`)}`);
  }

  out.push('', p.bold('Passages'));
  result.passages.forEach((passage, i) => {
    const d = byId.get(passage.dispatch);
    const who = d ? `${d.outlet} [${d.id}]` : passage.dispatch;
    const source = sourceText(passage.dispatch);
    const page = pageText.slice(passage.page.start, passage.page.end);
    if (passage.kind === 'same-fact') {
      out.push(`  ${i + 1}. ${p.yellow('same fact')}, in other words, score ${passage.score.toFixed(2)}, from ${who}`);
    } else if (passage.kind === 'translated') {
      out.push(`  ${i + 1}. ${p.yellow('translated')}, the page's sentence beside its original, score ${passage.score.toFixed(2)}, from ${who}`);
    } else {
      const kind = passage.kind === 'verbatim' ? p.yellow('verbatim') : p.yellow('edited');
      const voice = passage.quote ? 'quotation' : 'narration';
      out.push(`  ${i + 1}. ${kind}, ${voice}, score ${passage.score.toFixed(2)}, from ${who}`);
    }
    out.push(`     ${p.dim(`page   ${passage.page.start}–${passage.page.end}:`)} ${oneLine(page)}`);
    out.push(`     ${p.dim(`source ${passage.source.start}–${passage.source.end}:`)} ${oneLine(source.slice(passage.source.start, passage.source.end))}`);
    if (passage.kind === 'same-fact') {
      out.push(`     ${p.dim('shared:')} ${(passage.sharedTerms ?? []).join(', ') || 'none'}`);
    } else if (passage.kind === 'translated') {
      // Two languages: a word diff would mark every word.
    } else {
      const changed = passage.diff.some((op) => op.op !== 0);
      out.push(`     ${p.dim('diff:')} ${changed ? inlineDiff(passage.diff, p) : 'none (identical after normalisation)'}`);
    }
    if (input.facts) out.push(...hintLines(passage.hints ?? [], p));
  });
  return out.join('\n') + '\n';
}

/** Each framing hint with the words it points at on either side. */
function hintLines(hints: readonly Hint[], p: Paint): string[] {
  if (hints.length === 0) return [`     ${p.dim('hints:')} none`];
  const lines = [`     ${p.dim('hints:')}`];
  for (const h of hints) {
    const words = [h.page.text && `page «${oneLine(h.page.text)}»`, h.source.text && `source «${oneLine(h.source.text)}»`].filter(Boolean).join(', ');
    lines.push(`       - ${p.cyan(h.type)}: ${h.note}${words ? p.dim(` (${words})`) : ''}`);
  }
  return lines;
}
