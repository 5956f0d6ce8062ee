// Issue 17: a sum of money in a table is what its column's header names ("Mức quà"), never a count
// of the people its row lists ("Người có công …"). Reports written for these tests.
import { describe, expect, it } from 'vitest';
import { extract, figureNamed } from '../helpers/extract.ts';

describe('issue 17: money cells of a table', () => {
  it('gives a money cell in the first column the metric of its header, not of the people its row names', () => {
    const { figures } = extract(
      'Nghệ An: mức quà Tết Nguyên đán Bính Ngọ 2026',
      [
        'Mức quà Tết Nguyên đán Bính Ngọ 2026 theo Nghị quyết của HĐND tỉnh:',
        '',
        'Mức quà        | Đối tượng',
        '800.000 đồng   | Người có công với cách mạng đang hưởng trợ cấp ưu đãi hằng tháng',
        '300.000 đồng   | Hộ nghèo, hộ cận nghèo',
      ].join('\n'),
    );
    expect(figureNamed(figures, '800.000 đồng').metric).toBe('tet_gifts');
  });

  it('keeps the metric of a money figure that its own words name in running text', () => {
    const { figures } = extract(
      'Nghệ An: hỗ trợ người có công năm 2025',
      'Năm 2025 tỉnh chi 45 tỷ đồng hỗ trợ nhà ở cho người có công.',
    );
    expect(figureNamed(figures, '45 tỷ đồng').metric).not.toBe('tet_gifts');
  });
});
