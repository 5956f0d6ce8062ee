// Highlighted snippets: the window of a passage that holds the most query words, HTML-escaped,
// with matched words in <mark>. Spans come from the tokenizer's analysis, never a string search.

import { escapeHtml } from '../text/escape-html.ts';

export interface Span {
  start: number;
  end: number;
  /** What matched (a folded word or key), so a window counts distinct words, not repeats. */
  term: string;
}

/** Sorted, overlapping or whitespace-adjacent spans joined, so "hộ nghèo" is one <mark>. */
function mergeSpans(text: string, spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && (s.start <= last.end || /^\s+$/.test(text.slice(last.end, s.start)))) {
      last.end = Math.max(last.end, s.end);
    } else {
      out.push({ ...s });
    }
  }
  return out;
}

/** The window start (≤ maxLength chars) covering the most distinct matched terms. */
function bestWindowStart(spans: Span[], maxLength: number): number {
  let best = 0;
  let bestCount = -1;
  for (const first of spans) {
    const start = Math.max(0, first.start - Math.floor(maxLength / 6));
    const terms = new Set<string>();
    for (const s of spans) if (s.start >= start && s.end <= start + maxLength) terms.add(s.term);
    if (terms.size > bestCount) {
      bestCount = terms.size;
      best = start;
    }
  }
  return best;
}

/**
 * The passage, or its best window of about `maxLength` characters, escaped and marked.
 * @example buildSnippet('Còn 14.040 hộ nghèo', [{ start: 4, end: 10, term: '14040' }]) // 'Còn <mark>14.040</mark> hộ nghèo'
 */
export function buildSnippet(text: string, spans: Span[], maxLength = 300): string {
  let from = 0;
  let to = text.length;
  if (text.length > maxLength) {
    from = bestWindowStart(spans, maxLength);
    to = Math.min(text.length, from + maxLength);
    // Cut on word boundaries so a syllable is never halved.
    if (from > 0) {
      const space = text.indexOf(' ', from);
      if (space !== -1 && space < from + 30) from = space + 1;
    }
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from) to = space;
    }
  }
  const marks = mergeSpans(
    text,
    spans.filter((s) => s.start >= from && s.end <= to),
  );
  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const m of marks) {
    out += `${escapeHtml(text.slice(pos, m.start))}<mark>${escapeHtml(text.slice(m.start, m.end))}</mark>`;
    pos = m.end;
  }
  out += escapeHtml(text.slice(pos, to));
  if (to < text.length) out += '…';
  return out;
}
