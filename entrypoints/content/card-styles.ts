/**
 * Styles of the card inside its shadow root. The host resets inherited page styles; colours
 * follow the reader's light or dark preference with text contrast above 7:1.
 */
export const CARD_CSS = `
:host { all: initial; }
.card {
  box-sizing: border-box; width: min(22rem, calc(100vw - 16px)); max-height: min(24rem, calc(100vh - 16px)); overflow: auto;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f; background: #ffffff;
  border: 1px solid #8a8a94; border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25); padding: 10px 12px;
}
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 4px; }
.title { font-weight: 600; font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: #44444c; }
.items { list-style: none; margin: 0; padding: 0; }
.item { padding: 6px 0; }
.item + .item { border-top: 1px solid #d4d4da; }
p { margin: 2px 0; }
.outlet { font-weight: 600; }
.origin, .chain { color: #3c3c44; }
.kind { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 6px 0; }
.badge { border-radius: 4px; padding: 1px 6px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.badge.verbatim { color: #7a3d00; background: #ffe8c2; text-decoration: underline solid; }
.badge.edited { color: #003f80; background: #dcecff; text-decoration: underline wavy; }
.badge.quote { color: #3c3c44; background: #eeeef2; }
.badge.same-fact { color: #4a1d7a; background: #efe3fb; text-decoration: underline dotted; }
.fact { margin: 2px 0 6px; padding: 6px 8px; border-left: 3px dotted #7a3fc4; background: #f6f0fc; border-radius: 4px; }
.told { font-weight: 600; }
.score { color: #3c3c44; font-size: 13px; }
button { font: inherit; cursor: pointer; }
.open { margin-top: 2px; padding: 4px 10px; border-radius: 6px; border: 1px solid #0b57d0; background: #0b57d0; color: #ffffff; font-weight: 600; }
.open:hover { background: #0842a0; }
.open[disabled] { cursor: progress; opacity: 0.8; }
.close { border: 1px solid transparent; background: transparent; color: inherit; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 4px; }
.close:hover { border-color: #8a8a94; }
button:focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
.error { color: #a50e0e; }
.keys { margin-top: 6px; font-size: 12px; color: #4a4a52; }
.save { margin-top: 6px; }
.save-actions { display: flex; flex-wrap: wrap; gap: 6px; }
.secondary { padding: 3px 10px; border-radius: 6px; border: 1px solid #0b57d0; background: #ffffff; color: #0b57d0; font-weight: 600; }
.secondary:hover { background: #e8f0fe; }
.saved-note { color: #8a1752; }
.saved-note.fuzzy { font-style: italic; }
@media (prefers-color-scheme: dark) {
  .card { color: #ececf1; background: #1f1f24; border-color: #6b6b75; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.6); }
  .title, .origin, .chain, .score, .keys { color: #c4c4cc; }
  .item + .item { border-top-color: #3c3c44; }
  .badge.verbatim { color: #ffd08a; background: #4a2a00; }
  .badge.edited { color: #a8d0ff; background: #0b2a4d; }
  .badge.quote { color: #d4d4dc; background: #33333a; }
  .badge.same-fact { color: #dcc2ff; background: #33204d; }
  .fact { background: #2a2235; border-left-color: #c9a4ff; }
  .open { background: #a8c7fa; border-color: #a8c7fa; color: #0b1d3a; }
  .open:hover { background: #c2d7fb; }
  .close:hover { border-color: #6b6b75; }
  button:focus-visible { outline-color: #ffb86b; }
  .error { color: #ffb4ab; }
  .secondary { background: #1f1f24; color: #a8c7fa; border-color: #a8c7fa; }
  .secondary:hover { background: #2a2f3a; }
  .saved-note { color: #ff9fcf; }
}
`;
