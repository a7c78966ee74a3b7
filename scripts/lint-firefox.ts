/**
 * Lints the Firefox build with Mozilla's add-on linter (through web-ext), offline and as a
 * self-distributed add-on. Errors fail the run; warnings are printed, so a new one is seen.
 * Usage: node --import tsx scripts/lint-firefox.ts [build folder], after `npm run build:firefox`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
interface LintResult {
  errors: Message[];
  warnings: Message[];
  notices: Message[];
}

const sourceDir = resolve(process.argv[2] ?? '.output/firefox-mv2');
if (!existsSync(join(sourceDir, 'manifest.json'))) {
  console.error(`lint: no Firefox build in ${sourceDir}; run \`npm run build:firefox\` first`);
  process.exit(1);
}

// 'none': the linter prints nothing itself; the messages are listed below, one a line.
const result = (await webExt.cmd.lint(
  { sourceDir, selfHosted: true, output: 'none', boring: true, metadata: false, pretty: false, privileged: false, verbose: false, warningsAsErrors: false },
  { shouldExitProgram: false },
)) as LintResult;

const where = (m: Message) => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
for (const [kind, list] of [
  ['error', result.errors],
  ['warning', result.warnings],
  ['notice', result.notices],
] as const) {
  for (const m of list) console.log(`lint ${kind}: ${m.code} ${m.message}${where(m)}`);
}
console.log(`lint: ${result.errors.length} errors, ${result.warnings.length} warnings, ${result.notices.length} notices in ${sourceDir}`);
process.exit(result.errors.length ? 1 : 0);
