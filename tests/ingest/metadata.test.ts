import { describe, expect, it } from 'vitest';
import { cleanReportText } from '../../src/ingest/clean.ts';
import { extractMetadata, parseDateLine } from '../../src/ingest/metadata.ts';
import { seed } from '../helpers/seed-reports.ts';

const metaOf = (prefix: string) => extractMetadata(cleanReportText(seed(prefix).raw));

describe('extractMetadata on the seeds', () => {
  it.each<[string, string, string, string, string, string | null, string]>([
    [
      '000',
      'Thuận Bắc: Thực hiện tốt công tác giảm nghèo, giải quyết việc làm và an sinh xã hội trong năm 2023',
      'Thuận Bắc',
      'district',
      'Ninh Thuận',
      null,
      'năm 2023',
    ],
    [
      '001',
      'Sở LĐ-TB&XH tỉnh Quảng Trị triển khai nhiệm vụ năm 2024',
      'Quảng Trị',
      'province',
      'Quảng Trị',
      '2024-07-17',
      'năm 2024',
    ],
    [
      '002',
      'Ngành Lao động – Thương binh và Xã hội tỉnh Bắc Kạn: Góp phần tích cực trong đảm bảo an sinh xã hội năm 2024',
      'Bắc Kạn',
      'province',
      'Bắc Kạn',
      '2024-12-01',
      'năm 2024',
    ],
    [
      '003',
      'Kết quả thực hiện công tác an sinh xã hội 6 tháng đầu năm 2023 và nhiệm vụ, giải pháp 6 tháng cuối năm 2023',
      'Tây Sơn',
      'district',
      'Bình Định',
      '2023-06',
      '6 tháng đầu năm 2023',
    ],
    [
      '004',
      'Tịnh Biến phấn đấu giải quyết việc làm cho 4000 lao động và giảm tỷ lệ hộ nghèo 1,5% trong năm 2019',
      'Tịnh Biên',
      'district',
      'An Giang',
      null,
      'năm 2019',
    ],
  ])('reads seed %s', (prefix, title, place, level, province, publishedAt, firstPeriod) => {
    const meta = metaOf(prefix);
    expect(meta.title).toBe(title);
    expect(meta.place).toMatchObject({ name: place, level, province });
    expect(meta.publishedAt).toBe(publishedAt);
    expect(meta.periods[0]?.label).toBe(firstPeriod);
  });

  it('reads Tịnh Biên as a huyện, the type the 2019 report uses', () => {
    expect(metaOf('004').place?.type).toBe('huyện');
  });

  it('lists the second half of 2023 among the Tây Sơn periods', () => {
    expect(metaOf('003').periods.map((p) => p.label)).toContain('6 tháng cuối năm 2023');
  });

  it('does not read the dateline as a period', () => {
    expect(metaOf('001').periods.map((p) => p.label)).not.toContain('THÁNG 07 NĂM 2024');
  });

  it('lists each period once', () => {
    const periods = metaOf('003').periods.map((p) => `${p.kind}${p.from}${p.to}`);
    expect(new Set(periods).size).toBe(periods.length);
  });
});

describe('extractMetadata on other reports', () => {
  it('uses the title and date the caller gives', () => {
    const meta = extractMetadata('Nội dung về huyện Mường Nhé năm 2022.', {
      title: 'Điện Biên: giảm nghèo ở Mường Nhé',
      publishedAt: '2022-11-05T08:00:00Z',
    });
    expect(meta.title).toBe('Điện Biên: giảm nghèo ở Mường Nhé');
    expect(meta.publishedAt).toBe('2022-11-05');
  });

  it('prefers the district over its province in a title', () => {
    const meta = extractMetadata('Huyện Mường Lát, tỉnh Thanh Hóa giảm 5% hộ nghèo năm 2022\n\nNội dung.');
    expect(meta.place).toMatchObject({ name: 'Mường Lát', level: 'district', province: 'Thanh Hóa' });
  });

  it('falls back to the most mentioned place of the body', () => {
    const text =
      'Kết quả giảm nghèo năm 2023\n\nTỉnh Sơn La còn 20% hộ nghèo. Tỉnh Sơn La hỗ trợ 1.000 nhà. Huyện Sốp Cộp giảm 6%.';
    expect(extractMetadata(text).place).toMatchObject({ name: 'Sơn La', level: 'province' });
  });

  it('takes the title after BÁO CÁO in a Word report', () => {
    const text =
      'ỦY BAN NHÂN DÂN\nHUYỆN MƯỜNG TÈ\nSố: 215/BC-UBND\nMường Tè, ngày 15 tháng 12 năm 2022\nBÁO CÁO\nTình hình thực hiện công tác giảm nghèo năm 2022\n\nNăm 2022, toàn huyện còn 45% hộ nghèo.';
    const meta = extractMetadata(text);
    expect(meta.title).toBe('Tình hình thực hiện công tác giảm nghèo năm 2022');
    expect(meta.publishedAt).toBe('2022-12-15');
    expect(meta.place).toMatchObject({ name: 'Mường Tè', province: 'Lai Châu' });
  });

  it('gives a null place and date when the text names none', () => {
    const meta = extractMetadata('Công tác giảm nghèo đạt kết quả tốt trong năm qua\n\nCác chỉ tiêu đều đạt.');
    expect(meta.place).toBeNull();
    expect(meta.publishedAt).toBeNull();
  });

  it('resolves yearless periods with the year of the title', () => {
    const text =
      'Kết quả 9 tháng năm 2024 của tỉnh Gia Lai\n\nTrong 6 tháng đầu năm, tỉnh giải quyết việc làm cho 12.000 lao động.';
    expect(extractMetadata(text).periods.map((p) => p.to)).toEqual(['2024-09-30', '2024-06-30']);
  });
});

describe('parseDateLine', () => {
  it.each<[string, string, string | null]>([
    ['09:42 PM 01/12/2024', '2024-12-01', null],
    ['THỨ TƯ, NGÀY 17 THÁNG 07 NĂM 2024 01:56', '2024-07-17', null],
    ['Tây Sơn, ngày tháng 6 năm 2023', '2023-06', 'Tây Sơn'],
    ['Thứ Hai, 05/02/2024 - 14:30', '2024-02-05', null],
    ['Cập nhật: 2023-10-20 08:15', '2023-10-20', null],
    ['Mường Tè, ngày 15 tháng 12 năm 2022', '2022-12-15', 'Mường Tè'],
  ])('reads the dateline "%s"', (line, date, place) => {
    expect(parseDateLine(line)).toEqual({ date, place });
  });

  it.each([
    ['Quyết định số 139/QĐ-UBND ngày 19/01/2023 về việc giao chỉ tiêu'],
    ['Năm 2023 toàn tỉnh có 14.040 hộ nghèo'],
  ])('ignores the body sentence "%s"', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});
