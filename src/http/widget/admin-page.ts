// The upload page (GET /admin): the admin token form, a drop zone with a file picker, and the
// queue where each file shows its progress, the figures found and a link to its audit. The
// behaviour is /assets/admin.js; the page holds no data but the size limit, escaped.
import { shell } from './pages.ts';

export function adminPage(opts: { maxReportBytes: number }): string {
  const mb = (opts.maxReportBytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return shell({
    title: 'Nạp báo cáo — Trợ lý hỏi đáp',
    scripts: ['/assets/admin.js'],
    styles: ['/assets/admin.css'],
    body: `<a class="skip" href="#files">Đến phần chọn tệp</a>
<header class="bar">
  <h1>Nạp báo cáo</h1>
  <a href="/">Trợ lý hỏi đáp</a>
</header>
<main id="main" class="admin" data-max-bytes="${String(opts.maxReportBytes)}">
  <section id="token-box" class="panel" aria-labelledby="token-h">
    <h2 id="token-h">Mã quản trị</h2>
    <form id="token-form" class="token-form" autocomplete="off">
      <label for="token">Nhập mã quản trị (ADMIN_TOKEN)</label>
      <div class="token-row">
        <input id="token" name="token" type="password" required autocomplete="off" spellcheck="false" aria-describedby="token-hint token-note">
        <button type="submit">Dùng mã này</button>
      </div>
      <p id="token-hint" class="hint">Mã chỉ được giữ trong thẻ trình duyệt này (sessionStorage) và tự xoá khi đóng thẻ; không lưu vào máy.</p>
    </form>
    <p id="token-state" class="token-state" hidden>Đã nhập mã quản trị cho phiên này. <button type="button" id="token-forget">Xoá mã</button></p>
    <p id="token-note" class="note" aria-live="polite"></p>
  </section>
  <section id="upload" class="panel" aria-labelledby="upload-h">
    <h2 id="upload-h">Tải tệp báo cáo lên</h2>
    <div id="drop" class="drop">
      <p class="drop-text">Kéo thả một hoặc nhiều tệp vào đây, hoặc</p>
      <input id="files" name="files" type="file" multiple class="sr-only" accept=".pdf,.docx,.html,.htm,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain" aria-describedby="files-hint">
      <label for="files" class="pick">Chọn tệp…</label>
      <p id="files-hint" class="hint">PDF có lớp chữ, Word (.docx), trang web đã lưu (.html) hoặc văn bản UTF-8 (.txt); tối đa ${mb} MB mỗi tệp. Bản quét, tệp có mật khẩu và tệp .doc cũ bị từ chối, không lưu gì.</p>
    </div>
    <p id="summary" class="summary" role="status" aria-live="polite"></p>
    <ol id="queue" class="queue" aria-label="Các tệp đã chọn"></ol>
  </section>
  <noscript><p>Trang này cần JavaScript. Có thể nạp bằng lệnh <code>npm run ingest</code> hoặc gọi <a href="/docs">POST /api/reports</a>.</p></noscript>
</main>`,
  });
}
