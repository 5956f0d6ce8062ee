// The chat page's script (/assets/app.js), kept as a string so it bundles into the Worker with no
// file access. Plain ES2020 for any browser; no framework, no CDN. It streams answers from
// POST /v1/chat/completions and renders the structured answer from the last chunk. All data is put
// on the page with textContent and createElement, never innerHTML.
// Written without backticks or dollar-brace (but the one that brings in el(), el-js.ts) so the whole
// script sits in one String.raw literal.
import { EL_JS } from './el-js.ts';

export const APP_JS = String.raw`(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var thread = $('thread'), form = $('ask'), input = $('q'), send = $('send'), welcome = $('welcome');
  var statusEl = $('status'), viewer = $('viewer');
  if (!thread || !form || !input) return;
  var history = [];
  var busy = false;
  var reports = new Map();
  // What is on screen, kept in sessionStorage so a reload (or a click to the report page and back)
  // keeps the conversation; "Cuộc hỏi mới" clears it.
  var STORE_KEY = 'vnqa:conversation:v1';
  var shown = [];
  var embedded = window.parent !== window;

${EL_JS}
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
  // "2024-07-17" → "17/07/2024", "2024-07" → "07/2024"; anything else as given.
  function fmtDate(iso) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso || '');
    if (!m) return iso || '';
    return [m[3], m[2], m[1]].filter(Boolean).join('/');
  }
  function isUrl(s) { return typeof s === 'string' && /^https?:\/\/\S+$/i.test(s); }
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
    li.scrollIntoView({ block: 'end' });
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
  // ---- Facts as a table, a series as a chart, the facts as CSV --------------------------------
  var KIND_NOTE = { target: ' (mục tiêu, chưa phải kết quả)', change: ' (mức tăng/giảm)' };
  function factLabel(f) { return f.label + (KIND_NOTE[f.kind] || ''); }
  function factTable(res) {
    var wrap = el('div', 'facts-wrap');
    var table = el('table', 'facts');
    table.appendChild(el('caption', null, res.status === 'not_found' ? 'Số liệu gần nhất mà báo cáo có' : 'Các số liệu trong câu trả lời'));
    var head = el('tr');
    ['Chỉ tiêu', 'Địa bàn', 'Thời kỳ', 'Giá trị', 'Nguồn'].forEach(function (h) {
      var th = el('th', null, h);
      th.scope = 'col';
      head.appendChild(th);
    });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    res.facts.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(el('td', null, factLabel(f)));
      tr.appendChild(el('td', null, f.place || '—'));
      tr.appendChild(el('td', null, f.period || '—'));
      tr.appendChild(el('td', 'num-cell', withUnit(f.value, f.unit)));
      var src = el('td');
      var c = res.citations.find(function (x) { return x.n === f.citation; });
      if (c) src.appendChild(chip(c));
      tr.appendChild(src);
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    return wrap;
  }
  // The series the core returns (AskResponse.series): results only, oldest first, each point a fact.
  function seriesOf(res) {
    if (!res.series || !Array.isArray(res.series.points) || res.series.points.length < 2) return null;
    var points = res.series.points.map(function (p) {
      var fact = res.facts.find(function (f) { return f.id === p.factId; });
      return fact ? { year: p.year, period: p.period, fact: fact } : null;
    });
    return points.every(Boolean) ? points : null;
  }
  var SVG_NS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function seriesChart(series) {
    var first = series[0].fact, last = series[series.length - 1];
    var name = first.label + (first.place ? ' ' + first.place : '') + ', ' + series[0].year + '–' + last.year;
    var W = 560, H = 220, L = 16, R = 16, T = 28, B = 34;
    var values = series.map(function (p) { return p.fact.value; });
    var max = Math.max.apply(null, values), min = Math.min(0, Math.min.apply(null, values));
    var span = max - min || 1;
    var x = function (i) { return L + 30 + (i * (W - L - R - 60)) / (series.length - 1); };
    var y = function (v) { return T + (H - T - B) * (1 - (v - min) / span); };
    var fig = el('figure', 'chart');
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    var titleId = 'chart-' + Math.random().toString(36).slice(2);
    var title = svg('title', { id: titleId }, 'Biểu đồ ' + name + ': ' + series.map(function (p) { return p.period + ': ' + withUnit(p.fact.value, p.fact.unit); }).join('; '));
    chart.setAttribute('aria-labelledby', titleId);
    chart.appendChild(title);
    chart.appendChild(svg('line', { x1: L, x2: W - R, y1: y(min), y2: y(min), class: 'axis' }));
    var pts = series.map(function (p, i) { return x(i) + ',' + y(p.fact.value); }).join(' ');
    chart.appendChild(svg('polyline', { points: pts, class: 'series' }));
    series.forEach(function (p, i) {
      chart.appendChild(svg('circle', { cx: x(i), cy: y(p.fact.value), r: 4.5, class: 'point' }));
      chart.appendChild(svg('text', { x: x(i), y: y(p.fact.value) - 10, 'text-anchor': 'middle', class: 'value' }, fmt(p.fact.value)));
      chart.appendChild(svg('text', { x: x(i), y: H - 12, 'text-anchor': 'middle', class: 'year' }, p.year));
    });
    fig.appendChild(chart);
    fig.appendChild(el('figcaption', null, name + (first.unit ? ' (' + first.unit + ')' : '')));
    return fig;
  }
  // vi-VN spreadsheets: ";" between cells, a decimal comma, no thousands separator, a BOM for UTF-8.
  function csvCell(v) {
    var s = String(v === null || v === undefined ? '' : v);
    return /[";\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function factsCsv(res) {
    var rows = [['Chỉ tiêu', 'Địa bàn', 'Thời kỳ', 'Giá trị', 'Đơn vị', 'Loại', 'Báo cáo', 'Đoạn trích']];
    res.facts.forEach(function (f) {
      var c = res.citations.find(function (x) { return x.n === f.citation; });
      rows.push([f.label, f.place, f.period, String(f.value).replace('.', ','), f.unit, f.kind, c ? c.title : f.reportId, c ? reportUrl(c) : '']);
    });
    return '\uFEFF' + rows.map(function (r) { return r.map(csvCell).join(';'); }).join('\r\n') + '\r\n';
  }
  function csvLink(res) {
    var a = el('a', 'csv', 'Tải số liệu (CSV)');
    a.href = URL.createObjectURL(new Blob([factsCsv(res)], { type: 'text/csv;charset=utf-8' }));
    a.download = 'so-lieu.csv';
    return a;
  }

  // ---- Citation date and original source, from the report itself -----------------------------
  function fillSourceMeta(item, c) {
    var meta = el('span', 'src-meta');
    item.insertBefore(meta, item.querySelector('.src-quote'));
    loadReport(c.reportId).then(function (r) {
      if (r.publishedAt) meta.appendChild(el('span', 'src-date', ' · ' + fmtDate(r.publishedAt)));
      if (isUrl(r.source)) {
        meta.appendChild(document.createTextNode(' · '));
        var a = el('a', 'src-link', 'nguồn gốc');
        a.href = r.source;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.setAttribute('aria-label', 'Nguồn gốc của báo cáo ' + c.title);
        meta.appendChild(a);
      } else if (r.source) {
        meta.appendChild(el('span', 'src-note', ' · ' + r.source));
      }
    }, function () { /* the title alone is still a citation */ });
  }

  // ---- Feedback -------------------------------------------------------------------------------
  function feedbackBox(res, question) {
    var box = el('div', 'feedback');
    var ask = el('span', 'fb-ask', 'Câu trả lời có hữu ích không?');
    box.appendChild(ask);
    var form = el('form', 'fb-form');
    form.hidden = true;
    var rating = null;
    var buttons = [['up', '👍', 'Hữu ích'], ['down', '👎', 'Chưa hữu ích']].map(function (d) {
      var b = el('button', 'fb-' + d[0]);
      b.type = 'button';
      b.appendChild(el('span', null, d[1]));
      b.appendChild(document.createTextNode(' ' + d[2]));
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', function () {
        rating = d[0];
        buttons.forEach(function (x) { x.setAttribute('aria-pressed', String(x === b)); });
        form.hidden = false;
        comment.focus();
      });
      box.appendChild(b);
      return b;
    });
    var label = el('label', null, 'Góp ý thêm (không bắt buộc)');
    var comment = el('textarea');
    comment.maxLength = 2000;
    comment.rows = 2;
    label.appendChild(comment);
    form.appendChild(label);
    var sendFb = el('button', 'fb-send', 'Gửi góp ý');
    sendFb.type = 'submit';
    form.appendChild(sendFb);
    var status = el('p', 'fb-status');
    status.setAttribute('role', 'status');
    form.appendChild(status);
    form.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      if (!rating) return;
      sendFb.disabled = true;
      var body = { question: question, rating: rating, answer: res.answer.slice(0, 20000) };
      var text = comment.value.trim();
      if (text) body.comment = text;
      try {
        var r = await fetch('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        if (!r.ok) throw httpError(r.status, r.headers.get('retry-after'));
        box.textContent = '';
        box.appendChild(el('p', 'fb-thanks', 'Cảm ơn góp ý của bạn.'));
        announce('Đã gửi góp ý.');
      } catch (e) {
        status.textContent = errorText(e);
        sendFb.disabled = false;
      }
    });
    box.appendChild(form);
    return box;
  }

  var VERDICT = { supported: 'Đúng với báo cáo', refuted: 'Sai so với báo cáo', not_enough_info: 'Chưa đủ thông tin' };
  // A mark beside the words, so the verdict reads without its colour; the words carry it for a screen reader.
  var VERDICT_MARK = { supported: '✓', refuted: '✗', not_enough_info: '?' };

  function verdictBadge(res) {
    var box = el('div', 'verdict-box');
    var badge = el('p', 'verdict verdict-' + res.verdict);
    var mark = el('span', 'verdict-mark', VERDICT_MARK[res.verdict] || '');
    mark.setAttribute('aria-hidden', 'true');
    badge.appendChild(mark);
    badge.appendChild(document.createTextNode(' Kết luận: ' + (VERDICT[res.verdict] || res.verdict)));
    box.appendChild(badge);
    // The claim as the assistant read it, so the user sees what was checked.
    if (res.verification && res.verification.claim) box.appendChild(el('p', 'verdict-claim', 'Nhận định đã kiểm tra: “' + res.verification.claim + '”'));
    return box;
  }

  function renderAnswer(li, res, question) {
    li.textContent = '';
    li.appendChild(el('span', 'sr-only', 'Trợ lý trả lời: '));
    var card = el('article', 'card status-' + res.status);
    if (res.status === 'not_found') card.appendChild(el('h3', 'state', 'Không tìm thấy'));
    if (res.status === 'ambiguous') card.appendChild(el('h3', 'state', 'Cần nói rõ hơn'));
    if (res.verdict) card.appendChild(verdictBadge(res));
    var series = seriesOf(res);
    // A series has no one headline number; its chart is the headline.
    if (res.status === 'answered' && !series) {
      var h = headline(res);
      if (h) card.appendChild(h);
    }
    card.appendChild(answerParagraph(res.answer, res));
    if (series) card.appendChild(seriesChart(series));
    if (res.facts.length >= 2) card.appendChild(factTable(res));
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
        fillSourceMeta(item, c);
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
    if (res.facts.length) actions.appendChild(csvLink(res));
    card.appendChild(actions);
    if (question) card.appendChild(feedbackBox(res, question));
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
  // ---- Errors, in Vietnamese ----------------------------------------------------------------
  // An HTTP failure as an Error carrying its status (and Retry-After for a 429).
  function httpError(status, retryAfter) {
    var e = new Error('HTTP ' + status);
    e.status = status;
    var secs = Number(retryAfter);
    e.retryAfter = isFinite(secs) && secs > 0 ? Math.ceil(secs) : (status === 429 ? 60 : 0);
    return e;
  }
  function errorText(e) {
    if (e && e.status === 429) return 'Bạn hỏi quá nhanh. Vui lòng thử lại sau ' + e.retryAfter + ' giây.';
    if (e && (e.status === 400 || e.status === 413 || e.status === 415)) return 'Câu hỏi chưa hợp lệ (trống hoặc quá dài). Hãy sửa câu hỏi rồi gửi lại.';
    if (e && e.status === 503) return 'Máy chủ đang bận hoặc chưa sẵn sàng. Vui lòng thử lại sau ít phút.';
    if (e && e.status) return 'Máy chủ gặp lỗi (mã ' + e.status + '). Vui lòng thử lại sau.';
    if (e && e.incomplete) return 'Câu trả lời bị ngắt giữa chừng. Vui lòng hỏi lại.';
    return 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.';
  }
  function showError(li, e, question) {
    li.textContent = '';
    var box = el('div', 'bubble error');
    box.setAttribute('role', 'alert');
    var p = el('p', 'error-text', errorText(e));
    box.appendChild(p);
    var retry = el('button', 'retry', 'Thử lại');
    retry.type = 'button';
    retry.addEventListener('click', function () {
      if (li.previousElementSibling) li.previousElementSibling.remove();
      li.remove();
      submit(question);
    });
    box.appendChild(retry);
    if (e && e.status === 429) {
      var left = e.retryAfter;
      retry.disabled = true;
      var timer = setInterval(function () {
        left -= 1;
        if (left > 0) {
          p.textContent = 'Bạn hỏi quá nhanh. Vui lòng thử lại sau ' + left + ' giây.';
          return;
        }
        clearInterval(timer);
        p.textContent = 'Bạn có thể hỏi lại ngay bây giờ.';
        retry.disabled = false;
      }, 1000);
    }
    li.appendChild(box);
    li.setAttribute('aria-busy', 'false');
  }

  // ---- The conversation across reloads ------------------------------------------------------
  function save() {
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify({ history: history, shown: shown }));
    } catch (e) { /* storage full or off: the conversation simply is not kept */ }
  }
  function restore() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null'); } catch (e) { saved = null; }
    if (!saved || !Array.isArray(saved.shown) || !saved.shown.length) return;
    history = Array.isArray(saved.history) ? saved.history : [];
    shown = saved.shown;
    if (welcome) welcome.hidden = true;
    shown.forEach(function (item) {
      addUser(item.question);
      var li = el('li', 'msg bot');
      thread.appendChild(li);
      renderAnswer(li, item.answer, item.question);
    });
    var lastLi = thread.lastElementChild;
    if (lastLi) lastLi.scrollIntoView({ block: 'start' });
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
    var ok = false;
    try {
      var resp;
      try {
        resp = await fetch('/v1/chat/completions', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ model: 'vn-welfare-qa', stream: true, footnotes: false, messages: messages }),
        });
      } catch (netErr) {
        throw new Error('network');
      }
      if (!resp.ok || !resp.body) throw httpError(resp.status, resp.headers.get('retry-after'));
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
      if (!final) { var inc = new Error('incomplete'); inc.incomplete = true; throw inc; }
      renderAnswer(li, final, question);
      ok = true;
      history.push({ role: 'user', content: question }, { role: 'assistant', content: final.answer });
      if (history.length > 20) history = history.slice(-20);
      shown.push({ question: question, answer: final });
      if (shown.length > 30) shown = shown.slice(-30);
      save();
      announce(final.status === 'not_found' ? 'Không tìm thấy số liệu. ' + final.answer : final.answer);
    } catch (e) {
      showError(li, e, question);
      announce(errorText(e));
    } finally {
      busy = false;
      send.disabled = false;
      // The start of the new answer, above the sticky composer (scroll-margin in the CSS).
      li.scrollIntoView({ block: ok && li.offsetHeight > window.innerHeight / 2 ? 'start' : 'end' });
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
    // How much of the bottom the sticky composer covers, for the answers' scroll-margin.
    document.documentElement.style.setProperty('--composer-h', form.offsetHeight + 'px');
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
    shown = [];
    try { sessionStorage.removeItem(STORE_KEY); } catch (e) { /* nothing kept */ }
    thread.textContent = '';
    if (welcome) welcome.hidden = false;
    input.focus();
    announce('Đã bắt đầu cuộc hỏi mới.');
  });
  // Phone keyboards have no Shift+Enter to speak of: the hint says what to tap instead.
  var hint = document.querySelector('#q-hint > span');
  if (hint && window.matchMedia && window.matchMedia('(pointer: coarse)').matches) {
    hint.textContent = 'Bấm “Hỏi” để gửi câu hỏi.';
  }

  // ---- Inside an embedding page (widget.js) --------------------------------------------------
  // The messages say nothing private, so any parent may hear them; a parent's message only focuses.
  function tellParent(type) { window.parent.postMessage({ type: type }, '*'); }
  var close = $('close');
  if (embedded) {
    if (close) {
      close.hidden = false;
      close.addEventListener('click', function () { tellParent('vnqa:close'); });
    }
    document.addEventListener('keydown', function (ev) {
      // Escape first closes the source viewer (the dialog's own handling), then the widget.
      if (ev.key === 'Escape' && !(viewer && viewer.open)) tellParent('vnqa:close');
    });
    window.addEventListener('message', function (ev) {
      if (ev.source === window.parent && ev.data && ev.data.type === 'vnqa:focus') input.focus();
    });
  }

  // ---- Coverage on the welcome screen -------------------------------------------------------
  function years(r) {
    var ys = (r.periods || []).map(function (p) { return p.year; }).filter(function (y) { return typeof y === 'number'; });
    return ys;
  }
  function yearSpan(list) {
    var u = Array.from(new Set(list)).sort();
    if (!u.length) return '';
    return u.length > 2 && u[u.length - 1] - u[0] === u.length - 1 ? u[0] + '–' + u[u.length - 1] : u.join(', ');
  }
  function showCoverage(list) {
    var box = $('coverage');
    if (!box) return;
    box.textContent = '';
    if (!list.length) {
      box.appendChild(el('p', null, 'Chưa có báo cáo nào. Quản trị viên cần nạp báo cáo (POST /api/reports).'));
      return;
    }
    var byPlace = new Map();
    list.forEach(function (r) {
      var name = r.place ? r.place + (r.placeInfo && r.placeInfo.level === 'district' ? ' (' + r.placeInfo.province + ')' : '') : 'Không rõ địa bàn';
      if (!byPlace.has(name)) byPlace.set(name, { reports: 0, years: [], published: [] });
      var g = byPlace.get(name);
      g.reports += 1;
      g.years = g.years.concat(years(r));
      if (r.publishedAt) g.published.push(r.publishedAt);
    });
    var allYears = list.reduce(function (acc, r) { return acc.concat(years(r)); }, []);
    box.appendChild(el('h3', null, 'Phạm vi: ' + list.length + ' báo cáo, ' + byPlace.size + ' địa bàn' + (allYears.length ? ', số liệu ' + yearSpan(allYears) : '')));
    var ul = el('ul', 'coverage-list');
    Array.from(byPlace.keys()).sort(function (a, b) { return a.localeCompare(b, 'vi'); }).forEach(function (name) {
      var g = byPlace.get(name);
      var li = el('li');
      li.appendChild(el('span', 'cov-place', name));
      var bits = [];
      if (g.years.length) bits.push('năm ' + yearSpan(g.years));
      bits.push(g.reports + ' báo cáo');
      if (g.published.length) bits.push('công bố ' + g.published.sort().map(fmtDate).join(', '));
      li.appendChild(el('span', 'cov-detail', ' — ' + bits.join(' · ')));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    box.appendChild(el('p', 'cov-note', 'Hỏi về địa bàn hoặc năm khác, trợ lý sẽ trả lời “không tìm thấy” và gợi ý số liệu gần nhất.'));
  }
  fetch('/api/reports').then(function (r) {
    if (!r.ok) throw httpError(r.status, null);
    return r.json();
  }).then(function (body) { showCoverage(body.reports || []); }, function () {
    var box = $('coverage');
    if (box) box.textContent = '';
  });

  autosize();
  restore();
  if (embedded) tellParent('vnqa:ready');
  var params = new URLSearchParams(location.search);
  var preset = params.get('q');
  if (preset && !shown.length) submit(preset);
})();
`;
