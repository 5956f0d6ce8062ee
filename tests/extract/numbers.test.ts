// findNumberMentions: which digit runs in a sentence state a figure, and how "A/B" pairs and
// "1,0 - 1,5%" ranges are tied together. Phrasings are invented in the style of provincial reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumberMentions, wordsBefore } from '../../src/extract/numbers.ts';

const raws = (s: string) => findNumberMentions(s).map((n) => n.raw);

describe('findNumberMentions', () => {
  it.each<[sentence: string, raws: string[], values: number[]]>([
    ['Đến cuối năm 2022, tỉnh Hà Giang còn 14.040 hộ nghèo, chiếm tỷ lệ 7,71%', ['14.040', '7,71'], [14040, 7.71]],
    // Reports pad small counts with a zero; the value is the count.
    ['năm 2023 tỉnh Thái Nguyên đã đưa 09 lao động đi làm việc ở nước ngoài', ['09'], [9]],
    // A list of parts without units still states figures.
    ['(trong đó cao đẳng: 19; trung cấp: 285; sơ cấp: 1.715)', ['19', '285', '1.715'], [19, 285, 1715]],
    // A four-digit count that looks like a year is kept when a counted noun follows.
    ['Năm 2023, tỉnh Quảng Ngãi có 1950 hộ được vay vốn', ['1950'], [1950]],
  ])('reads the figures of "%s"', (sentence, expectedRaws, values) => {
    const found = findNumberMentions(sentence);
    expect(found.map((n) => n.raw)).toEqual(expectedRaws);
    expect(found.map((n) => n.value)).toEqual(values);
    for (const n of found) expect(sentence.slice(n.start, n.end)).toBe(n.raw);
  });

  it.each<[what: string, sentence: string]>([
    ['a year', 'Năm 2023, công tác giảm nghèo tại Điện Biên đạt kết quả tốt'],
    ['a time and a written-out date', 'Cập nhật lúc 01:56, Tây Sơn, ngày 20 tháng 6 năm 2023'],
    ['a decision number and its date', 'Thực hiện Quyết định số 139/QĐ-UBND ngày 15/3/2023 của UBND tỉnh Hà Giang'],
    ['a decree number', 'theo Nghị định số 78/2002/NĐ-CP của Chính phủ về tín dụng đối với người nghèo'],
    ['a plan number', 'Thực hiện Kế hoạch số 25/KH-UBND của UBND tỉnh Lào Cai'],
    ['a day/month date before a comma', 'Tính đến ngày 30/6, toàn tỉnh Yên Bái'],
    ['a quarter and a month', 'trong quý II/2023 và tháng 6/2023'],
    ['a list of ages', 'chúc thọ người cao tuổi ở tuổi 70, 75, 80 và trên 90'],
    ['a duration', 'đào tạo nghề dưới 3 tháng cho lao động nông thôn'],
    ['a storm name', 'khắc phục hậu quả cơn bão số 3'],
    ['a disease name', 'lao động bị ảnh hưởng bởi đại dịch Covid-19'],
    ['a congress ordinal and a term', 'Nghị quyết Đại hội Đảng bộ huyện lần thứ XXI nhiệm kỳ 2020 - 2025'],
    ['payment rounds', 'chi trả trợ cấp đợt 5, đợt 6 cho người có công'],
    ['an eligibility threshold', 'hộ có mức tiêu thụ điện dưới 50 kwh/tháng'],
    ['list ordinals at the start of lines', '1. Kết quả đạt được\n2) Tồn tại, hạn chế'],
  ])('sets aside %s', (_what, sentence) => {
    expect(raws(sentence)).toEqual([]);
  });

  it.each<[sentence: string, result: string, target: string]>([
    ['giải quyết việc làm cho 7.000/6.400 người', '7.000', '6.400'],
    ['có 23.758/23.279 người tham gia BHXH bắt buộc', '23.758', '23.279'],
  ])('pairs the result and the plan of "%s"', (sentence, result, target) => {
    const [a, b] = findNumberMentions(sentence);
    expect([a?.raw, b?.raw]).toEqual([result, target]);
    expect(a).toMatchObject({ pairRole: 'result', pairedWith: 1 });
    expect(b).toMatchObject({ pairRole: 'target', pairedWith: 0 });
  });

  it.each<[sentence: string, low: number, high: number]>([
    ['tỷ lệ hộ nghèo Bình Phước giảm từ 1,0 - 1,5%', 1, 1.5],
    // An en dash, as word processors write it.
    ['phấn đấu giảm tỷ lệ hộ nghèo 2 – 3% mỗi năm', 2, 3],
  ])('ties the two ends of the range in "%s"', (sentence, low, high) => {
    const [a, b] = findNumberMentions(sentence);
    expect(a).toMatchObject({ value: low, rangeWith: 1 });
    expect(b).toMatchObject({ value: high, rangeWith: 0 });
    expect(a?.pairRole).toBeUndefined();
  });

  it('reads only inside the given bounds and keeps offsets into the whole text', () => {
    const text = 'Hà Giang có 120 hộ. Lào Cai có 340 hộ.';
    const from = text.indexOf('Lào');
    const [only, ...rest] = findNumberMentions(text, from);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ raw: '340', start: text.indexOf('340') });
  });
});

describe('wordsBefore', () => {
  /** What wordsBefore replaced: the regex tried from every start of the 40 characters before `at`. */
  function byRegex(text: string, at: number): string[] {
    const head = text.slice(Math.max(0, at - 40), at).toLowerCase();
    const m = head.match(/([\p{L}]+(?:\s+[\p{L}]+){0,2})\s*$/u);
    return m?.[1] ? m[1].split(/\s+/).slice(-2) : [];
  }

  it.each<[text: string, words: string[]]>([
    ['Cơn bão số 3', ['bão', 'số']],
    ['theo Quyết định 139', ['quyết', 'định']],
    ['đạt  \u00a0 95', ['đạt']],
    ['(kế hoạch: 95', []],
    ['95', []],
  ])('reads the words before the number in "%s"', (text, words) => {
    const at = text.search(/\d/);
    expect(wordsBefore(text, at)).toEqual(words);
    expect(byRegex(text, at)).toEqual(words);
  });

  it('ends with the same two words as the regex it replaced, on any text', () => {
    const piece = fc.constantFrom(
      'hộ',
      'Nghèo',
      'số',
      'x',
      'İ',
      '𝐀',
      '1',
      ' ',
      '  ',
      '\u00a0',
      '\n',
      '-',
      '/',
      ',',
      '(',
      'đợt',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), (pieces, cut) => {
        const text = pieces.join('');
        const at = text.length === 0 ? 0 : cut % (text.length + 1);
        expect(wordsBefore(text, at)).toEqual(byRegex(text, at));
      }),
      { numRuns: 2000 },
    );
  });
});
