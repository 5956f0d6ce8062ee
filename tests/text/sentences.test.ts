import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';

const texts = (s: string, start?: number, end?: number): string[] =>
  splitSentences(s, start, end).map((x) => s.slice(x.start, x.end));

describe('splitSentences', () => {
  it.each([
    ['vi-VN decimals and percentages', 'Tỷ lệ hộ nghèo còn 7,71%. Hộ cận nghèo chiếm 5,45%.', 2],
    ['thousands separators', 'Toàn tỉnh còn 14.040 hộ nghèo. Kinh phí 1.850,4 triệu đồng.', 2],
    ['dates', 'Ước tính đến ngày 30/6/2023, có 111.076 người tham gia BHYT. Tỷ lệ đạt 94,79%.', 2],
    [
      'document numbers',
      'Thực hiện Quyết định số 139/QĐ-UBND ngày 19/01/2023 và Nghị định số 78/2002/NĐ-CP. Kết quả tốt.',
      2,
    ],
    ['TP. with a space', 'Hội nghị tổ chức tại TP. Huế với 200 đại biểu. Sau đó bế mạc.', 2],
    ['TP.HCM and H.Tịnh Biên', 'Lao động đi TP.HCM tăng. H.Tịnh Biên giảm 1,5% hộ nghèo.', 2],
    ['TX. before a name', 'UBND TX. Tịnh Biên báo cáo kết quả. Hộ nghèo giảm.', 2],
    ['ellipsis followed by lower case', 'Các cuộc họp thôn xóm... để người dân biết.', 1],
    ['a double dot before a capital', 'Chú trọng xuất khẩu lao động.. Phấn đấu giảm 3% hộ nghèo.', 2],
    ['the ./. report ending', 'Hội đồng nhân dân huyện theo dõi./.', 1],
    [
      'semicolon-separated clauses',
      'Quà của UBND tỉnh: 694 suất; quà cho hộ nghèo: 2.597 hộ; hỗ trợ 247.185 kg gạo.',
      1,
    ],
    ['question and exclamation marks', 'Vì sao tỷ lệ giảm? Do triển khai tốt! Kết quả khả quan.', 3],
    ['a missing space after a full stop', 'Đạt 100% kế hoạch.Năm 2024 phấn đấu giảm 3%.', 2],
    ['closing quotes after the full stop', 'Phát huy vai trò “nhạc trưởng.” Ông Nam đề nghị tiếp tục.', 2],
    ['a single-letter initial', 'Ông Nguyễn V. An phát biểu tại hội nghị.', 1],
  ])('handles %s', (_name, text, count) => {
    expect(texts(text)).toHaveLength(count);
  });

  it('ends a sentence at every line break, so list items are units', () => {
    const s = 'Kết quả như sau:\n- Kế hoạch số 25/KH-UBND ngày 08/02/2023.\n+ Toàn huyện có 1.855 hộ nghèo';
    expect(texts(s)).toEqual([
      'Kết quả như sau:',
      '- Kế hoạch số 25/KH-UBND ngày 08/02/2023.',
      '+ Toàn huyện có 1.855 hộ nghèo',
    ]);
  });

  it('does not split after a heading number', () => {
    expect(texts('3.1. Công tác giảm nghèo\nII. NHẬN XÉT, ĐÁNH GIÁ')).toEqual([
      '3.1. Công tác giảm nghèo',
      'II. NHẬN XÉT, ĐÁNH GIÁ',
    ]);
  });

  it('returns offsets without surrounding whitespace', () => {
    const s = '  Câu một.   Câu hai.  ';
    for (const span of splitSentences(s)) {
      const t = s.slice(span.start, span.end);
      expect(t).toBe(t.trim());
    }
  });

  it('respects the start and end bounds', () => {
    const s = 'Bỏ qua. Câu A có 5 hộ. Câu B có 6 hộ. Bỏ qua.';
    const start = s.indexOf('Câu A');
    const end = s.indexOf(' Bỏ qua.', start);
    expect(texts(s, start, end)).toEqual(['Câu A có 5 hộ.', 'Câu B có 6 hộ.']);
  });

  it('returns spans in order and without overlap', () => {
    const s =
      'Năm 2023, toàn tỉnh giải quyết việc làm 13.989 lượt lao động. Đến cuối năm còn 7,71% hộ nghèo.\n\nTỉnh phấn đấu giảm 1,0 - 1,5%.';
    const spans = splitSentences(s);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });
});
