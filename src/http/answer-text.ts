// One answer, many text surfaces: the OpenAI-compatible reply (Markdown footnotes), Telegram (HTML),
// Zalo (plain text with short links) and the terminal all present an AskResponse through these
// functions, so no surface words an answer, a computation or a source differently.
import type { AskResponse, Citation, Computation } from '../contract.ts';
import { formatViNumber } from '../text/vi-number.ts';

/**
 * Markdown's active characters escaped, so a report's title or quote is shown as written and
 * can never become a link, an image or formatting in a reply ("[bấm vào đây](http://…)").
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|~!]/g, (ch) => `\\${ch}`);
}

/** The report page that shows a citation with its passage highlighted. */
export function citationLink(base: string, c: Pick<Citation, 'reportId' | 'start' | 'end'>): string {
  return `${base}/reports/${encodeURIComponent(c.reportId)}#${c.start}-${c.end}`;
}

/** The shortest link to the same page (`/r/:id` redirects to `/reports/:id`; the hash survives). */
export function shortCitationLink(base: string, c: Pick<Citation, 'reportId' | 'start' | 'end'>): string {
  return `${base}/r/${encodeURIComponent(c.reportId)}#${c.start}-${c.end}`;
}

/** "Tỷ lệ hộ nghèo giảm: 9,95 − 7,71 = 2,24 điểm %" */
export function computationLine(k: Computation): string {
  const value = `${formatViNumber(k.value)}${k.unit ? (k.unit === '%' ? '%' : ` ${k.unit}`) : ''}`;
  return `${k.label}: ${k.formula} = ${value}`;
}

/** A quote shortened to about `max` characters at a word boundary. */
export function shortQuote(quote: string, max = 220): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The answer with its computations and sources as Markdown footnotes: the reply text of the
 * OpenAI-compatible endpoint, which bot frameworks show as is.
 * @example "Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo [1].\n\nNguồn:\n[1] … — “…14.040 hộ nghèo…” (http://…/reports/001#10-90)"
 */
export function answerWithFootnotes(res: AskResponse, base: string): string {
  const parts = [res.answer.trim()];
  if (res.computations.length) {
    parts.push(['Phép tính:', ...res.computations.map((k) => `- ${computationLine(k)}`)].join('\n'));
  }
  if (res.citations.length) {
    parts.push(
      [
        'Nguồn:',
        ...res.citations.map(
          (c) =>
            `[${c.n}] ${escapeMarkdown(c.title)} — “${escapeMarkdown(shortQuote(c.quote))}”${base ? ` (${citationLink(base, c)})` : ''}`,
        ),
      ].join('\n'),
    );
  }
  if (res.status !== 'answered' && res.suggestions.length) {
    parts.push(['Bạn có thể hỏi:', ...res.suggestions.map((s) => `- ${s}`)].join('\n'));
  }
  return parts.join('\n\n');
}

/** A piece of a message: its plain text, how it is rendered, and what joins it to the piece before. */
export interface Block {
  text: string;
  render: (s: string) => string;
  /** Joins this block to the previous one; a blank line unless given. */
  sep?: string;
}

/**
 * As many blocks as fit in `limit` characters of rendered text. The first block is cut at a word
 * boundary with "…" when it alone is too long; later blocks are dropped whole, never cut, so a link
 * or a tag is never broken.
 */
export function fitBlocks(blocks: Block[], limit: number): string {
  let out = '';
  for (const [i, b] of blocks.entries()) {
    const piece = (out ? (b.sep ?? '\n\n') : '') + b.render(b.text);
    if (out.length + piece.length <= limit) out += piece;
    else if (i === 0) out = cutToFit(b.text, limit, b.render);
    // A later block that does not fit is left out; a shorter one after it may still fit.
  }
  return out;
}

function cutToFit(text: string, limit: number, render: (s: string) => string): string {
  let lo = 0;
  let hi = text.length;
  // Binary search on the plain text's length: rendering (escaping) only ever lengthens it.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (render(`${text.slice(0, mid)}…`).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  let cut = text.slice(0, lo);
  const space = cut.search(/\s\S*$/);
  if (space > lo * 0.7) cut = cut.slice(0, space);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return render(`${cut.trimEnd()}…`);
}

/**
 * A chat answer runs to a few messages at most: beyond that a reader wants the report page, not a
 * wall of messages (4 × 4096 characters on Telegram is longer than any answer the core writes).
 */
export const MAX_PARTS = 4;

/**
 * The blocks as consecutive messages of at most `limit` rendered characters: whole blocks packed
 * in order, and a block longer than one message split at a paragraph, then a sentence, then a word.
 * A block is split as plain text and each piece rendered on its own, so a tag or a link is never
 * broken. Past `maxParts` messages the rest is left out and the last message ends with "…".
 */
export function splitBlocks(blocks: Block[], limit: number, maxParts = MAX_PARTS): string[] {
  const parts: string[] = [];
  let current = '';
  const add = (rendered: string, sep: string) => {
    if (current && current.length + sep.length + rendered.length <= limit) current += sep + rendered;
    else {
      if (current) parts.push(current);
      current = rendered;
    }
  };
  for (const b of blocks) {
    const sep = b.sep ?? '\n\n';
    const whole = b.render(b.text);
    if (whole.length <= limit) add(whole, sep);
    else for (const [i, piece] of splitText(b.text, limit, b.render).entries()) add(piece, i === 0 ? sep : '\n');
  }
  if (current) parts.push(current);
  if (parts.length <= maxParts) return parts;
  const kept = parts.slice(0, maxParts);
  const last = kept[maxParts - 1] as string;
  kept[maxParts - 1] =
    last.length + 2 <= limit ? `${last}\n…` : `${last.slice(0, limit - 1).replace(/[\uD800-\uDBFF]$/, '')}…`;
  return kept;
}

/** A text too long for one message, as rendered pieces of at most `limit` characters each. */
function splitText(text: string, limit: number, render: (s: string) => string): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (render(rest).length > limit) {
    let lo = 1;
    let hi = rest.length;
    // The longest prefix that renders within the limit (rendering only ever lengthens the text).
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (render(rest.slice(0, mid)).length <= limit) lo = mid;
      else hi = mid - 1;
    }
    const at = breakPoint(rest.slice(0, lo));
    pieces.push(render(rest.slice(0, at).trimEnd()));
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(render(rest));
  return pieces;
}

/**
 * Where to end a piece: after its last paragraph or sentence when that keeps a third of it, else
 * at its last word when that keeps half, else where the limit falls.
 */
function breakPoint(prefix: string): number {
  const third = prefix.length / 3;
  const paragraph = prefix.lastIndexOf('\n');
  if (paragraph > third) return paragraph + 1;
  // "14.040" is no sentence end: a stop counts only before a space.
  const sentence = Math.max(...[...prefix.matchAll(/[.!?…;](?=\s)/g)].map((m) => (m.index as number) + 1), -1);
  if (sentence > third) return sentence;
  const word = prefix.search(/\s\S*$/);
  if (word > prefix.length / 2) return word;
  return /[\uD800-\uDBFF]$/.test(prefix) ? prefix.length - 1 : prefix.length;
}

/** Escapes text for Telegram's HTML parse mode (only <, > and & are special there). */
export function escapeTelegramHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Telegram's limit on a message's text. */
export const TELEGRAM_MAX_TEXT = 4096;

/** An answer as a Telegram HTML message: answer, computations, then one linked line per source. */
export function answerAsTelegramHtml(res: AskResponse, base: string, limit = TELEGRAM_MAX_TEXT): string {
  return fitBlocks(telegramBlocks(res, base), limit);
}

/** The same answer as consecutive Telegram messages, when it is longer than one may be. */
export function answerAsTelegramMessages(
  res: AskResponse,
  base: string,
  limit = TELEGRAM_MAX_TEXT,
  maxParts = MAX_PARTS,
): string[] {
  return splitBlocks(telegramBlocks(res, base), limit, maxParts);
}

function telegramBlocks(res: AskResponse, base: string): Block[] {
  const esc = escapeTelegramHtml;
  const blocks: Block[] = [{ text: res.answer.trim(), render: esc }];
  if (res.computations.length) {
    const text = ['Phép tính:', ...res.computations.map((k) => `• ${computationLine(k)}`)].join('\n');
    blocks.push({ text, render: (s) => esc(s).replace(/^Phép tính:/, '<b>Phép tính:</b>') });
  }
  if (res.status !== 'answered' && res.suggestions.length) {
    blocks.push({ text: ['Bạn có thể hỏi:', ...res.suggestions.map((s) => `• ${s}`)].join('\n'), render: esc });
  }
  if (res.citations.length) blocks.push({ text: 'Nguồn:', render: () => '<b>Nguồn:</b>' });
  for (const c of res.citations) {
    const href = esc(citationLink(base, c)).replace(/"/g, '&quot;');
    blocks.push({
      text: `[${c.n}] ${c.title}`,
      // Telegram takes absolute links only: without a trusted base the source is named, not linked.
      render: (s) => `${base ? `<a href="${href}">${esc(s)}</a>` : esc(s)}\n<i>“${esc(shortQuote(c.quote, 160))}”</i>`,
      sep: '\n',
    });
  }
  return blocks;
}

/** Zalo's limit on a consultation text message. */
export const ZALO_MAX_TEXT = 2000;

/** An answer as Zalo plain text: answer, computations, sources as short links. */
export function answerAsPlainText(res: AskResponse, base: string, limit = ZALO_MAX_TEXT): string {
  return fitBlocks(plainBlocks(res, base), limit);
}

/** The same answer as consecutive Zalo messages, when it is longer than one may be. */
export function answerAsPlainTexts(
  res: AskResponse,
  base: string,
  limit = ZALO_MAX_TEXT,
  maxParts = MAX_PARTS,
): string[] {
  return splitBlocks(plainBlocks(res, base), limit, maxParts);
}

function plainBlocks(res: AskResponse, base: string): Block[] {
  const same = (s: string) => s;
  const blocks: Block[] = [{ text: res.answer.trim(), render: same }];
  if (res.computations.length) {
    blocks.push({
      text: ['Phép tính:', ...res.computations.map((k) => `- ${computationLine(k)}`)].join('\n'),
      render: same,
    });
  }
  if (res.status !== 'answered' && res.suggestions.length) {
    blocks.push({ text: ['Bạn có thể hỏi:', ...res.suggestions.map((s) => `- ${s}`)].join('\n'), render: same });
  }
  if (res.citations.length) blocks.push({ text: 'Nguồn:', render: same });
  for (const c of res.citations)
    blocks.push({ text: `[${c.n}] ${base ? shortCitationLink(base, c) : c.title}`, render: same, sep: '\n' });
  return blocks;
}
