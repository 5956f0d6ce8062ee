// linkRelations, seen through extractFigures: which figures of a sentence are tied together, so
// the audit can recompute them. The main figure carries the relation; `with` lists the others.
import { describe, expect, it } from 'vitest';
import type { Figure, RelationType } from '../../src/extract/types.ts';
import { extract, extractedSeeds, figureNamed } from '../helpers/extract.ts';

/** The relation of `main` with its partners written as their texts, for readable expectations. */
function relationOf(figures: Figure[], main: string) {
  const rel = figureNamed(figures, main).relation;
  if (!rel) return undefined;
  return { type: rel.type, with: rel.with.map((id) => figures.find((f) => f.id === id)?.text) };
}

describe('linkRelations', () => {
  it.each<[title: string, body: string, main: string, type: RelationType, partners: string[]]>([
    [
      'Tỉnh Kon Tum: việc làm năm 2023',
      'Năm 2023, toàn tỉnh có 7.000/6.400 người được giải quyết việc làm, đạt 109,4% kế hoạch.',
      '7.000',
      'result_target_attainment',
      ['6.400 người', '109,4%'],
    ],
    [
      'Tỉnh Bến Tre: việc làm năm 2023',
      'Năm 2023, tỉnh đã giải quyết việc làm cho 24.300 lao động, đạt 101,3% kế hoạch.',
      '24.300 lao động',
      'result_target_attainment',
      ['101,3%'],
    ],
    [
      'Tỉnh An Giang: lao động năm 2023',
      'Năm 2023, toàn tỉnh đưa 1.420 lao động đi làm việc ở nước ngoài theo hợp đồng, vượt kế hoạch 18%.',
      '1.420 lao động',
      'exceeded_plan',
      ['18%'],
    ],
    [
      'Tỉnh Vĩnh Long: giảm nghèo năm 2023',
      'Năm 2023, toàn tỉnh có 1.855 hộ nghèo với 4.839 nhân khẩu, chiếm tỷ lệ 4,82%.',
      '1.855 hộ',
      'count_persons_rate',
      ['4.839 nhân khẩu', '4,82%'],
    ],
    [
      'Tỉnh Lai Châu: giảm nghèo năm 2023',
      'Năm 2023, hộ cận nghèo có 8.320 hộ với 35.600 nhân khẩu.',
      '8.320 hộ',
      'count_persons_rate',
      ['35.600 nhân khẩu'],
    ],
    [
      'Tỉnh Quảng Trị: giảm nghèo năm 2023',
      'Đến cuối năm 2023, toàn tỉnh còn 14.040 hộ nghèo, chiếm tỷ lệ 7,71%.',
      '14.040 hộ',
      'count_persons_rate',
      ['7,71%'],
    ],
    [
      'Tỉnh Bắc Giang: Tết năm 2024',
      'Dịp Tết Nguyên đán Giáp Thìn 2024, toàn tỉnh đã trao 513 suất quà/153,9 triệu đồng cho hộ nghèo.',
      '513 suất quà',
      'count_money',
      ['153,9 triệu đồng'],
    ],
    [
      'Tỉnh Quảng Bình: trợ giúp xã hội năm 2022',
      'Năm 2022, toàn tỉnh chi trả trợ cấp xã hội thường xuyên cho 38.500 đối tượng với số tiền 215,6 tỷ đồng.',
      '38.500 đối tượng',
      'count_money',
      ['215,6 tỷ đồng'],
    ],
    [
      'Tỉnh Ninh Thuận: người có công năm 2023',
      'Năm 2023, tỉnh đã tặng 6.240 suất quà trị giá 2,5 tỉ đồng.',
      '6.240 suất quà',
      'count_money',
      ['2,5 tỉ đồng'],
    ],
    [
      'Tỉnh Lạng Sơn: BHXH năm 2023',
      'Năm 2023, số người tham gia BHXH toàn tỉnh: 6.695 người (BHXH bắt buộc: 5.484 người, BHXH tự nguyện 1.211 người).',
      '6.695 người',
      'parts_of_total',
      ['5.484 người', '1.211 người'],
    ],
    [
      'Tỉnh Phú Thọ: đào tạo nghề năm 2023',
      'Năm 2023, toàn tỉnh đã tuyển sinh và đào tạo được 8.500 người (trong đó cao đẳng: 19; trung cấp: 285; sơ cấp: 1.715).',
      '8.500 người',
      'parts_of_total',
      ['19', '285', '1.715'],
    ],
    [
      'Tỉnh Trà Vinh: giảm nghèo năm 2023',
      'Năm 2023, tỷ lệ hộ nghèo giảm 1,2%, tương ứng 3.450 hộ.',
      '1,2%',
      'change_equivalent',
      ['3.450 hộ'],
    ],
  ])('links "%s" … "%s" from %s', (title, body, main, type, partners) => {
    expect(relationOf(extract(title, body).figures, main)).toEqual({ type, with: partners });
  });

  it('pairs each result of a sentence with its own plan and attainment', () => {
    const { figures } = extract(
      'Tỉnh Bắc Kạn: bảo hiểm xã hội năm 2024',
      'Năm 2024, tỉnh có 23.758/23.279 người tham gia BHXH bắt buộc, đạt 102,5% kế hoạch; 9.466/9.216 người tham gia BHXH tự nguyện, đạt 102,7% KH.',
    );
    expect(relationOf(figures, '23.758')).toEqual({
      type: 'result_target_attainment',
      with: ['23.279 người', '102,5%'],
    });
    expect(relationOf(figures, '9.466')).toEqual({ type: 'result_target_attainment', with: ['9.216 người', '102,7%'] });
  });

  it('does not tie money to a count across a semicolon', () => {
    const { figures } = extract(
      'Tỉnh Nam Định: năm 2023',
      'Năm 2023, toàn tỉnh có 442 hộ cận nghèo; tổng kinh phí hỗ trợ là 12.061 triệu đồng.',
    );
    expect(figures.filter((f) => f.relation)).toEqual([]);
  });

  it('leaves figures that state nothing about each other unlinked', () => {
    const { figures } = extract(
      'Tỉnh Tiền Giang: năm 2023',
      'Năm 2023, toàn tỉnh có 5.120 hộ nghèo và 7.340 hộ cận nghèo.',
    );
    expect(figures.filter((f) => f.relation)).toEqual([]);
  });

  it('links only figures of the same sentence in the seeds', () => {
    for (const { figures } of extractedSeeds) {
      const byId = new Map(figures.map((f) => [f.id, f]));
      for (const f of figures)
        for (const id of f.relation?.with ?? [])
          expect(byId.get(id)?.sentenceStart, `${f.id} → ${id}`).toBe(f.sentenceStart);
    }
  });

  it('uses each figure in at most one relation in the seeds', () => {
    for (const { figures } of extractedSeeds) {
      const partners = figures.flatMap((f) => f.relation?.with ?? []);
      expect(new Set(partners).size).toBe(partners.length);
      for (const id of partners) expect(figures.find((f) => f.id === id)?.relation, id).toBeUndefined();
    }
  });
});
