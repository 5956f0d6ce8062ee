// auditReport: every relation recomputed. A check "holds" when the report's arithmetic agrees once
// rounded as the report rounds, "differs" when it does not, "unverifiable" when an input is missing.
import { describe, expect, it } from 'vitest';
import { type AuditCheck, auditReport } from '../../src/extract/audit.ts';
import { type Extracted, extract, extractedSeed, extractedSeeds } from '../helpers/extract.ts';

const auditOf = ({ report, figures }: Extracted) => auditReport(report, figures);

/** The check whose stated figure is written `stated` ("102,5%", "6.695 người"). */
function checkStating(checks: AuditCheck[], stated: string): AuditCheck {
  const found = checks.find((c) => c.stated.text === stated);
  if (!found)
    throw new Error(
      `no check stating "${stated}"; found: ${checks.map((c) => `"${c.stated.text}"`).join(', ') || 'none'}`,
    );
  return found;
}

describe('auditReport on the seeds', () => {
  const bacKan = auditOf(extractedSeed('002'));
  const taySon = auditOf(extractedSeed('003'));

  it("finds that Bắc Kạn's 23.758/23.279 people are 102,06% of plan, not the stated 102,5%", () => {
    const check = checkStating(bacKan, '102,5%');
    expect(check).toMatchObject({ relation: 'result_target_attainment', status: 'differs' });
    expect(check.computed?.value).toBeCloseTo(102.06, 2);
    expect(check.computed?.formula).toBe('23.758 / 23.279 × 100');
  });

  it("confirms Bắc Kạn's 7.000/6.400 people are 109,4% of plan", () => {
    const check = checkStating(bacKan, '109,4%');
    expect(check).toMatchObject({ relation: 'result_target_attainment', status: 'holds' });
    expect(check.computed?.value).toBeCloseTo(109.375, 3);
  });

  it('accepts a whole-number attainment within half a point (8.500/8.000 = 106,25% stated as 106%)', () => {
    expect(checkStating(bacKan, '106%')).toMatchObject({ status: 'holds' });
  });

  it("confirms Tây Sơn's 6.695 social-insurance members are 5.484 + 1.211", () => {
    const check = checkStating(taySon, '6.695 người');
    expect(check).toMatchObject({
      relation: 'parts_of_total',
      status: 'holds',
      computed: { value: 6695, formula: '5.484 + 1.211' },
    });
  });

  it("confirms Tây Sơn's 1.855 poor households are 4,82% of its 38.459 households", () => {
    const check = checkStating(taySon, '4,82%');
    expect(check).toMatchObject({
      relation: 'count_persons_rate',
      status: 'holds',
      computed: { formula: '1.855 / 38.459 × 100' },
    });
  });

  it("confirms Bắc Kạn's trainees by level add up: 19 + 285 + 1.715 + 6481 = 8.500", () => {
    const check = checkStating(bacKan, '8.500');
    expect(check).toMatchObject({
      relation: 'parts_of_total',
      status: 'holds',
      computed: { value: 8500, formula: '19 + 285 + 1.715 + 6.481' },
    });
  });

  // The rate follows the count without "chiếm"; the base is the residents the report counted earlier.
  it("finds that Tây Sơn's 111.076 insured of 119.118 residents are 93,25%, not the stated 94,79%", () => {
    const check = checkStating(taySon, '94,79%');
    expect(check).toMatchObject({
      relation: 'count_persons_rate',
      status: 'differs',
      computed: { formula: '111.076 / 119.118 × 100' },
    });
    expect(check.computed?.value).toBeCloseTo(93.25, 2);
  });

  it('quotes the sentence each check of each seed recomputes', () => {
    for (const seed of extractedSeeds) {
      for (const c of auditOf(seed)) expect(seed.report.text.slice(c.start, c.end)).toBe(c.quote);
    }
  });

  it('names in each check of each seed figures the seed states', () => {
    for (const seed of extractedSeeds) {
      const ids = new Set(seed.figures.map((f) => f.id));
      for (const c of auditOf(seed)) for (const id of c.figureIds) expect(ids.has(id), id).toBe(true);
    }
  });
});

describe('auditReport on invented reports', () => {
  it.each<[title: string, body: string, stated: string, status: AuditCheck['status']]>([
    [
      'Tỉnh Quảng Trị: giảm nghèo năm 2023',
      'Năm 2023, tổng số hộ dân cư toàn tỉnh là 182.100 hộ. Toàn tỉnh còn 14.040 hộ nghèo, chiếm tỷ lệ 7,71%.',
      '7,71%',
      'holds',
    ],
    // 14.040 / 182.100 = 7,71%: a slipped digit in the rate.
    [
      'Tỉnh Quảng Trị: giảm nghèo năm 2023',
      'Năm 2023, tổng số hộ dân cư toàn tỉnh là 182.100 hộ. Toàn tỉnh còn 14.040 hộ nghèo, chiếm tỷ lệ 8,71%.',
      '8,71%',
      'differs',
    ],
    // 5.484 + 1.200 = 6.684.
    [
      'Tỉnh Lạng Sơn: BHXH năm 2023',
      'Năm 2023, số người tham gia BHXH: 6.695 người (BHXH bắt buộc: 5.484 người, BHXH tự nguyện 1.200 người).',
      '6.695 người',
      'differs',
    ],
    [
      'Tỉnh Quảng Nam: lao động năm 2023',
      'Năm 2023, số lao động đi làm việc ở nước ngoài là 1.200/700 người, đạt 171,4% kế hoạch.',
      '171,4%',
      'holds',
    ],
    // No base to divide by: the report never states how many households the province has.
    [
      'Tỉnh Sóc Trăng: giảm nghèo năm 2023',
      'Năm 2023, thị xã Vĩnh Châu còn 2.150 hộ nghèo, chiếm 4,1%.',
      '4,1%',
      'unverifiable',
    ],
  ])('recomputes "%s" … "%s": %s %s', (title, body, stated, status) => {
    expect(checkStating(auditOf(extract(title, body)), stated).status).toBe(status);
  });

  it('says what the plan must have been when only the attainment is stated', () => {
    const check = checkStating(
      auditOf(
        extract(
          'Tỉnh Bến Tre: việc làm năm 2023',
          'Năm 2023, tỉnh đã giải quyết việc làm cho 24.300 lao động, đạt 101,3% kế hoạch.',
        ),
      ),
      '101,3%',
    );
    expect(check).toMatchObject({ status: 'unverifiable', computed: null });
    // 24.300 / 1,013 ≈ 23.988.
    expect(check.note).toContain('23.988');
  });

  it('says what the plan must have been when only the excess is stated', () => {
    const check = checkStating(
      auditOf(
        extract(
          'Tỉnh An Giang: lao động năm 2023',
          'Năm 2023, toàn tỉnh đưa 1.420 lao động đi làm việc ở nước ngoài theo hợp đồng, vượt kế hoạch 18%.',
        ),
      ),
      '18%',
    );
    expect(check).toMatchObject({ relation: 'exceeded_plan', status: 'unverifiable' });
    // 1.420 / 1,18 ≈ 1.203.
    expect(check.note).toContain('1.203');
  });

  it('gives the recomputed value in the note of a check that differs', () => {
    const check = checkStating(
      auditOf(
        extract(
          'Tỉnh Quảng Trị: giảm nghèo năm 2023',
          'Năm 2023, tổng số hộ dân cư toàn tỉnh là 182.100 hộ. Toàn tỉnh còn 14.040 hộ nghèo, chiếm tỷ lệ 8,71%.',
        ),
      ),
      '8,71%',
    );
    expect(check.note).toMatch(/Tính lại được 7,71.*8,71%/);
  });

  it('makes no checks for a report whose figures are unrelated', () => {
    expect(
      auditOf(extract('Tỉnh Tiền Giang: năm 2023', 'Năm 2023, toàn tỉnh có 5.120 hộ nghèo và 7.340 hộ cận nghèo.')),
    ).toEqual([]);
  });
});
