// Units after a number (readUnit), money in đồng (normaliseValue), and the units figures end up
// with in whole reports: "A/B người", ranges, and unitless list parts inheriting their total's unit.
import { describe, expect, it } from 'vitest';
import { isMoneyUnit, normaliseValue, readUnit } from '../../src/extract/units.ts';
import { foldAligned } from '../../src/text/fold-aligned.ts';
import { extract, figureNamed } from '../helpers/extract.ts';

/** The unit after the number that starts `phrase`. */
function unitAfterNumber(phrase: string) {
  const numberEnd = phrase.match(/^[\d.,]+/)?.[0].length ?? 0;
  return readUnit(phrase, foldAligned(phrase), numberEnd);
}

describe('readUnit', () => {
  it.each<[phrase: string, unit: string, unitText: string]>([
    ['7,71% so với cùng kỳ', '%', '%'],
    ['7 phần trăm', '%', ' phần trăm'],
    ['153,9 triệu đồng', 'triệu đồng', ' triệu đồng'],
    ['4,5 tỷ đồng', 'tỷ đồng', ' tỷ đồng'],
    ['1.290 nghìn đồng', 'nghìn đồng', ' nghìn đồng'],
    ['14.040 hộ nghèo', 'hộ', ' hộ'],
    ['2.150 hộ gia đình có người khuyết tật', 'hộ gia đình', ' hộ gia đình'],
    ['45.200 lượt lao động', 'lượt lao động', ' lượt lao động'],
    ['513 suất quà', 'suất quà', ' suất quà'],
    ['125.400 kg gạo', 'kg', ' kg'],
  ])('reads "%s" as %s', (phrase, unit, unitText) => {
    const numberEnd = phrase.match(/^[\d.,]+/)?.[0].length ?? 0;
    const found = unitAfterNumber(phrase);
    expect(found?.unit).toBe(unit);
    expect(phrase.slice(numberEnd, found?.end)).toBe(unitText);
  });

  it('reads a money unit from a report typed without accents', () => {
    expect(unitAfterNumber('4,5 ty dong')?.unit).toBe('tỷ đồng');
  });

  it('finds no unit before a noun it does not know', () => {
    expect(unitAfterNumber('48 câu lạc bộ liên thế hệ')).toBeNull();
  });
});

describe('normaliseValue', () => {
  it.each<[value: number, unit: string, dong: number]>([
    [4.5, 'tỷ đồng', 4_500_000_000],
    [153.9, 'triệu đồng', 153_900_000],
    [1290, 'nghìn đồng', 1_290_000],
  ])('turns %d %s into đồng', (value, unit, dong) => {
    expect(normaliseValue(value, unit)).toBeCloseTo(dong, 3);
  });

  it.each<[value: number, unit: string]>([
    [14040, 'hộ'],
    [7.71, '%'],
  ])('leaves %d %s as it is', (value, unit) => {
    expect(normaliseValue(value, unit)).toBe(value);
  });

  it('makes "4.800 triệu đồng" and "4,8 tỷ đồng" equal', () => {
    expect(normaliseValue(4800, 'triệu đồng')).toBeCloseTo(normaliseValue(4.8, 'tỷ đồng'), 3);
  });
});

describe('isMoneyUnit', () => {
  it('tells money units from counted nouns and percentages', () => {
    expect(['triệu đồng', 'tỷ', 'hộ', '%'].map(isMoneyUnit)).toEqual([true, true, false, false]);
  });
});

describe('units of extracted figures', () => {
  it.each<[title: string, body: string, text: string, value: number, unit: string, normalized: number]>([
    [
      'Tỉnh Hà Giang: kết quả giảm nghèo năm 2022',
      'Đến hết năm 2022, toàn tỉnh còn 14.040 hộ nghèo.',
      '14.040 hộ',
      14040,
      'hộ',
      14040,
    ],
    [
      'Tỉnh Bắc Giang: chăm lo Tết năm 2024',
      'Dịp Tết, toàn tỉnh đã trao 513 suất quà/153,9 triệu đồng cho hộ nghèo.',
      '153,9 triệu đồng',
      153.9,
      'triệu đồng',
      153_900_000,
    ],
    [
      'Huyện Mường Tè: báo cáo năm 2021',
      'Năm 2021, Ngân hàng Chính sách xã hội đã giải ngân 4,5 tỷ đồng cho 120 hộ nghèo.',
      '4,5 tỷ đồng',
      4.5,
      'tỷ đồng',
      4_500_000_000,
    ],
    [
      'Tỉnh Thái Nguyên: kết quả năm 2023',
      'Năm 2023, tỉnh đã đưa 09 lao động đi làm việc ở nước ngoài.',
      '09 lao động',
      9,
      'lao động',
      9,
    ],
  ])('reads "%s" … "%s" as written', (title, body, text, value, unit, normalized) => {
    const { report, figures } = extract(title, body);
    const f = figureNamed(figures, text);
    expect(f).toMatchObject({ value, unit });
    expect(f.normalizedValue).toBeCloseTo(normalized, 3);
    expect(report.text.slice(f.start, f.end)).toBe(text);
  });

  it('marks turns ("lượt") as a qualifier of the figure', () => {
    const { figures } = extract(
      'Tỉnh Bạc Liêu: năm 2023',
      'Năm 2023, tổ chức 12 phiên giao dịch việc làm, thu hút 3.600 lượt người tham gia.',
    );
    expect(figureNamed(figures, '3.600 lượt người').qualifiers).toContain('lượt');
  });

  it('gives the result of "A/B người" the unit written after the plan, and a bare-number text', () => {
    const { figures } = extract(
      'Tỉnh Kon Tum: năm 2023',
      'Năm 2023, toàn tỉnh có 7.000/6.400 người được giải quyết việc làm, đạt 109,4% kế hoạch.',
    );
    expect(figureNamed(figures, '7.000')).toMatchObject({ value: 7000, unit: 'người' });
    expect(figureNamed(figures, '6.400 người')).toMatchObject({ value: 6400, unit: 'người' });
  });

  it('gives the lower end of "1,0 - 1,5%" the percent written after the upper end', () => {
    const { figures } = extract('Tỉnh Bình Phước: giảm nghèo năm 2023', 'Năm 2023, tỷ lệ hộ nghèo giảm từ 1,0 - 1,5%.');
    expect(figures.map((f) => [f.text, f.value, f.unit])).toEqual([
      ['1,0', 1, '%'],
      ['1,5%', 1.5, '%'],
    ]);
  });

  it('gives unitless list parts the unit of the total they break down', () => {
    const { figures } = extract(
      'Tỉnh Phú Thọ: đào tạo nghề năm 2023',
      'Năm 2023, toàn tỉnh đã tuyển sinh và đào tạo được 8.500 người (trong đó cao đẳng: 19; trung cấp: 285; sơ cấp: 1.715).',
    );
    expect(figures.map((f) => [f.text, f.unit])).toEqual([
      ['8.500 người', 'người'],
      ['19', 'người'],
      ['285', 'người'],
      ['1.715', 'người'],
    ]);
  });
});
