// Issue 17, computations the reports imply but do not state: a total less the part a question takes
// out ("tổng số trừ …"), and the level before a stated change ("So với Tết 2024, … giảm 3,5 tỷ").
// Each prints its formula from the figures it cites. Reports written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/answer/assistant.ts';
import type { Assistant } from '../../src/answer/types.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';

const BINH_DINH = `Bình Định: kết quả phát triển người tham gia bảo hiểm xã hội 6 tháng đầu năm 2024

Tính đến ngày 30/6/2024, toàn tỉnh Bình Định có 98.450 người tham gia BHXH, tăng 4,1% so với cùng kỳ. Số người tham gia BHXH tự nguyện đạt 21.300 người, vượt 6% kế hoạch.`;

const BINH_PHUOC = `Bình Phước: chăm lo Tết Nguyên đán Ất Tỵ 2025

Dịp Tết Nguyên đán Ất Tỵ 2025, toàn tỉnh Bình Phước đã trao 50.400 phần quà, với tổng kinh phí 45,2 tỷ đồng. So với Tết Giáp Thìn 2024, tổng kinh phí giảm 3,5 tỷ đồng do giảm nguồn ngân sách.`;

const BAC_KAN = `Bắc Kạn: kết quả chăm lo Tết cho đối tượng chính sách

Tết Nguyên đán Giáp Thìn 2024, tỉnh Bắc Kạn trao quà với tổng kinh phí 12,4 tỷ đồng. Tết Nguyên đán Ất Tỵ 2025, tổng kinh phí 13,1 tỷ đồng; so với Tết Giáp Thìn 2024, kinh phí tăng 0,7 tỷ đồng.`;

let assistant: Assistant;

beforeAll(async () => {
  const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
  await corpus.upsert({ id: 'binh-dinh-bhxh-6t-2024', text: BINH_DINH });
  await corpus.upsert({ id: 'binh-phuoc-tet-2025', text: BINH_PHUOC });
  await corpus.upsert({ id: 'bac-kan-tet-2025', text: BAC_KAN });
  assistant = createAssistant(corpus);
});

const ask = (question: string) => assistant.ask({ question, history: [] });

describe('issue 17: a total less a part ("tổng số trừ …")', () => {
  it('subtracts the part named after "trừ" from the total of the same place and date', async () => {
    const r = await ask(
      'Đến 30/6/2024 Bình Định có bao nhiêu người tham gia BHXH bắt buộc (tổng số trừ BHXH tự nguyện)?',
    );
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBe(77150);
    expect(r.computations[0]?.formula).toBe('98.450 − 21.300');
  });

  it('reads "không kể …" in a plain lookup as the same subtraction', async () => {
    const r = await ask(
      'Số người tham gia BHXH bắt buộc ở Bình Định đến 30/6/2024 (không kể BHXH tự nguyện) là bao nhiêu?',
    );
    expect(r.computations[0]?.formula).toBe('98.450 − 21.300');
  });
});

describe('issue 17: the level before a stated change', () => {
  it('adds back a fall stated against the period asked ("So với Tết Giáp Thìn 2024, … giảm 3,5 tỷ đồng")', async () => {
    const r = await ask('Tổng kinh phí quà Tết Giáp Thìn 2024 của Bình Phước khoảng bao nhiêu tỷ đồng?');
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBeCloseTo(48.7, 6);
    expect(r.computations[0]?.formula).toBe('45,2 + 3,5');
  });

  it('quotes the level of the period asked when the report states it, computing nothing', async () => {
    const r = await ask('Tổng kinh phí quà Tết Giáp Thìn 2024 của Bắc Kạn là bao nhiêu tỷ đồng?');
    expect(r.status).toBe('answered');
    expect(r.computations).toEqual([]);
    expect(r.facts.map((f) => f.value)).toContain(12.4);
  });
});

const COMPARE_A = `Tỉnh Hà Tĩnh: kết quả đưa lao động đi làm việc ở nước ngoài 9 tháng năm 2024

Theo số liệu chính thức, 9 tháng năm 2024 toàn tỉnh Hà Tĩnh có 3.950 lao động đi làm việc ở nước ngoài theo hợp đồng. Cũng trong giai đoạn 2021 - 2025, toàn tỉnh xây mới 2.300 căn nhà cho hộ nghèo.`;

const COMPARE_B = `Tỉnh Quảng Bình: lao động đi làm việc ở nước ngoài 6 tháng đầu năm 2019

6 tháng đầu năm 2019, toàn tỉnh Quảng Bình có 1.240 người đi làm việc ở nước ngoài theo hợp đồng. Đến ngày 30/6/2025, toàn tỉnh đã xây mới 1.180 căn nhà cho hộ nghèo.`;

describe('issue 17: a comparison of two places, each with its own period', () => {
  let two: Assistant;
  beforeAll(async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({ id: 'ha-tinh-xkld-9t-2024', text: COMPARE_A });
    await corpus.upsert({ id: 'quang-binh-xkld-6t-2019', text: COMPARE_B });
    two = createAssistant(corpus);
  });

  it('gives each place the period written before "của <place>"', async () => {
    const r = await two.ask({
      question:
        'XKLĐ 9 tháng 2024 của Hà Tĩnh (số chính thức) so với 6 tháng đầu 2019 của Quảng Bình, chênh nhau bao nhiêu người?',
      history: [],
    });
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBe(2710);
    expect(r.computations[0]?.formula).toBe('3.950 − 1.240');
  });

  it('reads "xây mới" as new building, not "mỗi" (each): a difference is asked, not a per-unit amount', async () => {
    const r = await two.ask({
      question:
        'Số nhà xây mới cho hộ nghèo: Hà Tĩnh giai đoạn 2021-2025 và Quảng Bình đến 30/6/2025, chênh bao nhiêu căn?',
      history: [],
    });
    expect(r.understood?.intent).toBe('difference');
    expect(r.computations[0]?.value).toBe(1120);
  });
});

const NGHE_AN = `Nghệ An: kết quả đưa người lao động đi làm việc ở nước ngoài năm 2023

Năm 2023, toàn tỉnh Nghệ An có 400 người lao động đi làm việc ở nước ngoài theo hợp đồng. Phân theo thị trường tiếp nhận như sau:
- Hàn Quốc: 150 người;
- Đài Loan (Trung Quốc): 120 người;
- Các thị trường khác: 130 người.`;

describe('issue 17: the share of a listed part in the total its list introduces', () => {
  let one: Assistant;
  beforeAll(async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({ id: 'nghe-an-xkld-2023', text: NGHE_AN });
    one = createAssistant(corpus);
  });

  it('divides the item the question names by the total of the line introducing the list', async () => {
    const r = await one.ask({
      question: 'Lao động Nghệ An sang Hàn Quốc chiếm bao nhiêu phần trăm tổng số người đi XKLĐ năm 2023?',
      history: [],
    });
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBeCloseTo(37.5, 6);
    expect(r.computations[0]?.formula).toBe('150 / 400 × 100');
  });

  it('computes no share for a market the list does not name', async () => {
    const r = await one.ask({
      question: 'Lao động Nghệ An sang Nhật Bản chiếm bao nhiêu phần trăm tổng số người đi XKLĐ năm 2023?',
      history: [],
    });
    expect(r.computations.filter((c) => c.unit === '%')).toEqual([]);
  });
});

const TAN_LAP = `Huyện Yên Lập (Phú Thọ): xã Tân Lập sau 6 năm thực hiện chương trình giảm nghèo

Tân Lập là xã vùng cao của huyện. Năm 2018, xã có 512 hộ nghèo; đến năm 2024, Tân Lập chỉ còn 61 hộ nghèo.

Một số xã lân cận:
- Xã Mỹ Lung đến hết năm 2024 còn 45 hộ nghèo.`;

describe('issue 17: the change between two years of one commune', () => {
  let one: Assistant;
  beforeAll(async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({ id: 'yen-lap-tan-lap-2024', text: TAN_LAP });
    one = createAssistant(corpus);
  });

  it('takes the later level whose sentence names the commune asked, not another commune of the same year', async () => {
    const r = await one.ask({
      question: 'Từ năm 2018 đến 2024 số hộ nghèo xã Tân Lập (Yên Lập) giảm bao nhiêu hộ?',
      history: [],
    });
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBe(451);
    expect(r.computations[0]?.formula).toBe('512 − 61');
  });
});
