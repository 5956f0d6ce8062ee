// /assets/app.css: the chat page, the report page and the docs page. System fonts, no CDN; one
// column that works on a phone, visible focus, and colours with enough contrast.
export const APP_CSS = String.raw`
:root {
  --fg: #1c1b1f; --muted: #5f5b66; --bg: #f7f5f2; --card: #fff; --line: #ddd6ce;
  --accent: #b3261e; --accent-fg: #fff; --mark: #ffe08a; --ok: #1b6e3a; --bad: #a4161a;
  color-scheme: light;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); min-height: 100vh; display: flex; flex-direction: column; }
a { color: #0b57d0; }
:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); border: 0; white-space: nowrap; }
.skip { position: absolute; left: 8px; top: -48px; background: var(--card); padding: 8px 12px; z-index: 10; }
.skip:focus { top: 8px; }
.bar { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 12px 16px; background: var(--accent); color: var(--accent-fg); }
.bar h1 { font-size: 1.1rem; margin: 0; }
.bar a, .bar button { color: var(--accent-fg); }
.bar button { background: transparent; border: 1px solid rgba(255,255,255,.7); border-radius: 8px; padding: 6px 10px; font: inherit; cursor: pointer; }
main { flex: 1; width: 100%; max-width: 760px; margin: 0 auto; padding: 16px; }
#welcome h2 { font-size: 1.15rem; margin: 8px 0; }
.suggestions, .suggest-list { list-style: none; padding: 0; margin: 8px 0; display: flex; flex-wrap: wrap; gap: 8px; }
.suggestion { font: inherit; text-align: left; background: var(--card); border: 1px solid var(--line); border-radius: 18px; padding: 8px 14px; cursor: pointer; color: var(--fg); }
.suggestion:hover { border-color: var(--accent); }
.thread { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 12px; }
.msg.user { align-self: flex-end; max-width: 85%; }
.msg.user .bubble { background: #e8def8; border-radius: 16px 16px 4px 16px; padding: 8px 14px; margin: 0; white-space: pre-wrap; }
.msg.bot { align-self: stretch; }
.bubble.streaming { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 12px 14px; margin: 0; white-space: pre-wrap; }
.typing { color: var(--muted); font-style: italic; }
.bubble.error { background: #fdecea; color: var(--bad); border-radius: 12px; padding: 10px 14px; margin: 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 14px 16px; }
.card h3 { font-size: .95rem; margin: 12px 0 4px; color: var(--muted); }
.card .state { color: var(--bad); font-size: 1.1rem; margin-top: 0; }
.headline { margin: 0 0 8px; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
.headline .num { font-size: 2rem; font-weight: 700; color: var(--accent); line-height: 1.1; }
.headline .num-label { color: var(--muted); }
.answer-text { margin: 0; white-space: pre-line; }
.chip { font: inherit; font-size: .85em; font-weight: 600; background: #e7f0fe; color: #0b57d0; border: 1px solid #a8c7fa; border-radius: 6px; padding: 0 5px; margin: 0 2px; cursor: pointer; vertical-align: baseline; }
.chip:hover { background: #d3e3fd; }
.calc ul, .sources ol { margin: 0; padding-left: 0; list-style: none; }
.calc li, .sources li { margin: 4px 0; }
.calc code { background: #f3efe9; padding: 1px 6px; border-radius: 4px; font-size: .95em; }
.src-title { font-weight: 600; }
.src-quote { display: block; color: var(--muted); font-size: .92em; margin-left: 4px; }
.suggest-title { margin: 12px 0 0; color: var(--muted); }
.verdict { display: inline-block; font-weight: 700; padding: 2px 10px; border-radius: 999px; margin: 0 0 8px; }
.verdict-supported { background: #e6f4ea; color: var(--ok); }
.verdict-refuted { background: #fdecea; color: var(--bad); }
.verdict-not_enough_info { background: #eee; color: var(--muted); }
.verdict-claim { margin: 0 0 8px; color: var(--muted); font-size: .92em; }
.actions { margin-top: 10px; display: flex; gap: 8px; }
.actions button, .ask button { font: inherit; border-radius: 8px; padding: 6px 12px; cursor: pointer; border: 1px solid var(--line); background: var(--card); color: var(--fg); }
.ask { position: sticky; bottom: 0; width: 100%; max-width: 760px; margin: 0 auto; padding: 10px 16px 14px; background: var(--bg); border-top: 1px solid var(--line); display: grid; grid-template-columns: 1fr auto; gap: 4px 8px; }
.ask label { grid-column: 1 / -1; font-weight: 600; }
.ask textarea { font: inherit; resize: none; min-height: 44px; padding: 10px 12px; border-radius: 10px; border: 1px solid #8e8a93; background: var(--card); color: var(--fg); }
.ask #send { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); font-weight: 600; min-width: 72px; }
.ask #send:disabled { opacity: .6; cursor: progress; }
.ask .hint { grid-column: 1 / -1; margin: 0; font-size: .85rem; color: var(--muted); display: flex; justify-content: space-between; gap: 8px; align-items: center; }
.ask #new { font-size: .85rem; padding: 2px 8px; }
dialog#viewer { width: min(720px, calc(100vw - 24px)); max-height: calc(100vh - 48px); border: 1px solid var(--line); border-radius: 12px; padding: 0; }
dialog#viewer::backdrop { background: rgba(0,0,0,.4); }
.viewer-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; padding: 12px 16px; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: var(--card); }
.viewer-head h2 { font-size: 1rem; margin: 0; }
.viewer-head button { font: inherit; border: 1px solid var(--line); background: var(--card); border-radius: 8px; padding: 4px 10px; cursor: pointer; }
.passage { padding: 12px 16px; white-space: pre-wrap; }
.viewer-foot { padding: 0 16px 14px; }
mark.hl { background: var(--mark); color: inherit; padding: 1px 0; box-shadow: 0 0 0 2px var(--mark); border-radius: 2px; }
.ellipsis { color: var(--muted); }
.report-text { white-space: pre-wrap; background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 16px; }
.meta { color: var(--muted); margin: 4px 0 12px; }
.doc-op { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 12px 16px; margin: 12px 0; }
.doc-op h3 { margin: 0 0 4px; font-size: 1rem; }
.doc-op .method { display: inline-block; min-width: 4.5em; font-weight: 700; color: var(--accent); }
.doc-op pre, .doc-schema pre { overflow: auto; background: #f3efe9; padding: 8px 10px; border-radius: 8px; font-size: .85rem; }
body.embed .bar h1 { font-size: 1rem; }
.thread > li { scroll-margin-top: 8px; scroll-margin-bottom: calc(var(--composer-h, 140px) + 8px); }
.coverage { margin-top: 16px; background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 10px 14px; }
.coverage h3 { font-size: .95rem; margin: 0 0 6px; }
.coverage-list { margin: 0; padding-left: 18px; }
.cov-place { font-weight: 600; }
.cov-detail, .cov-note { color: var(--muted); }
.cov-note { margin: 6px 0 0; font-size: .9rem; }
.src-meta { color: var(--muted); font-size: .92em; }
.facts-wrap { overflow-x: auto; margin: 10px 0 4px; }
table.facts { border-collapse: collapse; width: 100%; font-size: .92rem; }
table.facts caption { text-align: left; color: var(--muted); font-weight: 600; padding-bottom: 4px; }
table.facts th, table.facts td { border-bottom: 1px solid var(--line); padding: 4px 8px 4px 0; text-align: left; vertical-align: top; }
table.facts .num-cell { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
figure.chart { margin: 10px 0; }
figure.chart svg { width: 100%; height: auto; max-height: 240px; }
figure.chart .axis { stroke: var(--line); stroke-width: 1; }
figure.chart .series { fill: none; stroke: var(--accent); stroke-width: 2.5; }
figure.chart .point { fill: var(--accent); }
figure.chart text { font: 12px system-ui, sans-serif; fill: var(--fg); }
figure.chart .year { fill: var(--muted); }
figure.chart figcaption { color: var(--muted); font-size: .9rem; }
.actions { align-items: center; flex-wrap: wrap; }
.actions a.csv { font-size: .95rem; }
.feedback { margin-top: 10px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; color: var(--muted); font-size: .92rem; }
.feedback > button { font: inherit; border: 1px solid var(--line); background: var(--card); border-radius: 8px; padding: 2px 10px; cursor: pointer; }
.feedback > button[aria-pressed="true"] { background: #e7f0fe; border-color: #0b57d0; }
.fb-form { flex-basis: 100%; display: grid; gap: 6px; }
.fb-form[hidden] { display: none; }
.fb-form label { display: grid; gap: 4px; }
.fb-form textarea { font: inherit; border-radius: 8px; border: 1px solid #8e8a93; padding: 6px 8px; }
.fb-form button { justify-self: start; font: inherit; border-radius: 8px; padding: 4px 12px; border: 1px solid var(--line); background: var(--card); cursor: pointer; }
.fb-status { margin: 0; color: var(--bad); }
.fb-thanks { margin: 0; color: var(--ok); }
.bubble.error p { margin: 0 0 8px; }
.bubble.error .retry { font: inherit; border-radius: 8px; padding: 4px 12px; border: 1px solid var(--bad); background: var(--card); color: var(--bad); cursor: pointer; }
.bubble.error .retry:disabled { opacity: .55; cursor: not-allowed; }
@media (max-width: 560px) {
  main { padding: 12px; }
  .headline .num { font-size: 1.6rem; }
  .msg.user { max-width: 92%; }
  .ask { padding: 8px 10px 10px; }
}
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; } }
`;
