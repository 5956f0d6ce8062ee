import { describe, expect, it } from 'vitest';
import { cleanReportText } from '../../src/ingest/clean.ts';
import { provincePlace } from '../../src/ingest/gazetteer.ts';
import { extractMetadata, isFrontMatterLine } from '../../src/ingest/metadata.ts';
import { headingLevel, MAX_PASSAGE_CHARS, splitPassages } from '../../src/ingest/passages.ts';
import type { Passage, Place } from '../../src/ingest/types.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { seed, seedReports } from '../helpers/seed-reports.ts';

function prepared(raw: string): { text: string; passages: Passage[] } {
  const text = cleanReportText(raw);
  return { text, passages: splitPassages('r', text, extractMetadata(text)) };
}

const seeds = seedReports.map((s) => [s.file, s.raw] as const);

describe('splitPassages invariants over the seeds', () => {
  it.each(seeds)('gives trimmed passages whose offsets slice the text in %s', (_f, raw) => {
    const { text, passages } = prepared(raw);
    for (const p of passages) {
      const slice = text.slice(p.start, p.end);
      expect(slice).toBe(slice.trim());
      expect(slice.length).toBeGreaterThan(0);
      expect(p.id).toBe(`r#${p.start}-${p.end}`);
    }
  });

  it.each(seeds)('gives sorted, non-overlapping passages in %s', (_f, raw) => {
    const { passages } = prepared(raw);
    for (let i = 1; i < passages.length; i++) expect(passages[i]!.start).toBeGreaterThanOrEqual(passages[i - 1]!.end);
  });

  it.each(seeds)('never crosses a line break in %s', (_f, raw) => {
    const { text, passages } = prepared(raw);
    for (const p of passages) expect(text.slice(p.start, p.end)).not.toContain('\n');
  });

  it.each(seeds)(
    'covers every sentence with a number outside headings, front matter and distribution list in %s',
    (_f, raw) => {
      const { text, passages } = prepared(raw);
      const foot = text.search(/^Nơi nhận:?$/mu);
      let lineStart = 0;
      for (const line of (foot >= 0 ? text.slice(0, foot) : text).split('\n')) {
        const from = lineStart;
        lineStart += line.length + 1;
        if (headingLevel(line) > 0 || isFrontMatterLine(line)) continue;
        for (const s of splitSentences(text, from, from + line.length)) {
          if (!/\d/.test(text.slice(s.start, s.end))) continue;
          expect(
            passages.some((p) => p.start <= s.start && p.end >= s.end),
            text.slice(s.start, s.end),
          ).toBe(true);
        }
      }
    },
  );

  it.each(seeds)('keeps passages of several sentences within the length limit in %s', (_f, raw) => {
    const { text, passages } = prepared(raw);
    for (const p of passages) {
      if (splitSentences(text, p.start, p.end).length > 1)
        expect(p.end - p.start).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    }
  });
});

describe('splitPassages on the Tây Sơn report', () => {
  const { text, passages } = prepared(seed('003').raw);
  const containing = (needle: string): Passage => {
    const at = text.indexOf(needle);
    const p = passages.find((x) => x.start <= at && x.end > at);
    if (!p) throw new Error(`no passage holds ${needle}`);
    return p;
  };

  it('gives a passage the most specific heading as its section', () => {
    expect(containing('Toàn huyện có 1.855 hộ nghèo').section).toBe('3.1. Công tác giảm nghèo');
  });

  it('takes the period the passage names', () => {
    expect(containing('có 111.076 người').period).toMatchObject({ kind: 'as_of', to: '2023-06-30' });
  });

  it('takes the period of a parent heading when the passage names none', () => {
    expect(containing('Tiếp tục tăng cường công tác lãnh đạo').period).toMatchObject({
      from: '2023-07-01',
      to: '2023-12-31',
    });
  });

  it('does not make headings into passages', () => {
    expect(passages.some((p) => text.slice(p.start, p.end) === 'II. NHẬN XÉT, ĐÁNH GIÁ')).toBe(false);
  });

  it('leaves out the distribution list and the signature', () => {
    expect(passages.some((p) => text.slice(p.start, p.end).startsWith('- Thường trực'))).toBe(false);
    expect(passages.some((p) => text.slice(p.start, p.end).startsWith('TM.'))).toBe(false);
  });

  it('tags every passage with Tây Sơn', () => {
    expect(new Set(passages.map((p) => p.place?.name))).toEqual(new Set(['Tây Sơn']));
  });
});

describe('splitPassages on other reports', () => {
  const province = provincePlace('45') as Place;
  const year2023 = { label: 'năm 2023', kind: 'during', from: '2023-01-01', to: '2023-12-31', year: 2023 } as const;

  it('tags a passage that names one district with that district', () => {
    const [p] = splitPassages('q', 'Tỷ lệ nghèo đa chiều huyện Đakrông giảm 4,31% tương ứng 386 hộ.', {
      place: province,
      periods: [year2023],
    });
    expect(p?.place).toMatchObject({ name: 'Đakrông', level: 'district' });
  });

  it('keeps the province for a passage that compares two districts', () => {
    const [p] = splitPassages('q', 'Huyện Hướng Hóa giảm 3%, huyện Đakrông giảm 4,31%.', {
      place: province,
      periods: [year2023],
    });
    expect(p?.place?.name).toBe('Quảng Trị');
  });

  it('falls back to the report period', () => {
    const [p] = splitPassages('q', 'Toàn tỉnh có 9.927 hộ cận nghèo.', { place: province, periods: [year2023] });
    expect(p?.period).toEqual(year2023);
  });

  it('carries a period named earlier in the paragraph', () => {
    const text = `Trong năm 2024, tỉnh Quảng Ngãi tiếp tục ${'thực hiện các chính sách an sinh xã hội, '.repeat(10)}hỗ trợ người dân. Tỷ lệ hộ nghèo giảm 1,5%. ${'Tăng cường công tác tuyên truyền, vận động người dân tham gia bảo hiểm, '.repeat(5)}đạt 95%.`;
    const passages = splitPassages('g', text, { place: null, periods: [year2023] });
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.every((p) => p.period?.year === 2024)).toBe(true);
  });

  it('splits a long paragraph into several passages of whole sentences', () => {
    const sentence =
      'Huyện Bảo Lâm đã hỗ trợ 120 hộ nghèo vay vốn với số tiền 4.500 triệu đồng để phát triển sản xuất. ';
    const text = sentence.repeat(12).trim();
    const passages = splitPassages('b', text, { place: null, periods: [] });
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) expect(text.slice(p.start, p.end).endsWith('đồng để phát triển sản xuất.')).toBe(true);
  });

  it('keeps a single very long sentence whole', () => {
    const text = `Toàn tỉnh ${'hỗ trợ 1.000 hộ, '.repeat(60)}đạt kế hoạch.`;
    const passages = splitPassages('l', text, { place: null, periods: [] });
    expect(passages).toHaveLength(1);
  });
});

describe('headingLevel', () => {
  it.each<[string, number]>([
    ['I. KẾT QUẢ THỰC HIỆN', 1],
    ['III. NHIỆM VỤ VÀ GIẢI PHÁP 6 THÁNG CUỐI NĂM 2023', 1],
    ['1. Công tác chỉ đạo điều hành', 2],
    ['3.1. Công tác giảm nghèo', 3],
    ['a) Về giảm nghèo', 5],
    ['KẾT QUẢ ĐẠT ĐƯỢC', 1],
    ['1. Tiếp tục tăng cường công tác lãnh đạo, chỉ đạo; tiếp tục động viên người nghèo vươn lên thoát nghèo.', 0],
    ['- Kế hoạch số 25/KH-UBND ngày 08/02/2023.', 0],
    ['Toàn huyện có 1.855 hộ nghèo', 0],
  ])('gives "%s" level %i', (line, level) => {
    expect(headingLevel(line)).toBe(level);
  });
});
