import { describe, expect, it } from 'vitest';
import { findPeriods, parsePeriod } from '../../src/text/periods.ts';

type Row = [phrase: string, label: string, kind: 'during' | 'as_of', from: string, to: string];

describe('findPeriods', () => {
  it.each<Row>([
    [
      'Năm 2023, toàn tỉnh Quảng Trị giải quyết việc làm 13.989 lượt lao động',
      'Năm 2023',
      'during',
      '2023-01-01',
      '2023-12-31',
    ],
    ['trong năm 2019, huyện Tịnh Biên phấn đấu giảm 1,5% hộ nghèo', 'năm 2019', 'during', '2019-01-01', '2019-12-31'],
    ['Đến cuối năm 2023, toàn tỉnh còn 14.040 hộ nghèo', 'cuối năm 2023', 'as_of', '2023-12-31', '2023-12-31'],
    ['Đầu năm 2024, tỉnh Hà Giang còn 25,6% hộ nghèo', 'Đầu năm 2024', 'as_of', '2024-01-01', '2024-01-01'],
    [
      'Trong 6 tháng đầu năm 2023 đã hỗ trợ 3.500 thẻ BHYT',
      '6 tháng đầu năm 2023',
      'during',
      '2023-01-01',
      '2023-06-30',
    ],
    ['nhiệm vụ, giải pháp 6 tháng cuối năm 2023', '6 tháng cuối năm 2023', 'during', '2023-07-01', '2023-12-31'],
    [
      '9 tháng đầu năm 2022, Sóc Trăng giải quyết việc làm cho 21.000 lao động',
      '9 tháng đầu năm 2022',
      'during',
      '2022-01-01',
      '2022-09-30',
    ],
    ['Kết quả 9 tháng năm 2024 của ngành LĐ-TB&XH Nghệ An', '9 tháng năm 2024', 'during', '2024-01-01', '2024-09-30'],
    [
      'Trong quý I/2024, Bình Dương có 12.000 lao động được tuyển dụng',
      'quý I/2024',
      'during',
      '2024-01-01',
      '2024-03-31',
    ],
    ['quý 2 năm 2023 chi trả trợ cấp cho 5.300 người', 'quý 2 năm 2023', 'during', '2023-04-01', '2023-06-30'],
    ['Quý IV/2022, Đắk Lắk hỗ trợ 300 căn nhà', 'Quý IV/2022', 'during', '2022-10-01', '2022-12-31'],
    ['Trong tháng 6/2023, Kon Tum chi trả trợ cấp', 'tháng 6/2023', 'during', '2023-06-01', '2023-06-30'],
    ['tháng 12 năm 2023 hoàn thành 500 căn nhà', 'tháng 12 năm 2023', 'during', '2023-12-01', '2023-12-31'],
    [
      'Ước tính đến ngày 30/6/2023, số người tham gia BHYT có 111.076 người',
      'tính đến ngày 30/6/2023',
      'as_of',
      '2023-06-30',
      '2023-06-30',
    ],
    ['đến 31/12/2022 toàn tỉnh Lai Châu còn 30% hộ nghèo', 'đến 31/12/2022', 'as_of', '2022-12-31', '2022-12-31'],
    [
      'tính đến ngày 30 tháng 9 năm 2024, Cà Mau có 3.000 hộ nghèo',
      'tính đến ngày 30 tháng 9 năm 2024',
      'as_of',
      '2024-09-30',
      '2024-09-30',
    ],
    ['Đến hết tháng 6/2024, Thanh Hóa cấp 2.000 thẻ', 'Đến hết tháng 6/2024', 'as_of', '2024-06-30', '2024-06-30'],
    [
      'Trong dịp Tết Nguyên Đán 2023, huyện đã tặng 513 suất quà',
      'Tết Nguyên Đán 2023',
      'during',
      '2023-01-01',
      '2023-02-28',
    ],
    [
      'chăm lo Tết Nguyên đán Giáp Thìn 2024 cho người dân',
      'Tết Nguyên đán Giáp Thìn 2024',
      'during',
      '2024-01-01',
      '2024-02-28',
    ],
    [
      'Chương trình giảm nghèo giai đoạn 2021 - 2025 tại Điện Biên',
      'giai đoạn 2021 - 2025',
      'during',
      '2021-01-01',
      '2025-12-31',
    ],
    ['kế hoạch 2021–2025 của tỉnh Lào Cai', '2021–2025', 'during', '2021-01-01', '2025-12-31'],
    ['giai đoạn 1: Từ năm 2021 đến năm 2025', 'Từ năm 2021 đến năm 2025', 'during', '2021-01-01', '2025-12-31'],
  ])('reads "%s"', (phrase, label, kind, from, to) => {
    const [first] = findPeriods(phrase);
    expect(first).toMatchObject({ label, kind, from, to });
    expect(phrase.slice(first!.start, first!.end)).toBe(label);
  });

  it.each<[string, number, string, string]>([
    ['tết Quý Mão', 2023, '2023-01-01', '2023-02-28'],
    ['Tết Nguyên đán Canh Tý', 2020, '2020-01-01', '2020-02-28'],
    ['tết Nhâm Dần', 2022, '2022-01-01', '2022-02-28'],
  ])('dates the lunar new year "%s" from its can-chi name', (phrase, year, from, to) => {
    expect(findPeriods(phrase)[0]).toMatchObject({ year, from, to });
  });

  it.each<[string, string, string, string]>([
    ['6 tháng đầu năm', 'during', '2023-01-01', '2023-06-30'],
    ['cuối năm', 'as_of', '2023-12-31', '2023-12-31'],
    ['9 tháng đầu năm', 'during', '2023-01-01', '2023-09-30'],
    ['trong quý III', 'during', '2023-07-01', '2023-09-30'],
  ])('takes the default year for "%s"', (phrase, kind, from, to) => {
    expect(findPeriods(phrase, { defaultYear: 2023 })[0]).toMatchObject({ kind, from, to });
  });

  it.each(['6 tháng đầu năm', 'cuối năm', 'cùng kỳ năm trước', 'năm nay'])(
    'skips "%s" without a default year',
    (phrase) => {
      expect(findPeriods(phrase)).toEqual([]);
    },
  );

  it('resolves cùng kỳ năm trước to the preceding period one year back', () => {
    const s = 'Đến ngày 30/6/2023 có 111.076 người tham gia BHYT, tăng 1.366 người so với cùng kỳ năm trước';
    const periods = findPeriods(s, { defaultYear: 2023 });
    expect(periods[1]).toMatchObject({ label: 'cùng kỳ năm trước', kind: 'as_of', from: '2022-06-30', year: 2022 });
  });

  it('resolves a lone cùng kỳ năm trước to the year before the default year', () => {
    expect(findPeriods('tăng 5% so với cùng kỳ năm trước', { defaultYear: 2024 })[0]).toMatchObject({
      from: '2023-01-01',
      to: '2023-12-31',
    });
  });

  it.each<[string, string, string]>([
    ['6 thang dau nam 2023', '2023-01-01', '2023-06-30'],
    ['ho ngheo quang tri cuoi 2023', '2023-12-31', '2023-12-31'],
    ['ty le ho ngheo nam 2024', '2024-01-01', '2024-12-31'],
    ['quy 1/2024 binh duong', '2024-01-01', '2024-03-31'],
    ['den 30/6/2023', '2023-06-30', '2023-06-30'],
    ['cuối 2022 còn bao nhiêu hộ nghèo', '2022-12-31', '2022-12-31'],
  ])('reads the unaccented or casual question "%s"', (q, from, to) => {
    expect(findPeriods(q)[0]).toMatchObject({ from, to });
  });

  it('reads a lone year in a question when bareYear is set', () => {
    expect(findPeriods('ho ngheo ha giang 2022', { bareYear: true })[0]).toMatchObject({
      from: '2022-01-01',
      to: '2022-12-31',
    });
  });

  it.each([
    ['a document date', 'Quyết định số 139/QĐ-UBND ngày 19/01/2023 về việc giao chỉ tiêu'],
    ['a decree number with a year', 'Nghị định số 78/2002/NĐ-CP của Chính phủ'],
    ['the dateline of a Word report', 'Tây Sơn, ngày tháng 6 năm 2023'],
    ['a news dateline', 'THỨ TƯ, NGÀY 17 THÁNG 07 NĂM 2024 01:56'],
    ['a place name ending in Nam', 'Hội Người mù Quảng Nam 2023'],
    ['phấn đấu, which folds like đầu', 'phấn đấu năm nay'],
    ['a fund (quỹ), which folds like quý', 'Quỹ 1 triệu đồng'],
    ['a duration', 'học nghề 18 tháng'],
  ])('finds no period in %s', (_name, text) => {
    expect(findPeriods(text).filter((p) => p.label !== 'năm nay')).toEqual([]);
  });

  it('prefers the longest phrase over the year inside it', () => {
    expect(findPeriods('6 tháng cuối năm 2023').map((p) => p.label)).toEqual(['6 tháng cuối năm 2023']);
  });

  it('returns offsets into the original accented text', () => {
    const s = 'Theo báo cáo của Ủy ban nhân dân tỉnh Thừa Thiên Huế, trong năm 2022 toàn tỉnh …';
    const [p] = findPeriods(s);
    expect(s.slice(p!.start, p!.end)).toBe('năm 2022');
  });

  it('lists several periods in order of appearance', () => {
    const s = 'Kết quả 6 tháng đầu năm 2023 và nhiệm vụ, giải pháp 6 tháng cuối năm 2023';
    expect(findPeriods(s).map((p) => p.label)).toEqual(['6 tháng đầu năm 2023', '6 tháng cuối năm 2023']);
  });
});

describe('parsePeriod', () => {
  it('returns the first period without offsets', () => {
    expect(parsePeriod('6 thang dau nam 2023')).toEqual({
      label: '6 thang dau nam 2023',
      kind: 'during',
      from: '2023-01-01',
      to: '2023-06-30',
      year: 2023,
    });
  });

  it('returns null when there is no period', () => {
    expect(parsePeriod('tỷ lệ hộ nghèo Quảng Trị')).toBeNull();
  });
});
