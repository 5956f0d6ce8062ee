// The upload page's script (/assets/admin.js): the admin token entered once and kept in
// sessionStorage only (gone when the tab closes); files picked or dropped are posted one by one to
// POST /api/reports as multipart, each with its own progress bar (XMLHttpRequest upload events:
// fetch cannot report upload progress), then the figures found and the audit's summary with links.
// Data goes on the page with textContent only. No backticks or dollar-brace but the one that brings
// in el() (el-js.ts): one String.raw literal.
import { EL_JS } from './el-js.ts';

export const ADMIN_JS = String.raw`(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var main = $('main'), tokenForm = $('token-form'), tokenInput = $('token'), tokenState = $('token-state');
  var tokenNote = $('token-note'), picker = $('files'), drop = $('drop'), queue = $('queue'), summary = $('summary');
  var uploadBox = $('upload');
  if (!main || !tokenForm || !tokenInput || !picker || !drop || !queue) return;
  var TOKEN_KEY = 'vnqa:admin-token';
  var maxBytes = Number(main.getAttribute('data-max-bytes')) || 0;
  var pending = [];
  var running = false;
  var counts = { done: 0, failed: 0 };

${EL_JS}
  function announce(msg) {
    if (!summary) return;
    summary.textContent = msg;
  }
  // vi-VN: dot for thousands, comma for decimals.
  function fmt(n) {
    var parts = (Math.round(n * 10) / 10).toFixed(1).split('.');
    var int = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return parts[1] === '0' ? int : int + ',' + parts[1];
  }
  function fmtSize(bytes) {
    if (bytes < 1024) return fmt(bytes) + ' B';
    if (bytes < 1024 * 1024) return fmt(bytes / 1024) + ' KB';
    return fmt(bytes / 1024 / 1024) + ' MB';
  }

  // ---- The token: asked once per tab, kept in sessionStorage, nowhere that outlives the tab.
  function getToken() {
    try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return ''; }
  }
  function setToken(t) {
    try {
      if (t) sessionStorage.setItem(TOKEN_KEY, t); else sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) { /* storage off: the token lives only in this page */ }
    memoryToken = t;
    showToken();
  }
  var memoryToken = getToken();
  function showToken(note) {
    var has = !!memoryToken;
    tokenForm.hidden = has;
    if (tokenState) tokenState.hidden = !has;
    if (uploadBox) uploadBox.classList.toggle('locked', !has);
    if (tokenNote) tokenNote.textContent = note || '';
  }
  tokenForm.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var t = tokenInput.value.trim();
    if (!t) return;
    tokenInput.value = '';
    setToken(t);
    announce('Đã nhập mã quản trị cho phiên này. Hãy chọn hoặc kéo thả tệp báo cáo.');
    var pick = document.querySelector('label[for="files"]');
    picker.focus();
    if (pick) pick.scrollIntoView({ block: 'nearest' });
    if (pending.length) next();
  });
  var forget = $('token-forget');
  if (forget) forget.addEventListener('click', function () {
    setToken('');
    tokenInput.focus();
  });

  // ---- Errors: the server's message when it is Vietnamese (the file errors are), else by code.
  var CODE_TEXT = {
    UNAUTHORIZED: 'Chưa có mã quản trị. Hãy nhập mã quản trị rồi gửi lại tệp.',
    FORBIDDEN: 'Mã quản trị không đúng. Hãy nhập lại mã rồi gửi lại tệp. Chưa có gì được lưu.',
    ADMIN_DISABLED: 'Máy chủ chưa bật chức năng nạp báo cáo (chưa đặt ADMIN_TOKEN). Hãy báo quản trị viên. Chưa có gì được lưu.',
    PAYLOAD_TOO_LARGE: 'Tệp lớn hơn giới hạn cho một báo cáo. Hãy chia thành nhiều tệp nhỏ hơn. Chưa có gì được lưu.',
    EMPTY_TEXT: 'Tệp rỗng hoặc không có chữ đọc được. Chưa có gì được lưu.',
    VALIDATION: 'Thông tin gửi kèm tệp chưa hợp lệ. Chưa có gì được lưu.',
    INVALID_ENCODING: 'Tệp văn bản không ở mã UTF-8. Hãy lưu lại với mã Unicode (UTF-8) rồi gửi lại. Chưa có gì được lưu.',
    INVALID_TEXT: 'Tệp chứa ký tự không hợp lệ trong văn bản. Chưa có gì được lưu.',
    LEGACY_ENCODING: 'Văn bản đang ở bảng mã cũ (TCVN3/ABC hoặc Windows-1258). Hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã) rồi gửi lại. Chưa có gì được lưu.',
    TOO_COMPLEX: 'Báo cáo có quá nhiều số liệu cho một báo cáo. Hãy chia thành nhiều báo cáo. Chưa có gì được lưu.',
    CONFLICT: 'Báo cáo này trùng mã với một báo cáo mẫu, không ghi đè được. Chưa có gì được lưu.',
    RATE_LIMITED: 'Gửi quá nhanh. Hãy chờ một lát rồi gửi lại.',
    STORAGE_UNAVAILABLE: 'Máy chủ chưa lưu được báo cáo (lỗi lưu trữ). Chưa có gì thay đổi; hãy thử lại sau.',
    REQUEST_ABORTED: 'Việc gửi bị ngắt giữa chừng. Chưa có gì được lưu; hãy gửi lại.',
  };
  var VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
  function errorText(status, body) {
    var err = body && body.error ? body.error : null;
    var code = err && typeof err.code === 'string' ? err.code : '';
    var msg = err && typeof err.message === 'string' ? err.message : '';
    if (msg && VIETNAMESE.test(msg)) return msg;
    if (CODE_TEXT[code]) return CODE_TEXT[code];
    if (status >= 500) return 'Máy chủ gặp lỗi khi đọc tệp (mã ' + status + '). Hãy thử lại sau.';
    return 'Máy chủ từ chối tệp (mã ' + (code || status) + '). Chưa có gì được lưu.';
  }

  // ---- The queue: one list item per file, sent one at a time.
  var FORMAT = { pdf: 'PDF', docx: 'Word (DOCX)', html: 'trang web (HTML)', text: 'văn bản' };
  var STATUS = { created: 'Đã lưu báo cáo mới', replaced: 'Đã cập nhật báo cáo', unchanged: 'Báo cáo đã có, không đổi' };

  function addFiles(list) {
    var files = Array.prototype.slice.call(list || []);
    if (!files.length) return;
    files.forEach(function (file) { pending.push(makeItem(file)); });
    announce('Đã thêm ' + files.length + ' tệp vào hàng chờ.');
    if (!memoryToken) {
      showToken('Hãy nhập mã quản trị để gửi các tệp đang chờ.');
      tokenInput.focus();
      return;
    }
    next();
  }
  function makeItem(file) {
    var li = el('li', 'item');
    var head = el('p', 'item-head');
    head.appendChild(el('span', 'name', file.name));
    head.appendChild(el('span', 'size', fmtSize(file.size)));
    li.appendChild(head);
    var bar = el('div', 'bar-row');
    var progress = el('progress');
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute('aria-label', 'Tiến độ gửi ' + file.name);
    var pct = el('span', 'pct', '0%');
    pct.setAttribute('aria-hidden', 'true');
    bar.appendChild(progress);
    bar.appendChild(pct);
    li.appendChild(bar);
    var state = el('p', 'state', 'Đang chờ gửi…');
    state.setAttribute('role', 'status');
    li.appendChild(state);
    queue.appendChild(li);
    return { file: file, li: li, progress: progress, pct: pct, state: state };
  }
  function setProgress(item, p) {
    var v = Math.max(0, Math.min(100, Math.round(p)));
    item.progress.value = v;
    item.pct.textContent = v + '%';
  }
  function next() {
    if (running || !memoryToken) return;
    var item = pending.shift();
    if (!item) {
      announce('Xong: ' + counts.done + ' tệp đã lưu, ' + counts.failed + ' tệp bị từ chối.');
      return;
    }
    running = true;
    send(item, function () {
      running = false;
      next();
    });
  }
  function fail(item, message) {
    counts.failed++;
    item.li.classList.add('failed');
    item.state.textContent = 'Không lưu được';
    var p = el('p', 'error', message);
    p.setAttribute('role', 'alert');
    item.li.appendChild(p);
    announce(item.file.name + ': không lưu được. ' + message);
  }
  function send(item, done) {
    if (maxBytes && item.file.size > maxBytes) {
      var size = fmtSize(item.file.size), limit = fmtSize(maxBytes);
      // Just over the limit both round alike ("2 MB"); then the bytes tell them apart.
      if (size === limit) { size = fmt(item.file.size) + ' byte'; limit = fmt(maxBytes) + ' byte'; }
      fail(item, 'Tệp ' + size + ' lớn hơn giới hạn ' + limit + ' cho một báo cáo. Hãy chia thành nhiều tệp nhỏ hơn. Chưa có gì được lưu.');
      return done();
    }
    item.state.textContent = 'Đang gửi…';
    var form = new FormData();
    form.append('file', item.file, item.file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reports');
    xhr.setRequestHeader('Authorization', 'Bearer ' + memoryToken);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', function (ev) {
      if (ev.lengthComputable && ev.total > 0) setProgress(item, (ev.loaded / ev.total) * 100);
    });
    xhr.upload.addEventListener('load', function () {
      setProgress(item, 100);
      item.state.textContent = 'Đã gửi xong, máy chủ đang đọc tệp…';
    });
    xhr.addEventListener('error', function () {
      fail(item, 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng rồi gửi lại. Chưa có gì được lưu.');
      done();
    });
    xhr.addEventListener('load', function () {
      var body = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body.id === 'string') {
        setProgress(item, 100);
        stored(item, body);
      } else {
        fail(item, errorText(xhr.status, body));
        if (xhr.status === 401 || xhr.status === 403) {
          setToken('');
          showToken('Mã quản trị không được chấp nhận. Hãy nhập lại mã.');
        }
      }
      done();
    });
    xhr.send(form);
  }
  function stored(item, r) {
    counts.done++;
    item.li.classList.add('ok');
    item.state.textContent = STATUS[r.status] || 'Đã lưu';
    var result = el('p', 'result');
    result.appendChild(el('strong', 'title', r.title));
    var figures = el('span', 'figures', r.figures + ' số liệu');
    result.appendChild(document.createTextNode(' — tìm thấy '));
    result.appendChild(figures);
    result.appendChild(document.createTextNode(' trong ' + r.passages + ' đoạn' + (r.format ? ', đọc dưới dạng ' + (FORMAT[r.format] || r.format) : '') + '.'));
    item.li.appendChild(result);
    var links = el('p', 'links');
    var id = encodeURIComponent(r.id);
    var audit = el('a', 'audit-link', 'Kiểm tra số liệu (audit)');
    audit.href = '/api/reports/' + id + '/audit';
    audit.target = '_blank';
    audit.rel = 'noopener';
    var page = el('a', 'report-link', 'Xem báo cáo');
    page.href = '/reports/' + id;
    page.target = '_blank';
    page.rel = 'noopener';
    links.appendChild(audit);
    links.appendChild(document.createTextNode(' · '));
    links.appendChild(page);
    links.appendChild(el('span', 'id', ' · mã ' + r.id));
    item.li.appendChild(links);
    announce(item.file.name + ': ' + (STATUS[r.status] || 'đã lưu') + ', ' + r.figures + ' số liệu.');
    auditSummary(item, r.id);
  }
  // The audit recomputes the report's stated totals and ratios from its own figures.
  function auditSummary(item, id) {
    fetch('/api/reports/' + encodeURIComponent(id) + '/audit').then(function (res) {
      return res.ok ? res.json() : null;
    }).then(function (a) {
      if (!a || !a.summary) return;
      var s = a.summary;
      item.li.appendChild(el('p', 'audit', 'Đối chiếu tổng và tỷ lệ: ' + s.holds + ' khớp, ' + s.differs + ' lệch, ' + s.unverifiable + ' chưa kiểm được.'));
    }).catch(function () { /* the link still works */ });
  }

  // ---- Picking and dropping.
  picker.addEventListener('change', function () {
    addFiles(picker.files);
    picker.value = '';
  });
  ['dragenter', 'dragover'].forEach(function (t) {
    drop.addEventListener(t, function (ev) {
      ev.preventDefault();
      if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'copy';
      drop.classList.add('over');
    });
  });
  ['dragleave', 'dragend'].forEach(function (t) {
    drop.addEventListener(t, function () { drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (ev) {
    ev.preventDefault();
    drop.classList.remove('over');
    if (ev.dataTransfer) addFiles(ev.dataTransfer.files);
  });
  // A file dropped beside the zone would otherwise be opened by the browser, leaving the page.
  window.addEventListener('dragover', function (ev) { ev.preventDefault(); });
  window.addEventListener('drop', function (ev) { ev.preventDefault(); });

  showToken();
})();
`;
