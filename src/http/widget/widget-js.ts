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
  var open = false, frame = null;

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

  function makeFrame() {
    frame = document.createElement('iframe');
    frame.id = 'vnqa-frame';
    frame.title = title || 'Trợ lý số liệu';
    frame.src = server + '/?embed=1' + (title ? '&title=' + encodeURIComponent(title) : '');
    frame.setAttribute('allow', 'clipboard-write');
    var fs = frame.style;
    fs.position = 'fixed'; fs.right = '16px'; fs.bottom = '72px'; fs.zIndex = '2147483000';
    fs.width = 'min(420px, calc(100vw - 32px))'; fs.height = 'min(640px, calc(100vh - 96px))';
    fs.border = '1px solid #ccc'; fs.borderRadius = '12px'; fs.background = '#fff';
    fs.boxShadow = '0 8px 32px rgba(0,0,0,.25)';
    document.body.appendChild(frame);
  }
  function toggle(next) {
    open = next;
    if (open && !frame) makeFrame();
    if (frame) frame.style.display = open ? 'block' : 'none';
    button.setAttribute('aria-expanded', String(open));
    if (open && frame) frame.focus(); else button.focus();
  }
  button.addEventListener('click', function () { toggle(!open); });
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape' && open) toggle(false); });
  window.addEventListener('message', function (ev) {
    if (ev.origin === server && ev.data && ev.data.type === 'vnqa:close') toggle(false);
  });
  function mount() { document.body.appendChild(button); }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
`;
