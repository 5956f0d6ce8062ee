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
  const end = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, end < 0 ? text.length : end).trim();
  if (/\||\t/.test(line)) return true;
  return line.length <= 80 && /\d/.test(line) && !LIST_MARKER.test(line) && !/[.;:,]$/.test(line);
}

/** Where the unbroken block of lines holding `lineStart` begins (a blank line ends a block; at most 30 lines up). */
export function blockStartAbove(text: string, lineStart: number): number {
  let at = lineStart;
  for (let k = 0; k < 30 && at > 0; k++) {
    const prev = text.lastIndexOf('\n', at - 2) + 1;
    if (!text.slice(prev, at).trim()) return at;
    at = prev;
  }
  return at;
}
