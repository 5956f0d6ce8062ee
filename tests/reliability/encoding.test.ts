// detectLegacyEncoding (src/ingest/encoding.ts): TCVN3 and Windows-1258 text misread as Unicode is
// recognised; Unicode Vietnamese in NFC or NFD, English and other Latin text is not.
import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding } from '../../src/ingest/encoding.ts';
import { readSeedInputs } from '../../src/store/seed-files.ts';
import { asCp1258Mojibake, asTcvn3Mojibake } from './legacy-text.ts';

const SENTENCES = [
  'Báo cáo tình hình thực hiện công tác giảm nghèo năm 2023 của tỉnh Quảng Trị.',
  'Đến cuối năm 2023, toàn tỉnh còn 14.040 hộ nghèo, chiếm 7,71%.',
  'Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95,2%, vượt chỉ tiêu kế hoạch.',
  'Huyện Mường Khương đã hỗ trợ 1.250 hộ cận nghèo xây dựng nhà ở, tổng kinh phí 4,5 tỷ đồng.',
  'Thực hiện chi trả trợ cấp xã hội hàng tháng cho 20.318 đối tượng bảo trợ xã hội.',
];

describe('detectLegacyEncoding', () => {
  it.each(SENTENCES)('reads TCVN3 mojibake of "%s" as tcvn3', (s) => {
    expect(detectLegacyEncoding(asTcvn3Mojibake(s))).toBe('tcvn3');
  });

  it.each(SENTENCES)('reads Windows-1258 mojibake of "%s" as windows-1258', (s) => {
    expect(detectLegacyEncoding(asCp1258Mojibake(s))).toBe('windows-1258');
  });

  it.each(SENTENCES)('passes Unicode "%s" in NFC and in NFD', (s) => {
    expect(detectLegacyEncoding(s)).toBeNull();
    expect(detectLegacyEncoding(s.normalize('NFD'))).toBeNull();
  });

  it('passes every seed report and flags each seed converted to either legacy encoding', async () => {
    for (const seed of await readSeedInputs()) {
      expect(detectLegacyEncoding(seed.text), seed.id).toBeNull();
      expect(detectLegacyEncoding(asTcvn3Mojibake(seed.text)), seed.id).toBe('tcvn3');
      expect(detectLegacyEncoding(asCp1258Mojibake(seed.text)), seed.id).toBe('windows-1258');
    }
  });

  it.each([
    ['a copyright line and a unit', '© 2024 Sở LĐTBXH tỉnh Lào Cai. Liều 5 µg, ½ số hộ được hỗ trợ.'],
    ['German and Turkish names', 'Müller, Straße, Ökonomie, Çağ, Ñandú'],
    ['English', 'Poverty rate fell to 7.71% by the end of 2023.'],
    ['numbers only', '14.040 | 7,71% | 2023'],
    ['an empty string', ''],
  ])('passes %s', (_what, text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it('reads a report that is Unicode in its title and TCVN3 in its body as tcvn3', () => {
    const text = `Báo cáo giảm nghèo Quảng Trị\n\n${SENTENCES.map(asTcvn3Mojibake).join(' ')}`;
    expect(detectLegacyEncoding(text)).toBe('tcvn3');
  });
});
