// Issue 17, claims judged by subject: a claim whose number the report does not state is refuted by
// the report's figure about the claim's subject, a ranking claim by the place that ranks first, and
// a claimed change is shown with the level it changes. Reports written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/answer/assistant.ts';
import type { Assistant } from '../../src/answer/types.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { extract, figureNamed } from '../helpers/extract.ts';

const VAN_CHAN = `Huyện Văn Chấn (Yên Bái): kết quả hỗ trợ nhà ở năm 2024

Năm 2024, huyện Văn Chấn đã hỗ trợ xây mới, sửa chữa nhà ở cho 212 hộ nghèo, cận nghèo; các hộ đã vào ở trước Tết.

Như vậy, công tác hỗ trợ nhà ở năm 2024 của huyện cơ bản hoàn thành; Ngân hàng Chính sách xã hội tiếp tục cho các hộ nghèo vay vốn sản xuất.`;

const BAC_NINH = `Bắc Ninh: lao động đi làm việc ở nước ngoài năm 2023

Năm 2023, toàn tỉnh Bắc Ninh có 295 người đi làm việc ở nước ngoài theo hợp đồng.

Bảng 1. Lao động đi làm việc ở nước ngoài năm 2023 theo địa phương (đơn vị: người)
STT | Địa phương | Số người
1 | Thành phố Bắc Ninh | 120
2 | Thị xã Từ Sơn | 95
3 | Huyện Quế Võ | 80`;

const BINH_PHUOC = `Bình Phước: chăm lo Tết Nguyên đán Ất Tỵ 2025

Dịp Tết Nguyên đán Ất Tỵ 2025, toàn tỉnh Bình Phước đã trao 50.400 phần quà, với tổng kinh phí 45,2 tỷ đồng. So với Tết Giáp Thìn 2024, tổng kinh phí giảm 3,5 tỷ đồng do giảm nguồn ngân sách.`;

const HOA_BINH = `Tỉnh Hòa Bình: kết quả rà soát hộ nghèo năm 2024

Cuối năm 2023, toàn tỉnh Hòa Bình có 14.250 hộ nghèo. Kết quả rà soát cuối năm 2024, toàn tỉnh còn 11.980 hộ nghèo.`;

const THACH_HA = `THẠCH HÀ (HÀ TĨNH): KẾT QUẢ GIẢM NGHÈO NĂM 2024

Hà Tĩnh, tháng 12/2024 - Năm 2024, huyện Thạch Hà giảm được 410 hộ nghèo.

Nhiệm vụ thời gian tới
- Dịp Tết Nguyên đán Ất Tỵ 2025, ngành LĐ-TB&XH tiếp tục tham mưu Tỉnh ủy, UBND tỉnh vận động nguồn lực xã hội, dự kiến tặng quà cho 3.400 hộ nghèo, hộ cận nghèo, kinh phí dự kiến khoảng 2,1 tỷ đồng.`;

let assistant: Assistant;

beforeAll(async () => {
  const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
  await corpus.upsert({ id: 'van-chan-2024', text: VAN_CHAN });
  await corpus.upsert({ id: 'bac-ninh-xkld-2023', text: BAC_NINH });
  await corpus.upsert({ id: 'binh-phuoc-tet-2025', text: BINH_PHUOC });
  await corpus.upsert({ id: 'hoa-binh-ra-soat-2024', text: HOA_BINH });
  await corpus.upsert({ id: 'thach-ha-2024', text: THACH_HA });
  assistant = createAssistant(corpus);
});

const values = (r: { facts: { value: number }[] }) => r.facts.map((f) => f.value);

describe('issue 17: claims judged by subject', () => {
  it('refutes a count the report does not state with the figure about the same subject, though the claim names another metric', async () => {
    const r = await assistant.verify('Năm 2024 huyện Văn Chấn hỗ trợ làm nhà cho 250 hộ nghèo');
    expect(r.verdict).toBe('refuted');
    expect(values(r)).toContain(212);
  });

  it('does not refute with a figure whose own sentence is about something else ("vay vốn" is not "nhà ở", nor "như vậy")', async () => {
    const r = await assistant.verify('Năm 2024 huyện Văn Chấn hỗ trợ 250 hộ nghèo vay vốn');
    expect(r.verdict).toBe('not_enough_info');
    expect(values(r)).not.toContain(212);
  });

  it('refutes "dẫn đầu … với N" with the place that ranks first and the claimed place’s own figure', async () => {
    const r = await assistant.verify(
      'Năm 2023 huyện Quế Võ dẫn đầu tỉnh Bắc Ninh về số lao động đi làm việc ở nước ngoài, với 95 người',
    );
    expect(r.verdict).toBe('refuted');
    expect(values(r)).toEqual(expect.arrayContaining([80, 120]));
  });

  it('shows the level a claimed change is of, beside the change the report states the other way', async () => {
    const r = await assistant.verify(
      'Tết Ất Tỵ 2025, tổng kinh phí quà Tết của Bình Phước tăng 3,5 tỷ đồng so với Tết 2024',
    );
    expect(r.verdict).toBe('refuted');
    expect(values(r)).toEqual(expect.arrayContaining([3.5, 45.2]));
  });
});

describe('issue 17: a plan claimed as done, stated by a report from inside the province', () => {
  it('refutes the province claim whose numbers a district report states only as planned', async () => {
    const r = await assistant.verify(
      'Dịp Tết Ất Tỵ 2025, tỉnh Hà Tĩnh đã trao quà cho 3.400 hộ nghèo, cận nghèo với kinh phí 2,1 tỷ đồng',
    );
    expect(r.verdict).toBe('refuted');
    expect(values(r)).toEqual(expect.arrayContaining([3400, 2.1]));
  });

  it('does not refute a province claim with another number from a district report', async () => {
    const r = await assistant.verify('Dịp Tết Ất Tỵ 2025, tỉnh Hà Tĩnh đã trao quà cho 3.900 hộ nghèo');
    expect(r.verdict).toBe('not_enough_info');
  });
});

describe('issue 17: a claimed change where the report states only the two levels', () => {
  it('supports a change that the two levels give, with the difference computed from them', async () => {
    const r = await assistant.verify('Cuối năm 2024 số hộ nghèo của Hòa Bình giảm 2.270 hộ so với cuối năm 2023');
    expect(r.verdict).toBe('supported');
    expect(r.computations[0]?.formula).toBe('14.250 − 11.980');
    expect(values(r)).toEqual(expect.arrayContaining([14250, 11980]));
  });

  it('refutes a change of another size, and never by a level alone', async () => {
    const r = await assistant.verify('Cuối năm 2024 số hộ nghèo của Hòa Bình giảm 3.000 hộ so với cuối năm 2023');
    expect(r.verdict).toBe('refuted');
    expect(r.computations[0]?.value).toBe(2270);
  });

  it('refutes a rise where the levels fell by that much', async () => {
    const r = await assistant.verify('Cuối năm 2024 số hộ nghèo của Hòa Bình tăng 2.270 hộ so với cuối năm 2023');
    expect(r.verdict).toBe('refuted');
  });
});

describe('issue 17: a span in the number’s own clause is its period', () => {
  it('gives "cả giai đoạn 2026 - 2030 dự kiến 6.500 tỷ đồng" the span, not the year of the clause before', () => {
    const { figures } = extract(
      'Thái Nguyên: dự toán chi trợ giúp xã hội',
      'Kinh phí trợ giúp xã hội dự kiến năm 2026 khoảng 1.250 tỷ đồng; cả giai đoạn 2026 - 2030 dự kiến 6.500 tỷ đồng.',
    );
    expect(figureNamed(figures, '1.250 tỷ đồng').period?.label).toBe('năm 2026');
    expect(figureNamed(figures, '6.500 tỷ đồng').period?.from).toBe('2026-01-01');
    expect(figureNamed(figures, '6.500 tỷ đồng').period?.to).toBe('2030-12-31');
  });
});
