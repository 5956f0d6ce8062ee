// The chat page's script (/assets/app.js), kept as a string so it bundles into the Worker with no
// file access. Plain ES2020 for any browser; no framework, no CDN. It streams answers from
// POST /v1/chat/completions and renders the structured answer from the last chunk. All data is put
// on the page with textContent and createElement, never innerHTML.
// Written without backticks or dollar-brace so the whole script sits in one String.raw literal.
export const APP_JS = String.raw`(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var thread = $('thread'), form = $('ask'), input = $('q'), send = $('send'), welcome = $('welcome');
  var statusEl = $('status'), viewer = $('viewer');
  if (!thread || !form || !input) return;
  var history = [];
  var busy = false;
  var reports = new Map();

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function announce(msg) {
    if (!statusEl) return;
    statusEl.textContent = '';
    setTimeout(function () { statusEl.textContent = msg; }, 30);
  }
  // vi-VN numbers: dot for thousands, comma for decimals, at most two decimals.
  function fmt(n) {
    if (typeof n !== 'number' || !isFinite(n)) return String(n);
    var r = Math.round(Math.abs(n) * 100) / 100;
    var parts = r.toFixed(2).split('.');
    var int = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    var dec = parts[1].replace(/0+$/, '');
    return (n < 0 && r !== 0 ? '-' : '') + int + (dec ? ',' + dec : '');
  }
  function withUnit(v, unit) {
    if (!unit) return fmt(v);
    return unit === '%' ? fmt(v) + '%' : fmt(v) + ' ' + unit;
  }
  function reportUrl(c) {
    return location.origin + '/reports/' + encodeURIComponent(c.reportId) + '#' + c.start + '-' + c.end;
  }

  // ---- Thread --------------------------------------------------------------------------------
  function addUser(question) {
    var li = el('li', 'msg user');
    li.appendChild(el('span', 'sr-only', 'Bạn hỏi: '));
    li.appendChild(el('p', 'bubble', question));
    thread.appendChild(li);
  }
  function addAssistant() {
    var li = el('li', 'msg bot');
    li.setAttribute('aria-busy', 'true');
    li.appendChild(el('span', 'sr-only', 'Trợ lý trả lời: '));
    var live = el('p', 'bubble streaming', '');
    live.appendChild(el('span', 'typing', 'Đang tìm trong các báo cáo…'));
    li.appendChild(live);
    thread.appendChild(li);
    li.scrollIntoView({ block: 'end', behavior: 'smooth' });
    return li;
  }

  // The answer text with its [n] markers as buttons that open the source.
  function answerParagraph(text, res) {
    var p = el('p', 'answer-text');
    var re = /\[(\d+)\]/g, last = 0, m;
    while ((m = re.exec(text))) {
      if (m.index > last) p.appendChild(document.createTextNode(text.slice(last, m.index)));
      var n = Number(m[1]);
      var c = res.citations.find(function (x) { return x.n === n; });
      p.appendChild(c ? chip(c) : document.createTextNode(m[0]));
      last = m.index + m[0].length;
    }
    if (last < text.length) p.appendChild(document.createTextNode(text.slice(last)));
    return p;
  }
  function chip(c) {
    var b = el('button', 'chip', '[' + c.n + ']');
    b.type = 'button';
    b.setAttribute('aria-label', 'Nguồn ' + c.n + ': ' + c.title + ' (mở đoạn trích)');
    b.addEventListener('click', function () { openCitation(c, b); });
    return b;
  }
  function headline(res) {
    var k = res.computations[0];
    var f = res.facts[0];
    if (!k && !f) return null;
    var box = el('p', 'headline');
    if (k) {
      box.appendChild(el('span', 'num', withUnit(k.value, k.unit)));
      box.appendChild(el('span', 'num-label', k.label));
    } else {
      box.appendChild(el('span', 'num', withUnit(f.value, f.unit)));
      box.appendChild(el('span', 'num-label', [f.label, f.place, f.period].filter(Boolean).join(' · ')));
    }
    return box;
  }
  function suggestionList(items, title) {
    var wrap = el('div', 'suggest');
    wrap.appendChild(el('p', 'suggest-title', title));
    var ul = el('ul', 'suggest-list');
    items.forEach(function (q) {
      var li = el('li');
      var b = el('button', 'suggestion', q);
      b.type = 'button';
      b.addEventListener('click', function () { submit(q); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    wrap.appendChild(ul);
    return wrap;
  }
  var VERDICT = { supported: 'Đúng với báo cáo', refuted: 'Sai so với báo cáo', not_enough_info: 'Chưa đủ thông tin' };

  function renderAnswer(li, res) {
    li.textContent = '';
    li.appendChild(el('span', 'sr-only', 'Trợ lý trả lời: '));
    var card = el('article', 'card status-' + res.status);
    if (res.status === 'not_found') card.appendChild(el('h3', 'state', 'Không tìm thấy'));
    if (res.status === 'ambiguous') card.appendChild(el('h3', 'state', 'Cần nói rõ hơn'));
    if (res.verdict) card.appendChild(el('p', 'verdict verdict-' + res.verdict, VERDICT[res.verdict] || res.verdict));
    if (res.status === 'answered') {
      var h = headline(res);
      if (h) card.appendChild(h);
    }
    card.appendChild(answerParagraph(res.answer, res));
    if (res.computations.length) {
      var calc = el('section', 'calc');
      calc.appendChild(el('h3', null, 'Phép tính'));
      var ul = el('ul');
      res.computations.forEach(function (k) {
        var item = el('li');
        item.appendChild(el('span', 'calc-label', k.label + ': '));
        item.appendChild(el('code', null, k.formula + ' = ' + withUnit(k.value, k.unit)));
        ul.appendChild(item);
      });
      calc.appendChild(ul);
      card.appendChild(calc);
    }
    if (res.citations.length) {
      var src = el('section', 'sources');
      src.appendChild(el('h3', null, 'Nguồn'));
      var ol = el('ol');
      res.citations.forEach(function (c) {
        var item = el('li');
        item.appendChild(chip(c));
        item.appendChild(el('span', 'src-title', ' ' + c.title));
        item.appendChild(el('q', 'src-quote', c.quote.length > 180 ? c.quote.slice(0, 177) + '…' : c.quote));
        ol.appendChild(item);
      });
      src.appendChild(ol);
      card.appendChild(src);
    }
    if (res.suggestions && res.suggestions.length) {
      card.appendChild(suggestionList(res.suggestions, res.status === 'answered' ? 'Hỏi tiếp:' : 'Số liệu gần nhất mà báo cáo có:'));
    }
    var actions = el('div', 'actions');
    var copy = el('button', 'copy', 'Sao chép');
    copy.type = 'button';
    copy.setAttribute('aria-label', 'Sao chép câu trả lời kèm nguồn');
    copy.addEventListener('click', function () { copyAnswer(res); });
    actions.appendChild(copy);
    card.appendChild(actions);
    li.appendChild(card);
    li.setAttribute('aria-busy', 'false');
  }

  function plainAnswer(res) {
    var lines = [res.answer];
    if (res.computations.length) {
      lines.push('', 'Phép tính:');
      res.computations.forEach(function (k) { lines.push('- ' + k.label + ': ' + k.formula + ' = ' + withUnit(k.value, k.unit)); });
    }
    if (res.citations.length) {
      lines.push('', 'Nguồn:');
      res.citations.forEach(function (c) { lines.push('[' + c.n + '] ' + c.title + ' — “' + c.quote + '” ' + reportUrl(c)); });
    }
    return lines.join('\n');
  }
  function copyAnswer(res) {
    var text = plainAnswer(res);
    var done = function () { announce('Đã sao chép câu trả lời.'); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }
  function fallbackCopy(text) {
    var ta = el('textarea', 'sr-only');
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    ta.remove();
  }
  function showError(li, message) {
    li.textContent = '';
    var p = el('p', 'bubble error', 'Lỗi: ' + message);
    p.setAttribute('role', 'alert');
    li.appendChild(p);
    li.setAttribute('aria-busy', 'false');
  }

  // ---- Asking, streamed ---------------------------------------------------------------------
  async function submit(question) {
    question = (question || '').trim();
    if (!question || busy) return;
    busy = true;
    send.disabled = true;
    if (welcome) welcome.hidden = true;
    input.value = '';
    autosize();
    addUser(question);
    var li = addAssistant();
    var live = li.querySelector('.streaming');
    var messages = history.concat([{ role: 'user', content: question }]);
    try {
      var resp = await fetch('/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ model: 'vn-welfare-qa', stream: true, footnotes: false, messages: messages }),
      });
      if (!resp.ok || !resp.body) {
        var err = await resp.json().catch(function () { return null; });
        throw new Error(err && err.error ? err.error.message : 'máy chủ trả lời ' + resp.status);
      }
      var reader = resp.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '', text = '', final = null, started = false;
      for (;;) {
        var step = await reader.read();
        if (step.done) break;
        buffer += decoder.decode(step.value, { stream: true });
        var events = buffer.split(/\r?\n\r?\n/);
        buffer = events.pop() || '';
        events.forEach(function (ev) {
          var data = ev.split(/\r?\n/).filter(function (l) { return l.indexOf('data:') === 0; })
            .map(function (l) { return l.slice(5).replace(/^ /, ''); }).join('\n');
          if (!data || data === '[DONE]') return;
          var obj = JSON.parse(data);
          var delta = obj.choices && obj.choices[0] && obj.choices[0].delta;
          if (delta && delta.content) {
            if (!started) { live.textContent = ''; started = true; }
            text += delta.content;
            live.textContent = text;
          }
          if (obj.answer) final = obj.answer;
        });
      }
      if (!final) throw new Error('câu trả lời không đầy đủ; vui lòng hỏi lại.');
      renderAnswer(li, final);
      history.push({ role: 'user', content: question }, { role: 'assistant', content: final.answer });
      if (history.length > 20) history = history.slice(-20);
      announce(final.status === 'not_found' ? 'Không tìm thấy số liệu. ' + final.answer : final.answer);
    } catch (e) {
      showError(li, e && e.message ? e.message : String(e));
    } finally {
      busy = false;
      send.disabled = false;
      li.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    }
  }

  // ---- Citation viewer ----------------------------------------------------------------------
  var opener = null;
  async function loadReport(id) {
    if (!reports.has(id)) {
      reports.set(id, fetch('/api/reports/' + encodeURIComponent(id)).then(function (r) {
        if (!r.ok) throw new Error('không mở được báo cáo ' + id);
        return r.json();
      }));
    }
    return reports.get(id);
  }
  async function openCitation(c, from) {
    if (!viewer) { location.href = reportUrl(c); return; }
    opener = from;
    $('viewer-title').textContent = '[' + c.n + '] ' + c.title;
    var body = $('viewer-text');
    body.textContent = 'Đang mở báo cáo…';
    var link = $('viewer-link');
    link.href = reportUrl(c);
    if (typeof viewer.showModal === 'function') viewer.showModal(); else viewer.setAttribute('open', '');
    $('viewer-close').focus();
    try {
      var report = await loadReport(c.reportId);
      var text = report.text;
      var s = c.start, e = c.end;
      if (!(s >= 0 && e > s && e <= text.length)) { body.textContent = c.quote; return; }
      // Show the paragraph around the passage: from the blank line before to the one after.
      var from0 = Math.max(0, text.lastIndexOf('\n', Math.max(0, s - 400)));
      var to0 = text.indexOf('\n', Math.min(text.length, e + 400));
      if (to0 < 0) to0 = text.length;
      body.textContent = '';
      if (from0 > 0) body.appendChild(el('span', 'ellipsis', '… '));
      body.appendChild(document.createTextNode(text.slice(from0, s)));
      var mark = el('mark', 'hl', text.slice(s, e));
      mark.id = 'viewer-mark';
      body.appendChild(mark);
      body.appendChild(document.createTextNode(text.slice(e, to0)));
      if (to0 < text.length) body.appendChild(el('span', 'ellipsis', ' …'));
      mark.scrollIntoView({ block: 'center' });
    } catch (err) {
      body.textContent = (err && err.message) || String(err);
    }
  }
  function closeViewer() {
    if (!viewer) return;
    if (typeof viewer.close === 'function') viewer.close(); else viewer.removeAttribute('open');
  }
  if (viewer) {
    $('viewer-close').addEventListener('click', closeViewer);
    viewer.addEventListener('close', function () { if (opener) opener.focus(); });
    viewer.addEventListener('click', function (ev) { if (ev.target === viewer) closeViewer(); });
  }

  // ---- Form, suggestions, keyboard ---------------------------------------------------------
  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 160) + 'px';
  }
  form.addEventListener('submit', function (ev) { ev.preventDefault(); submit(input.value); input.focus(); });
  input.addEventListener('input', autosize);
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      submit(input.value);
    }
  });
  document.querySelectorAll('[data-question]').forEach(function (b) {
    b.addEventListener('click', function () { submit(b.getAttribute('data-question')); input.focus(); });
  });
  var reset = $('new');
  if (reset) reset.addEventListener('click', function () {
    history = [];
    thread.textContent = '';
    if (welcome) welcome.hidden = false;
    input.focus();
    announce('Đã bắt đầu cuộc hỏi mới.');
  });
  var close = $('close');
  if (close && window.parent !== window) {
    close.hidden = false;
    close.addEventListener('click', function () { window.parent.postMessage({ type: 'vnqa:close' }, '*'); });
  }
  var params = new URLSearchParams(location.search);
  var preset = params.get('q');
  if (preset) submit(preset);
})();
`;
