// /widget.js: lets any site embed the chat with one tag. The script adds a button that opens the
// chat page in an iframe, so the host page's styles and scripts never touch the widget:
//   <script src="https://tro-ly.example.vn/widget.js" data-title="Hỏi số liệu" async></script>
// data-server (default: where the script came from), data-title, data-label (the button's text).
// The host must be allowed by the server's CORS_ORIGINS / WIDGET_FRAME_ANCESTORS setting.
export const WIDGET_JS = String.raw`(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || window.__vnqaWidget) return;
  window.__vnqaWidget = true;
  var server = (me.getAttribute('data-server') || new URL(me.src, location.href).origin).replace(/\/+$/, '');
  var title = me.getAttribute('data-title') || '';
  var label = me.getAttribute('data-label') || 'Hỏi số liệu';
  var open = false, frame = null, ready = false, notice = null;
  var phone = window.matchMedia ? window.matchMedia('(max-width: 560px)') : null;

  var button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'vnqa-frame');
  var bs = button.style;
  bs.position = 'fixed'; bs.right = '16px'; bs.bottom = '16px'; bs.zIndex = '2147483000';
  bs.padding = '12px 18px'; bs.border = '0'; bs.borderRadius = '999px'; bs.cursor = 'pointer';
  bs.background = '#b3261e'; bs.color = '#fff'; bs.font = '600 16px/1.2 system-ui, sans-serif';
  bs.boxShadow = '0 4px 16px rgba(0,0,0,.25)';

  // A floating panel on a wide screen; the whole screen on a phone, as phone chat widgets do.
  function place(box) {
    var s = box.style;
    s.position = 'fixed'; s.zIndex = '2147483001'; s.background = '#fff'; s.boxSizing = 'border-box';
    if (phone && phone.matches) {
      s.left = '0'; s.top = '0'; s.right = '0'; s.bottom = '0';
      s.width = '100%'; s.height = '100%'; s.border = '0'; s.borderRadius = '0'; s.boxShadow = 'none';
    } else {
      s.left = 'auto'; s.top = 'auto'; s.right = '16px'; s.bottom = '72px';
      s.width = 'min(420px, calc(100vw - 32px))'; s.height = 'min(640px, calc(100vh - 96px))';
      s.border = '1px solid #ccc'; s.borderRadius = '12px'; s.boxShadow = '0 8px 32px rgba(0,0,0,.25)';
    }
  }
  function makeFrame() {
    frame = document.createElement('iframe');
    frame.id = 'vnqa-frame';
    frame.title = title || 'Trợ lý số liệu';
    frame.src = server + '/?embed=1' + (title ? '&title=' + encodeURIComponent(title) : '');
    frame.setAttribute('allow', 'clipboard-write');
    place(frame);
    // A page the server refuses to be framed in (CSP frame-ancestors) still fires "load", but never
    // says it is ready: then the site owner and the reader are told why instead of a grey box.
    frame.addEventListener('load', function () {
      setTimeout(function () { if (!ready) refused(); }, 2500);
    });
    document.body.appendChild(frame);
  }
  function refused() {
    if (notice || !frame) return;
    var here = location.origin;
    console.warn('[vnqa] ' + server + ' does not allow ' + here + ' to frame the widget: add ' + here +
      ' to WIDGET_FRAME_ANCESTORS (or CORS_ORIGINS) in the server settings.');
    notice = document.createElement('div');
    notice.id = 'vnqa-refused';
    notice.setAttribute('role', 'alert');
    place(notice);
    var ns = notice.style;
    ns.padding = '20px'; ns.font = '16px/1.5 system-ui, sans-serif'; ns.color = '#1c1b1f'; ns.overflow = 'auto';
    var h = document.createElement('p');
    h.style.fontWeight = '700';
    h.textContent = 'Không hiển thị được trợ lý trong trang này.';
    var p = document.createElement('p');
    p.textContent = 'Máy chủ trợ lý chưa cho phép trang ' + here + ' nhúng khung hỏi đáp. Quản trị máy chủ cần thêm ' +
      here + ' vào thiết lập WIDGET_FRAME_ANCESTORS (hoặc CORS_ORIGINS) rồi khởi động lại.';
    var a = document.createElement('a');
    a.href = server + '/';
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = 'Mở trợ lý trong thẻ mới';
    var x = document.createElement('button');
    x.type = 'button';
    x.textContent = 'Đóng';
    x.style.marginLeft = '12px';
    x.addEventListener('click', function () { toggle(false); });
    notice.appendChild(h); notice.appendChild(p); notice.appendChild(a); notice.appendChild(x);
    frame.style.display = 'none';
    notice.style.display = open ? 'block' : 'none';
    document.body.appendChild(notice);
  }
  function focusInside() {
    if (!frame || !ready) return;
    frame.focus();
    frame.contentWindow.postMessage({ type: 'vnqa:focus' }, server);
  }
  function toggle(next) {
    open = next;
    if (open && !frame) makeFrame();
    if (notice) notice.style.display = open ? 'block' : 'none';
    else if (frame) frame.style.display = open ? 'block' : 'none';
    button.setAttribute('aria-expanded', String(open));
    if (open) focusInside(); else button.focus();
  }
  button.addEventListener('click', function () { toggle(!open); });
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape' && open) toggle(false); });
  window.addEventListener('message', function (ev) {
    if (ev.origin !== server || !frame || ev.source !== frame.contentWindow || !ev.data) return;
    if (ev.data.type === 'vnqa:close') toggle(false);
    if (ev.data.type === 'vnqa:ready') {
      ready = true;
      if (open) focusInside();
    }
  });
  if (phone && phone.addEventListener) {
    phone.addEventListener('change', function () { if (frame) place(frame); if (notice) place(notice); });
  }
  function mount() { document.body.appendChild(button); }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
`;
