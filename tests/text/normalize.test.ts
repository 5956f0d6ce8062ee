import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/text/normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['NFD input', 'Ho\u0302\u0323 nghe\u0300o', 'Hộ nghèo'],
    ['CRLF line ends', 'Dòng 1\r\nDòng 2\rDòng 3', 'Dòng 1\nDòng 2\nDòng 3'],
    ['NBSP between words', 'trong\u00a0 năm 2023', 'trong năm 2023'],
    ['zero-width characters inside a word', 'Quảng\u200b Trị\ufeff', 'Quảng Trị'],
    ['tabs and runs of spaces', 'Tỷ lệ\t\thộ   nghèo', 'Tỷ lệ hộ nghèo'],
    ['signature alignment spaces', `đạt 97%.\n\n${'\u00a0 '.repeat(40)}TRÚC PHƯƠNG`, 'đạt 97%.\n\nTRÚC PHƯƠNG'],
    ['three or more blank lines', 'Đoạn 1\n\n\n\n\nĐoạn 2', 'Đoạn 1\n\nĐoạn 2'],
    ['spaces at line ends and around the text', '  \n Đoạn 1   \nĐoạn 2 \n\n', 'Đoạn 1\nĐoạn 2'],
  ])('normalises %s', (_name, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected);
  });

  it('keeps numbers, dates and document numbers as written', () => {
    const s = 'Còn 14.040 hộ nghèo (7,71%) đến 30/6/2023 theo 139/QĐ-UBND.';
    expect(normalizeText(s)).toBe(s);
  });

  it('is idempotent', () => {
    const once = normalizeText(' A\u00a0\u00a0b\r\n\r\n\r\n\tc ');
    expect(normalizeText(once)).toBe(once);
  });

  it('returns NFC text', () => {
    const out = normalizeText('Thu\u0309y Nguye\u0302n');
    expect(out).toBe(out.normalize('NFC'));
  });
});
