/**
 * Styles of the card inside its shadow root. The host resets inherited page styles; colours
 * follow the reader's light or dark preference with text contrast above 7:1. The legend's
 * swatches repeat the page highlights' tints and lines (highlight-styles.ts).
 */
export const CARD_CSS = `
:host { all: initial; }
.card {
  box-sizing: border-box; width: min(22rem, calc(100vw - 16px)); max-height: min(26rem, calc(100vh - 16px)); overflow: auto;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f; background: #ffffff;
  border: 1px solid #8a8a94; border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25); padding: 8px 12px 10px;
}
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.title { font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: #44444c; }
p { margin: 2px 0; }
ul { list-style: none; margin: 0; padding: 0; }
.outlet { font-weight: 600; }
.origin, .chain, .read { color: #3c3c44; font-size: 13px; }
.kind { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 4px 0; }
.badge { border-radius: 4px; padding: 1px 6px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.badge.verbatim { color: #7a3d00; background: #ffe8c2; text-decoration: underline solid; }
.badge.edited { color: #003f80; background: #dcecff; text-decoration: underline wavy; }
.badge.translated { color: #0f5c4d; background: #d9f3ec; text-decoration: underline dashed; }
.badge.quote { color: #3c3c44; background: #eeeef2; }
.badge.same-fact { color: #4a1d7a; background: #efe3fb; text-decoration: underline dotted; }
.fact { margin: 2px 0 6px; padding: 4px 8px; border-left: 3px dotted #7a3fc4; background: #f6f0fc; border-radius: 4px; }
.told { font-weight: 600; }
.score { color: #3c3c44; font-size: 13px; }
.sources { margin: 4px 0; border: 1px solid #d4d4da; border-radius: 6px; }
.sources li + li { border-top: 1px solid #e4e4e8; }
.source { display: flex; align-items: baseline; gap: 6px; width: 100%; border: 0; background: transparent; color: inherit; text-align: start; padding: 3px 6px; border-radius: 5px; white-space: nowrap; }
.source[aria-pressed="true"] { background: #eef3fd; box-shadow: inset 3px 0 0 #0b57d0; }
.source:hover { background: #f3f3f6; }
.name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; flex: 0 1 auto; max-width: 60%; }
.meta { color: #3c3c44; font-size: 12px; overflow: hidden; text-overflow: ellipsis; flex: 1 1 0; min-width: 0; }
.dot { flex: none; width: 10px; height: 10px; border-radius: 2px; align-self: center; border: 1px solid currentColor; }
.dot.verbatim { color: #b35a00; background: #ffd28a; }
.dot.edited { color: #0b5cc4; background: #b9d9ff; }
.dot.translated { color: #00806a; background: #b6eadc; }
.dot.same-fact { color: #7a3fc4; background: #e2d0f7; border-style: dotted; }
.about { margin: 2px 0; }
button { font: inherit; cursor: pointer; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 6px; }
.open { padding: 4px 14px; border-radius: 6px; border: 1px solid #0b57d0; background: #0b57d0; color: #ffffff; font-weight: 600; }
.open:hover { background: #0842a0; }
.open[disabled] { cursor: progress; opacity: 0.8; }
.secondary { padding: 3px 8px; border-radius: 6px; border: 1px solid #8a8a94; background: #ffffff; color: #0b57d0; font-size: 13px; font-weight: 600; }
.secondary:hover { background: #e8f0fe; }
.close { border: 1px solid transparent; background: transparent; color: inherit; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 4px; }
.close:hover { border-color: #8a8a94; }
button:focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
.error { color: #a50e0e; }
.saved-note { color: #8a1752; }
.saved-note.fuzzy { font-style: italic; }
.legend { margin-top: 6px; padding-top: 6px; border-top: 1px solid #d4d4da; font-size: 13px; }
.legend li { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.legend-note { color: #3c3c44; font-size: 12px; margin-top: 4px; }
.swatch { flex: none; width: 3.2em; text-align: center; text-decoration-thickness: 2px; border-radius: 2px; }
.swatch.verbatim { background: rgba(255, 170, 0, 0.36); text-decoration: underline solid rgb(214, 110, 0); }
.swatch.edited { background: rgba(30, 144, 255, 0.28); text-decoration: underline wavy rgb(0, 110, 220); text-decoration-thickness: 1.5px; }
.swatch.translated { background: rgba(0, 160, 130, 0.2); text-decoration: underline dashed rgb(0, 130, 105); }
.swatch.same-fact { background: rgba(160, 90, 230, 0.16); text-decoration: underline dotted rgb(150, 90, 230); }
.swatch.active { background: rgb(255, 232, 26); color: rgb(17, 17, 17); }
.swatch.saved { text-decoration: overline solid rgb(214, 51, 132); text-decoration-thickness: 3px; }
.keys { margin-top: 6px; font-size: 12px; color: #4a4a52; }
@media (prefers-color-scheme: dark) {
  .card { color: #ececf1; background: #1f1f24; border-color: #6b6b75; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.6); }
  .title, .origin, .chain, .read, .score, .meta, .keys, .legend-note { color: #c4c4cc; }
  .sources, .legend { border-color: #3c3c44; }
  .sources li + li { border-top-color: #33333a; }
  .source[aria-pressed="true"] { background: #2a2f3a; box-shadow: inset 3px 0 0 #a8c7fa; }
  .source:hover { background: #2a2a30; }
  .badge.verbatim { color: #ffd08a; background: #4a2a00; }
  .badge.edited { color: #a8d0ff; background: #0b2a4d; }
  .badge.translated { color: #7fdcc6; background: #0c3a31; }
  .badge.quote { color: #d4d4dc; background: #33333a; }
  .badge.same-fact { color: #dcc2ff; background: #33204d; }
  .fact { background: #2a2235; border-left-color: #c9a4ff; }
  .open { background: #a8c7fa; border-color: #a8c7fa; color: #0b1d3a; }
  .open:hover { background: #c2d7fb; }
  .secondary { background: #1f1f24; color: #a8c7fa; border-color: #6b6b75; }
  .secondary:hover { background: #2a2f3a; }
  .close:hover { border-color: #6b6b75; }
  button:focus-visible { outline-color: #ffb86b; }
  .error { color: #ffb4ab; }
  .saved-note { color: #ff9fcf; }
}
`;
