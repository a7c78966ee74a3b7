import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The custom properties of the first `:root` block of a CSS text, and of the one under prefers-color-scheme: dark. */
function themes(css: string): { light: Record<string, string>; dark: Record<string, string> } {
  const vars = (block: string) => Object.fromEntries([...block.matchAll(/(--rc-[\w-]+)\s*:\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2].toLowerCase()]));
  const darkAt = css.indexOf('prefers-color-scheme: dark');
  return { light: vars(css.slice(0, darkAt)), dark: vars(css.slice(darkAt, css.indexOf('}\n}', darkAt))) };
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const read = (file: string) => readFileSync(join(__dirname, file), 'utf8');
const theme = themes(read('theme.css'));
const facts = themes(read('facts.css'));

/** Every text colour on the backgrounds it is drawn on (docs/design.md lists them). */
const PAIRS: [string, string][] = [
  ['--rc-fg', '--rc-bg'],
  ['--rc-fg', '--rc-surface'],
  ['--rc-fg', '--rc-selected'],
  ['--rc-muted', '--rc-bg'],
  ['--rc-muted', '--rc-surface'],
  ['--rc-accent', '--rc-bg'],
  ['--rc-accent', '--rc-surface'],
  ['--rc-accent-fg', '--rc-accent'],
  ['--rc-ins-fg', '--rc-ins-bg'],
  ['--rc-del-fg', '--rc-del-bg'],
  ['--rc-mark-fg', '--rc-mark-bg'],
  ['--rc-verbatim', '--rc-bg'],
  ['--rc-edited', '--rc-bg'],
  ['--rc-translated', '--rc-bg'],
  ['--rc-quote', '--rc-bg'],
  ['--rc-danger', '--rc-bg'],
  ['--rc-danger', '--rc-surface'],
  ['--rc-samefact', '--rc-bg'],
  ['--rc-shared-fg', '--rc-shared-bg'],
  ['--rc-hint-fg', '--rc-hint-bg'],
];

describe('theme contrast (WCAG AA, 4.5:1 for text)', () => {
  it('computes the ratio WCAG gives for black on white', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every text colour reads at 4.5:1 or more in the ${scheme} scheme`, () => {
      const colours = { ...theme[scheme], ...facts[scheme] };
      const low = PAIRS.map(([fg, bg]) => {
        expect(colours[fg], fg).toBeDefined();
        expect(colours[bg], bg).toBeDefined();
        return { fg, bg, ratio: Math.round(contrast(colours[fg], colours[bg]) * 100) / 100 };
      }).filter((p) => p.ratio < 4.5);
      expect(low).toEqual([]);
    });
  }
});
