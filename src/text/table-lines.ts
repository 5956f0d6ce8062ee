// Lines of a table in plain report text: which line is a table row, and where its block of lines
// (caption, header, rows) begins. Ingest collapses runs of spaces, so a row is told from a list
// item or a paragraph by its shape, not by its spacing.

const LIST_MARKER = /^(?:[-+•*–]|\(?[a-zđ0-9]{1,3}[).]\s)/iu;

/**
 * A line of a table: cells split by pipes or tabs, or a short line that is neither a list item nor
 * a sentence (no final ".", ";" or ":") and holds a number.
 * @example isTableRow('Xây mới 1.240\n', 0) // true
 */
export function isTableRow(text: string, lineStart: number): boolean {
  if (lineStart < 0) return false;
  // Bounded: a report may be one 2 MB line, and this runs for every figure.
  const window = text.slice(lineStart, lineStart + MAX_ROW + 1);
  const end = window.indexOf('\n');
  if (end < 0 && window.length > MAX_ROW) return false;
  const line = window.slice(0, end < 0 ? window.length : end).trim();
  if (/\||\t/.test(line)) return true;
  return line.length <= 80 && /\d/.test(line) && !LIST_MARKER.test(line) && !/[.;:,]$/.test(line);
}

/** Longest line read as a table row; longer lines are paragraphs (and are never scanned whole). */
export const MAX_ROW = 600;

/**
 * Start of the line holding `at`, looked for at most MAX_ROW characters back; -1 when the line is
 * longer (then it is no table row), so a report of one huge line costs no quadratic scan.
 */
export function rowStartOf(text: string, at: number): number {
  const from = Math.max(0, at - MAX_ROW);
  const i = text.slice(from, at).lastIndexOf('\n');
  if (i >= 0) return from + i + 1;
  return from === 0 ? 0 : -1;
}

/** Where the unbroken block of lines holding `lineStart` begins (a blank line ends a block; at most 30 lines up). */
export function blockStartAbove(text: string, lineStart: number): number {
  let at = lineStart;
  for (let k = 0; k < 30 && at > 0; k++) {
    const prev = rowStartOf(text, at - 1);
    if (prev < 0) return at;
    if (!text.slice(prev, at).trim()) return at;
    at = prev;
  }
  return at;
}
