// The standalone report's one inline style sheet (html.ts): light by default, dark through
// prefers-color-scheme, and a print style that forces the light colours, keeps charts and rows
// whole across pages and prints the bars' colours. The charts (svg.ts) take their colours from
// these classes, so each mode restyles them too.
export const REPORT_STYLES = `
:root {
  color-scheme: light dark;
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --surface: #f6f8fa; --border: #d0d7de;
  --positive: #0969da; --negative: #cf222e; --ok: #1a7f37; --warn: #9a6700; --dot: #d0d7de;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --surface: #151b23; --border: #3d444d;
    --positive: #4493f8; --negative: #f85149; --ok: #3fb950; --warn: #d29922; --dot: #3d444d;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 0.75rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2.25rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1rem; margin: 1.5rem 0 0.5rem; overflow-wrap: anywhere; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; color: var(--muted); }
.muted { color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.notice { border-left: 4px solid var(--warn); background: var(--surface); padding: 0.5rem 0.75rem; }
.key-judgments { padding-left: 1.25rem; }
.key-judgments li { margin: 0.4rem 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
caption { text-align: left; color: var(--muted); font-size: 0.85rem; padding-bottom: 0.35rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--border); overflow-wrap: break-word; }
th { background: var(--surface); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; }
table.worlds th, table.alternatives th { font-size: 0.82rem; }
.wide { overflow-x: auto; }
.badge { display: inline-block; font-size: 0.78rem; padding: 0 0.4rem; border-radius: 0.6rem; border: 1px solid currentColor; white-space: normal; }
.badge.agrees, .yes { color: var(--ok); }
.badge.contradicted, .badge.stale { color: var(--warn); }
.badge.observed { color: var(--muted); }
ul.alternative-list { padding-left: 1.2rem; }
.alternative-name { font-weight: 600; }
.no { color: var(--muted); }
.delta.up { color: var(--ok); }
.delta.down { color: var(--negative); }
.note { font-size: 0.85rem; }
.sources { margin: 0; padding-left: 1rem; }
figure { margin: 0.5rem 0 1.25rem; }
figcaption { color: var(--muted); font-size: 0.85rem; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
svg.chart text { fill: var(--fg); font-size: 12px; }
svg.chart text.name { font-family: ui-monospace, Menlo, Consolas, monospace; }
svg.chart text.axis { fill: var(--muted); font-size: 11px; }
svg.chart .grid { stroke: var(--border); stroke-width: 1; }
svg.chart .now { stroke: var(--fg); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.chart .bar.positive { fill: var(--positive); }
svg.chart .bar.negative { fill: var(--negative); }
svg.chart .whisker { stroke: var(--fg); stroke-width: 1.5; fill: none; }
svg.chart .dot { fill: none; stroke: var(--dot); stroke-width: 1.5; }
svg.chart .dot.holds { fill: var(--positive); stroke: var(--positive); }
@media print {
  :root {
    --fg: #000000; --muted: #444c56; --bg: #ffffff; --surface: #f2f2f2; --border: #b0b7bf;
    --positive: #0550ae; --negative: #a40e26; --ok: #116329; --warn: #7d4e00; --dot: #b0b7bf;
  }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  figure, tr, .outcome-sensitivity, .key-judgments li { break-inside: avoid; }
  thead { display: table-header-group; }
  .wide { overflow: visible; }
}
@page { margin: 16mm 14mm; }
`;
