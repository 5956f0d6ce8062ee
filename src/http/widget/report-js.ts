// The report page's script (/assets/report.js): highlights the range named by the URL hash
// (#start-end, JavaScript string offsets into the stored text) and scrolls to it. The text comes
// from the page's JSON data block, so offsets match the stored text exactly.
export const REPORT_JS = String.raw`(function () {
  'use strict';
  var data = document.getElementById('report-data');
  var box = document.getElementById('report-text');
  if (!data || !box) return;
  var text = JSON.parse(data.textContent || '{}').text || '';
  function show() {
    var m = /^#(\d+)-(\d+)$/.exec(location.hash);
    var s = m ? Number(m[1]) : -1, e = m ? Number(m[2]) : -1;
    box.textContent = '';
    if (!(s >= 0 && e > s && e <= text.length)) { box.textContent = text; return; }
    box.appendChild(document.createTextNode(text.slice(0, s)));
    var mark = document.createElement('mark');
    mark.className = 'hl';
    mark.id = 'hl';
    mark.tabIndex = -1;
    mark.textContent = text.slice(s, e);
    box.appendChild(mark);
    box.appendChild(document.createTextNode(text.slice(e)));
    var status = document.getElementById('status');
    if (status) status.textContent = 'Đoạn được trích dẫn đã được tô sáng.';
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  }
  window.addEventListener('hashchange', show);
  show();
})();
`;
