// Accent folding for Vietnamese matching: people type "ho ngheo quang tri" for "hộ nghèo Quảng Trị".
// Stored text is never folded; folding happens only where text is compared (tokenizer, place lookup).

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_CODE: Record<string, string> = {
  '\u0300': '2', // huyền
  '\u0301': '1', // sắc
  '\u0303': '4', // ngã
  '\u0309': '3', // hỏi
  '\u0323': '5', // nặng
};

/**
 * Lower-cases and strips every diacritic, mapping đ to d.
 * @example foldVi('Hộ nghèo Quảng Trị') // 'ho ngheo quang tri'
 */
export function foldVi(s: string): string {
  return s.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

/**
 * A lower-case key that keeps every accent but ignores where the tone mark sits, so the two
 * spelling conventions (hòa/hoà, thủy/thuỷ, khỏe/khoẻ) give one key.
 * @example toneKey('Hoà') === toneKey('hòa') // 'hoa2'
 */
export function toneKey(syllable: string): string {
  const nfd = syllable.toLowerCase().normalize('NFD');
  let tone = '';
  const base = nfd.replace(TONE_MARKS, (m) => {
    tone = TONE_CODE[m] ?? '';
    return '';
  });
  return base.normalize('NFC') + tone;
}
