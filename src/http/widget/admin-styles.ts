// /assets/admin.css: the upload page, on top of app.css (its colours and bar). One column that
// fits a 390 px phone; the drop zone, progress bars and per-file results.
export const ADMIN_CSS = String.raw`
.admin { display: flex; flex-direction: column; gap: 16px; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 14px 16px; }
.panel h2 { font-size: 1.1rem; margin: 0 0 10px; }
.token-form label { display: block; font-weight: 600; margin-bottom: 4px; }
.token-row { display: flex; gap: 8px; flex-wrap: wrap; }
.token-row input { flex: 1 1 200px; min-width: 0; font: inherit; padding: 8px 10px; border-radius: 8px; border: 1px solid #8e8a93; }
.admin button, .pick { font: inherit; border-radius: 8px; padding: 8px 14px; cursor: pointer; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-fg); font-weight: 600; }
#token-forget { background: var(--card); color: var(--fg); border-color: var(--line); font-weight: 400; padding: 4px 10px; }
.hint, .note { font-size: .9rem; color: var(--muted); margin: 6px 0 0; }
.note:empty { display: none; }
.token-state { margin: 0; }
.drop { border: 2px dashed #8e8a93; border-radius: 12px; padding: 20px 16px; text-align: center; background: var(--bg); }
.drop.over { border-color: var(--accent); background: #fdf1ef; }
.drop-text { margin: 0 0 10px; }
.pick { display: inline-block; }
.drop input:focus-visible + .pick { outline: 3px solid #0b57d0; outline-offset: 2px; }
.summary { margin: 12px 0 0; font-weight: 600; }
.summary:empty { display: none; }
.queue { list-style: none; padding: 0; margin: 12px 0 0; display: flex; flex-direction: column; gap: 10px; }
.item { border: 1px solid var(--line); border-radius: 10px; padding: 10px 12px; overflow-wrap: anywhere; }
.item.ok { border-left: 5px solid var(--ok); }
.item.failed { border-left: 5px solid var(--bad); }
.item.failed progress { accent-color: var(--bad); }
.item p { margin: 4px 0; }
.item-head { display: flex; justify-content: space-between; gap: 8px; font-weight: 600; }
.item-head .size { color: var(--muted); font-weight: 400; white-space: nowrap; }
.bar-row { display: flex; align-items: center; gap: 8px; }
.bar-row progress { flex: 1; height: 12px; accent-color: var(--ok); }
.pct { min-width: 3.2em; text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
.item .state { color: var(--muted); font-size: .92rem; }
.item.ok .state { color: var(--ok); font-weight: 600; }
.item.failed .state { color: var(--bad); font-weight: 600; }
.item .error { background: #fdecea; color: var(--bad); border-radius: 8px; padding: 8px 10px; }
.item .figures { font-weight: 700; }
.item .audit { font-size: .92rem; color: var(--muted); }
.item .id { color: var(--muted); font-size: .85rem; }
`;
