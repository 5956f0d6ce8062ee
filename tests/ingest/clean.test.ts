import { describe, expect, it } from 'vitest';
import { cleanReportText } from '../../src/ingest/clean.ts';
import { seed, seedReports } from '../helpers/seed-reports.ts';

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('cleanReportText', () => {
  it.each(seedReports.map((s) => [s.file, s.raw]))('is idempotent on seed %s', (_file, raw) => {
    const once = cleanReportText(raw);
    expect(cleanReportText(once)).toBe(once);
  });

  it.each([
    ['Your Website Title', '004'],
    ['Tin mới', '000'],
    ['Empty', '001'],
    ['CÙNG CHUYÊN MỤC', '001'],
    ['Xem theo ngày', '001'],
    ['Báo dân sinh', '001'],
  ])('drops the web chrome line "%s"', (line, prefix) => {
    const lines = cleanReportText(seed(prefix).raw).split('\n');
    expect(lines).not.toContain(line);
  });

  it('drops the category label above the headline', () => {
    expect(cleanReportText(seed('002').raw).split('\n')[0]).toMatch(/^Ngành Lao động/);
  });

  it('drops a lone full stop at the end', () => {
    expect(cleanReportText(seed('002').raw).endsWith('Minh Hằng')).toBe(true);
  });

  it('keeps a title printed three times once', () => {
    const text = cleanReportText(seed('001').raw);
    expect(count(text, 'Sở LĐ-TB&XH tỉnh Quảng Trị triển khai nhiệm vụ năm 2024')).toBe(1);
  });

  it('keeps a photo caption printed twice once at each place', () => {
    const text = cleanReportText(seed('001').raw);
    expect(count(text, 'Ông Hoàng Nam - Phó Chủ tịch UBND tỉnh Quảng Trị phát biểu chỉ đạo Hội nghị')).toBe(1);
  });

  it.each([
    ['theo quy định. UBND huyện đã chỉ đạo thực hiện tốt'],
    ['có 49 người lao động đi làm việc có thời hạn ở nước ngoài'],
    ['hỗ trợ chi phí học tập cho 608 học sinh'],
    ['mà còn bảo đảm cho phát triển kinh tế - xã hội'],
    ['thực hiện tốt việc lồng ghép các nguồn vốn cho công tác giảm nghèo'],
  ])('rejoins the Tây Sơn page break in "%s"', (joined) => {
    expect(cleanReportText(seed('003').raw)).toContain(joined);
  });

  it.each([['3.1. Công tác giảm nghèo'], ['II. NHẬN XÉT, ĐÁNH GIÁ'], ['- Thường trực Huyện ủy;'], ['Bùi Văn Mỹ']])(
    'keeps "%s" on its own line',
    (line) => {
      expect(cleanReportText(seed('003').raw).split('\n')).toContain(line);
    },
  );

  it('removes the alignment spaces before a byline', () => {
    expect(cleanReportText(seed('000').raw).split('\n')).toContain('TRÚC PHƯƠNG');
  });

  it.each([
    [
      'a breadcrumb',
      'Trang chủ > Xã hội > An sinh\nHà Giang: 12.000 hộ thoát nghèo năm 2023\n\nNội dung bài.',
      'Hà Giang: 12.000 hộ thoát nghèo năm 2023\n\nNội dung bài.',
    ],
    [
      'a trailing masthead from another site',
      'Sóc Trăng giảm 2% hộ nghèo.\n\nBáo Sóc Trăng\nBáo Sóc Trăng',
      'Sóc Trăng giảm 2% hộ nghèo.',
    ],
    ['share buttons', 'Lai Châu cấp 5.000 thẻ BHYT.\nChia sẻ\nFacebook\nZalo', 'Lai Châu cấp 5.000 thẻ BHYT.'],
    ['a comment counter', 'Kon Tum hỗ trợ 300 nhà.\n\n0 bình luận', 'Kon Tum hỗ trợ 300 nhà.'],
  ])('drops %s', (_name, raw, expected) => {
    expect(cleanReportText(raw)).toBe(expected);
  });

  it('keeps a short heading in the middle of the text', () => {
    const raw =
      'Báo cáo tỉnh Yên Bái năm 2023\n\nGiảm nghèo đạt kết quả tốt.\n\nXã hội\n\nCông tác bảo trợ được chú trọng.';
    expect(cleanReportText(raw).split('\n')).toContain('Xã hội');
  });

  it('does not join a paragraph that ends with a full stop', () => {
    const raw = 'Huyện Mường Nhé đạt 80% kế hoạch.\n\nnăm 2024 tiếp tục phấn đấu.';
    expect(cleanReportText(raw)).toBe(raw);
  });

  it('does not join a lower-case enumerated item', () => {
    const raw = 'Kết quả cụ thể\n\na) Công tác giảm nghèo';
    expect(cleanReportText(raw)).toBe(raw);
  });

  it('joins a line broken inside a sentence by a Word page break', () => {
    const raw = 'Tỉnh Hòa Bình đã hỗ trợ xây dựng 1.200 căn\n\nnhà cho hộ nghèo.';
    expect(cleanReportText(raw)).toBe('Tỉnh Hòa Bình đã hỗ trợ xây dựng 1.200 căn nhà cho hộ nghèo.');
  });

  it('returns an empty string for a page of chrome only', () => {
    expect(cleanReportText('Your Website Title\nTin mới\n.\nEmpty')).toBe('');
  });
});
