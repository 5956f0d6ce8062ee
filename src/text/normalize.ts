// Canonical form of stored text: NFC, LF line ends, plain spaces, no layout whitespace.
// Every offset in the system points into text that went through this once.

const ODD_SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Invisible format characters sit inside words in scraped pages; a space there would split a word.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/**
 * NFC, CRLF→LF, odd spaces → one space, lines trimmed, at most one blank line in a row.
 * @example normalizeText('Hộ\u00a0nghèo  \r\n\r\n\r\n7,71%') // 'Hộ nghèo\n\n7,71%'
 */
export function normalizeText(raw: string): string {
  const text = raw
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(CONTROL, '');
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
