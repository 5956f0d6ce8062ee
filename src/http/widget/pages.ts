// The HTML pages: the chat (GET /), a report with its cited range highlighted (GET /reports/:id)
// and the API docs (GET /docs). Every piece of data is escaped here; scripts are separate files
// (/assets/*.js) so the Content-Security-Policy allows no inline script.
import { escapeHtml } from '../../text/escape-html.ts';
import { SAMPLE_QUESTIONS } from '../sample-questions.ts';

/** A page around `body`: the shared style sheet (plus `styles`), scripts as files (the CSP allows no inline script). */
export function shell(opts: {
  title: string;
  bodyClass?: string;
  scripts: string[];
  styles?: string[];
  body: string;
}): string {
  const scripts = opts.scripts.map((s) => `<script src="${escapeHtml(s)}" defer></script>`).join('\n');
  const styles = ['/assets/app.css', ...(opts.styles ?? [])]
    .map((s) => `<link rel="stylesheet" href="${escapeHtml(s)}">`)
    .join('\n');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<link rel="icon" href="data:,">
${styles}
${scripts}
</head>
<body${opts.bodyClass ? ` class="${escapeHtml(opts.bodyClass)}"` : ''}>
${opts.body}
</body>
</html>`;
}

export function chatPage(opts: { title: string; embed: boolean }): string {
  const suggestions = SAMPLE_QUESTIONS.map(
    (q) =>
      `<li><button type="button" class="suggestion" data-question="${escapeHtml(q)}">${escapeHtml(q)}</button></li>`,
  ).join('\n      ');
  return shell({
    title: opts.title,
    ...(opts.embed ? { bodyClass: 'embed' } : {}),
    scripts: ['/assets/app.js'],
    body: `<a class="skip" href="#q">Đến ô nhập câu hỏi</a>
<header class="bar">
  <h1 id="title">${escapeHtml(opts.title)}</h1>
  <button type="button" id="close" hidden>Đóng</button>
</header>
<main id="main">
  <section id="welcome" aria-labelledby="welcome-h">
    <h2 id="welcome-h">Hỏi về số liệu giảm nghèo, việc làm và an sinh xã hội</h2>
    <p>Câu trả lời lấy từ các báo cáo, kèm nguồn trích dẫn <span aria-hidden="true">[1]</span> và phép tính. Thử một câu hỏi:</p>
    <ul class="suggestions">
      ${suggestions}
    </ul>
    <div id="coverage" class="coverage"><p>Đang tải danh sách báo cáo…</p></div>
  </section>
  <ol id="thread" class="thread" role="log" aria-live="polite" aria-label="Cuộc trò chuyện"></ol>
  <p id="status" class="sr-only" role="status" aria-live="polite"></p>
  <noscript><p>Trang này cần JavaScript. Bạn cũng có thể gọi API: <a href="/docs">tài liệu API</a>.</p></noscript>
</main>
<form id="ask" class="ask" autocomplete="off">
  <label for="q">Câu hỏi của bạn</label>
  <textarea id="q" name="q" rows="1" maxlength="2000" required aria-describedby="q-hint" placeholder="Ví dụ: hộ nghèo Quảng Trị cuối 2023?"></textarea>
  <button type="submit" id="send">Hỏi</button>
  <p id="q-hint" class="hint"><span>Enter để gửi, Shift+Enter để xuống dòng.</span><button type="button" id="new">Cuộc hỏi mới</button></p>
</form>
<dialog id="viewer" aria-labelledby="viewer-title">
  <div class="viewer-head">
    <h2 id="viewer-title">Nguồn</h2>
    <button type="button" id="viewer-close">Đóng</button>
  </div>
  <div id="viewer-text" class="passage" tabindex="0" aria-label="Đoạn trích trong báo cáo, phần được trích dẫn được tô sáng"></div>
  <p class="viewer-foot"><a id="viewer-link" href="/" target="_blank" rel="noopener">Mở toàn văn báo cáo</a></p>
</dialog>`,
  });
}

export function reportPage(r: {
  id: string;
  title: string;
  text: string;
  place: string | null;
  publishedAt: string | null;
}): string {
  const meta = [r.place, r.publishedAt, `mã ${r.id}`].filter(Boolean).join(' · ');
  // The data block is never executed; "<" is escaped so the text cannot close the element.
  const data = JSON.stringify({ id: r.id, text: r.text }).replace(/</g, '\\u003c');
  return shell({
    title: r.title,
    scripts: ['/assets/report.js'],
    body: `<header class="bar"><a href="/">← Trợ lý hỏi đáp</a></header>
<main id="main">
  <h1>${escapeHtml(r.title)}</h1>
  <p class="meta">${escapeHtml(meta)}</p>
  <p id="status" class="sr-only" role="status" aria-live="polite"></p>
  <div id="report-text" class="report-text">${escapeHtml(r.text)}</div>
</main>
<script type="application/json" id="report-data">${data}</script>`,
  });
}

export interface DocOperation {
  method: string;
  path: string;
  summary: string;
  description?: string;
  example?: string;
}

export function docsPage(opts: {
  title: string;
  operations: DocOperation[];
  schemas: Record<string, unknown>;
}): string {
  const ops = opts.operations
    .map(
      (o) => `<section class="doc-op" id="${escapeHtml(`${o.method}-${o.path}`.replace(/[^A-Za-z0-9-]+/g, '-'))}">
  <h3><span class="method">${escapeHtml(o.method.toUpperCase())}</span> <code>${escapeHtml(o.path)}</code></h3>
  <p>${escapeHtml(o.summary)}</p>
  ${o.description ? `<p>${escapeHtml(o.description)}</p>` : ''}
  ${o.example ? `<pre><code>${escapeHtml(o.example)}</code></pre>` : ''}
</section>`,
    )
    .join('\n');
  const schemas = Object.entries(opts.schemas)
    .map(
      ([
        name,
        s,
      ]) => `<details class="doc-schema" id="schema-${escapeHtml(name)}"><summary><code>${escapeHtml(name)}</code></summary>
<pre><code>${escapeHtml(JSON.stringify(s, null, 2))}</code></pre></details>`,
    )
    .join('\n');
  return shell({
    title: opts.title,
    scripts: [],
    body: `<header class="bar"><h1>${escapeHtml(opts.title)}</h1><a href="/">Trợ lý hỏi đáp</a></header>
<main id="main">
  <p>Tài liệu máy đọc được: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1, sinh từ các schema zod). Mọi lỗi có dạng <code>{"error":{"code","message"}}</code>.</p>
  <h2>Các đường dẫn</h2>
  ${ops}
  <h2>Schema</h2>
  ${schemas}
</main>`,
  });
}
