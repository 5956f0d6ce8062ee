// Issue 17, lookups on unseen reports: the bare "tỷ lệ nghèo đa chiều" of a region, communes named
// in a question, and periods. Behaviour: a Vietnamese question in, the right figure or an
// abstention out, on reports written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/answer/assistant.ts';
import type { Assistant } from '../../src/answer/types.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';

const VUNG = `Tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo theo vùng năm 2024

Bảng 3. Tỷ lệ nghèo đa chiều chung theo vùng
Vùng | Năm 2023: tỷ lệ (%) | Năm 2024: tỷ lệ (%)
Đông Nam Bộ | 0,31 | 0,22
Đồng bằng sông Hồng | 1,90 | 1,41

Bảng 4. Tỷ lệ hộ nghèo theo vùng năm 2023
Vùng | Tỷ lệ hộ nghèo (%)
Đông Nam Bộ | 0,12
Đồng bằng sông Hồng | 0,80`;

const HUYEN = `Huyện Mường Nhé, tỉnh Điện Biên: kết quả giảm nghèo năm 2024

Năm 2024, tỷ lệ nghèo đa chiều huyện Mường Nhé còn 38,20%, hộ cận nghèo chiếm 9,10%.`;

// A commune's own report: the gazetteer knows its district only, so its figures fall back on it.
const XA = `Xã Hòa Tiến (Châu Thành, Long An): kết quả giảm nghèo giai đoạn 2020 - 2024

Hòa Tiến, ngày 10 tháng 12 năm 2024

Khi bắt đầu giai đoạn (năm 2020), xã chỉ có 9 tiêu chí đạt chuẩn; hộ nghèo chiếm 12,40%.

1. Về thu nhập
- Thu nhập bình quân đầu người đạt 58,2 triệu đồng/người/năm.
- Tỷ lệ hộ nghèo hiện chỉ còn 1,75%.

Bảng 1. Một số chỉ tiêu đầu và cuối giai đoạn
Chỉ tiêu Năm 2020 Năm 2024
Tỷ lệ hộ nghèo 12,40% 1,75%
Thu nhập bình quân 31,5 triệu đồng 58,2 triệu đồng

Toàn huyện Châu Thành năm 2024 còn 2,05% hộ nghèo.`;

// A district's report naming one of its communes at the start of a sentence.
const HUYEN_XA = `Huyện Bảo Lâm (Cao Bằng) báo cáo giảm nghèo năm 2024

- Năm 2018, các xã vùng cao có 1.920 hộ nghèo, chiếm 30,5%; đến nay chỉ còn 640 hộ nghèo (chiếm 9,8%).
- Xã Lý Bôn đến hết năm 2024 còn 45 hộ nghèo (tỷ lệ 4,3%).`;

// A programme's report: the programme is named in the title, not beside each figure.
const NHA_TAM = `Quảng Ngãi hoàn thành xóa nhà tạm, nhà dột nát năm 2025

Tính đến ngày 30/8/2025, toàn tỉnh đã khánh thành và bàn giao 3.210 căn nhà cho các hộ, đạt 100% kế hoạch.`;

const CHUONG_TRINH = `Báo cáo tổng kết Chương trình hỗ trợ xóa nhà tạm, nhà dột nát tỉnh Hà Nam giai đoạn 2021 - 2025

1. Kết quả chung
Giai đoạn 2021 - 2025, tỉnh Hà Nam đã hỗ trợ 5.150 hộ nghèo, hộ cận nghèo về nhà ở.

Bảng 1. Kết quả hỗ trợ theo hình thức (đơn vị: nhà)
Hình thức hỗ trợ Số nhà
Xây mới 4.120
Sửa chữa 1.030

Từ năm 2021 đến nay, tỉnh đã trao 640 suất quà cho hộ mới có nhà.`;

// Words that fold onto a metric's or a cue's words: "năm qua" / "quà", "vay vốn" / money, "mới" / "mỗi".
const TIN_DUNG = `Ngân hàng Chính sách xã hội tỉnh Yên Bái: 5 năm tín dụng chính sách

Trên phạm vi toàn tỉnh, 5 năm qua nguồn vốn tín dụng chính sách đã giúp 1.870 hộ nghèo được vay vốn trồng rừng; dư nợ đạt 4.200 tỷ đồng.
Dịp Tết, tỉnh tặng 2.500 suất quà cho hộ nghèo.`;

// A plan's column in a table, and the body that assigned the plan named in the question.
const KE_HOACH = `Tỉnh Ninh Bình: kết quả giải quyết việc làm 9 tháng năm 2024

Bảng 1. Kết quả 9 tháng năm 2024
STT | Chỉ tiêu | Kế hoạch năm 2024 | Thực hiện | Tỷ lệ so KH
1 | Giải quyết việc làm (người) | 21.000 | 16.250 | 77,4%
2 | Đưa người lao động đi làm việc ở nước ngoài (người) | 2.400 | 1.910 | 79,6%`;

// A town ("thị xã") is a district, not a commune; a forecast of who falls into poverty.
const THI_XA = `Thị xã Buôn Hồ (Đắk Lắk): kết quả giảm nghèo năm 2024

Buôn Hồ, ngày 05 tháng 01 năm 2025

Đến cuối năm 2024, thị xã Buôn Hồ còn 412 hộ nghèo, chiếm 1,62%.
Do nhiều hộ thoát nghèo là người cao tuổi, dự kiến năm 2025 thị xã có khoảng 95 hộ rơi vào diện hộ nghèo và khoảng 160 hộ rơi vào diện hộ cận nghèo.`;

// A table row naming the metric with another synonym than the question's abbreviation.
const XKLD = `Tỉnh Hà Tĩnh: kết quả các dự án giáo dục nghề nghiệp, việc làm năm 2024

Nội dung | Kinh phí | Kết quả
Hỗ trợ NLĐ đi làm việc ở nước ngoài theo HĐ | 3,2 tỷ đồng | đào tạo nghề, ngoại ngữ cho 245 người trước khi xuất cảnh
Hỗ trợ việc làm bền vững | 5,1 tỷ đồng | kết nối việc làm cho 9.800 lao động`;

// A quick estimate and the official figure, each under its own heading.
const NHANH_CHINH_THUC = `Sở Nội vụ tỉnh Tuyên Quang: lao động, việc làm 6 tháng đầu năm 2025

1. Số liệu ước tính (báo cáo nhanh)
Toàn tỉnh giải quyết việc làm cho khoảng 11.000 người, đạt 52% kế hoạch năm.

2. Số liệu tổng hợp chính thức 6 tháng
Sau khi các xã báo cáo đủ, 6 tháng đầu năm 2025 toàn tỉnh đã giải quyết việc làm cho 11.420 người, đạt 54% kế hoạch năm.`;

const DTTS = `Huyện Kon Plông (Kon Tum): rà soát hộ nghèo năm 2023

Về giảm nghèo, hộ nghèo đồng bào DTTS toàn huyện là 1.230 hộ, chiếm 82% tổng số hộ nghèo của huyện.`;

// The country's levels in two years, the count in a clause after the rate's.
const HAI_NAM = `Kết quả rà soát hộ nghèo, hộ cận nghèo toàn quốc các năm 2021 và 2022

Năm 2021: tỷ lệ nghèo đa chiều chung toàn quốc là 9,35%; tổng số hộ nghèo và hộ cận nghèo đa chiều là 2.431.500 hộ.
Năm 2022: tỷ lệ nghèo đa chiều chung toàn quốc là 7,52%; tổng số hộ nghèo và hộ cận nghèo đa chiều là 1.972.767 hộ.`;

// A housing report whose table cell counts households left out, not houses built.
const NHA_BANG = `Báo cáo tình hình hỗ trợ nhà ở cho hộ nghèo huyện Tủa Chùa năm 2024

Năm | Số hộ | Tình trạng | Ghi chú
2024 | 280 | Đang thực hiện | 02 hộ không bố trí được đất ở`;

let assistant: Assistant;

beforeAll(async () => {
  const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
  await corpus.upsert({ id: 'vung-2024', text: VUNG });
  await corpus.upsert({ id: 'muong-nhe-2024', text: HUYEN });
  await corpus.upsert({ id: 'hoa-tien-2024', text: XA, title: XA.split('\n')[0] });
  await corpus.upsert({ id: 'quang-ngai-nha-tam', text: NHA_TAM, title: NHA_TAM.split('\n')[0] });
  await corpus.upsert({ id: 'ha-nam-nha-tam', text: CHUONG_TRINH, title: CHUONG_TRINH.split('\n')[0] });
  await corpus.upsert({ id: 'yen-bai-tin-dung', text: TIN_DUNG, title: TIN_DUNG.split('\n')[0] });
  await corpus.upsert({ id: 'ninh-binh-9t-2024', text: KE_HOACH, title: KE_HOACH.split('\n')[0] });
  await corpus.upsert({ id: 'buon-ho-2024', text: THI_XA, title: THI_XA.split('\n')[0] });
  await corpus.upsert({ id: 'ha-tinh-xkld', text: XKLD, title: XKLD.split('\n')[0] });
  await corpus.upsert({ id: 'tuyen-quang-6t-2025', text: NHANH_CHINH_THUC, title: NHANH_CHINH_THUC.split('\n')[0] });
  await corpus.upsert({ id: 'kon-plong-2023', text: DTTS, title: DTTS.split('\n')[0] });
  await corpus.upsert({ id: 'toan-quoc-2021-2022', text: HAI_NAM, title: HAI_NAM.split('\n')[0] });
  await corpus.upsert({ id: 'mu-cang-chai-nha', text: NHA_BANG, title: NHA_BANG.split('\n')[0] });
  await corpus.upsert({ id: 'bao-lam-2024', text: HUYEN_XA, title: HUYEN_XA.split('\n')[0] });
  assistant = createAssistant(corpus);
});

const ask = (question: string) => assistant.ask({ question, history: [] });
const values = (r: { facts: { value: number }[] }) => r.facts.map((f) => f.value);

describe('issue 17: the bare "tỷ lệ nghèo đa chiều" reads by whose rate is asked', () => {
  it('of a region, is the combined rate of poor and near-poor households', async () => {
    const r = await ask('tỷ lệ nghèo đa chiều vùng Đông Nam Bộ năm 2023');
    expect(r.status).toBe('answered');
    expect(values(r)).toEqual([0.31]);
  });

  it('of a region, written "hộ nghèo đa chiều", is the poverty rate alone', async () => {
    const r = await ask('Tỷ lệ hộ nghèo đa chiều vùng Đông Nam Bộ năm 2023 là bao nhiêu?');
    expect(values(r)).toEqual([0.12]);
  });

  it('of a district, stays its poverty rate', async () => {
    const r = await ask('Tỷ lệ nghèo đa chiều huyện Mường Nhé năm 2024?');
    expect(r.status).toBe('answered');
    expect(values(r)).toEqual([38.2]);
  });
});

describe('issue 17: a commune named in a question', () => {
  it("is answered by its own report's figure, named as the commune", async () => {
    const r = await ask('Tỷ lệ hộ nghèo xã Hòa Tiến năm 2024 là bao nhiêu?');
    expect(r.status).toBe('answered');
    expect(values(r)).toEqual([1.75]);
    expect(r.answer).toMatch(/xã Hòa Tiến/);
  });

  it('typed without accents, still names the commune, not a place to ask about', async () => {
    const r = await ask('thu nhap binh quan xa hoa tien 2024');
    expect(r.status).toBe('answered');
    expect(values(r)).toEqual([58.2]);
  });

  it('a "khi …" clause with a year only times the question', async () => {
    const r = await ask('Khi kết thúc giai đoạn giảm nghèo năm 2024, xã Hòa Tiến còn tỷ lệ hộ nghèo bao nhiêu?');
    expect(values(r)).toEqual([1.75]);
  });

  it("is never answered by its district's figure", async () => {
    const r = await ask('Tỷ lệ hộ nghèo xã Lý Bôn năm 2024?');
    expect(values(r)).toEqual([4.3, 45]);
    expect((await ask('Tỷ lệ hộ nghèo xã Nam Quang năm 2024?')).status).toBe('not_found');
  });

  it("a commune's figure does not answer for its district", async () => {
    const r = await ask('Tỷ lệ hộ nghèo huyện Bảo Lâm năm 2024?');
    expect(values(r)).not.toContain(4.3);
    const chauThanh = await ask('Tỷ lệ hộ nghèo huyện Châu Thành năm 2024?');
    expect(values(chauThanh)).not.toContain(1.75);
  });
});

describe('issue 17: the period of a figure that names none', () => {
  it('is the year the report was written, not a baseline year its body mentions', async () => {
    const r = await ask('Thu nhập bình quân đầu người xã Hòa Tiến năm 2020?');
    expect(values(r)).toEqual([31.5]);
  });

  it("in a table whose header names a period per column, is its column's", async () => {
    const r = await ask('Tỷ lệ hộ nghèo xã Hòa Tiến năm 2020?');
    expect(values(r)).toEqual([12.4]);
  });

  it('after "đến nay" in a sentence that named an earlier year, is the report\'s time', async () => {
    const r = await ask('tỷ lệ hộ nghèo các xã vùng cao Bảo Lâm năm 2024');
    expect(values(r)).toContain(9.8);
    expect(values(r)).not.toContain(30.5);
  });
});

describe('issue 17: a programme the report is about covers the words of its name', () => {
  it('a count in the report of a programme answers a question naming the programme', async () => {
    const r = await ask('Đến ngày 30/8/2025 Quảng Ngãi đã bàn giao bao nhiêu căn nhà xóa nhà tạm, nhà dột nát?');
    expect(r.status).toBe('answered');
    expect(values(r)).toContain(3210);
  });

  it('a table row of the programme\'s report answers "trong chương trình …"', async () => {
    const r = await ask('Hà Nam xây mới bao nhiêu căn nhà trong chương trình xóa nhà tạm 2021-2025?');
    expect(r.status).toBe('answered');
    expect(values(r)).toContain(4120);
  });

  it("a province without the programme's report still gets no number", async () => {
    const r = await ask('Thái Bình xây mới bao nhiêu căn nhà trong chương trình xóa nhà tạm 2021-2025?');
    expect(r.status).toBe('not_found');
  });

  it('"từ năm 2021 đến nay" keeps the year it starts from', async () => {
    const r = await ask('Hà Nam trao bao nhiêu suất quà cho hộ mới có nhà từ 2021?');
    expect(values(r)).toEqual([640]);
  });
});

describe('issue 17: words that fold onto other words do not change what is asked', () => {
  it('"5 năm qua" does not ask about gifts ("quà")', async () => {
    const r = await ask('Yên Bái 5 năm qua giúp bao nhiêu hộ nghèo vay vốn trồng rừng?');
    expect(r.understood?.metrics ?? []).not.toContain('tet_gifts');
  });

  it('"bao nhiêu hộ … vay vốn" asks a count, not an amount of money', async () => {
    const r = await ask('Yên Bái 5 năm qua giúp bao nhiêu hộ nghèo vay vốn trồng rừng?');
    expect(values(r)).not.toContain(4200);
  });

  it('"xây mới" is not "mỗi": a comparison of two places stays a comparison', async () => {
    const r = await ask(
      'Số nhà xây mới trong chương trình xóa nhà tạm: Hà Nam giai đoạn 2021-2025 và Quảng Ngãi, chênh bao nhiêu căn?',
    );
    expect(r.understood?.intent).not.toBe('per_unit');
  });
});

describe("issue 17: a title vouches only for a figure counted in the metric's unit", () => {
  it('a table cell is not vouched for by the title: its own words say what it counts', async () => {
    const r = await assistant.verify('Có đúng là năm 2024 huyện Tủa Chùa hỗ trợ làm nhà cho 300 hộ nghèo không?');
    expect(r.facts.map((f) => f.value)).not.toContain(2);
  });

  it("a bare number of a table in a programme's report is not the programme's count", async () => {
    const r = await assistant.verify('Có đúng là Quảng Ngãi đã bàn giao 100 căn nhà xóa nhà tạm, nhà dột nát không?');
    expect(r.verdict).not.toBe('supported');
  });
});

describe('issue 17: a plan in a table column, asked as the plan a body assigned', () => {
  it('a cell under "Kế hoạch năm …" is a target, and answers "chỉ tiêu … UBND tỉnh giao"', async () => {
    const r = await ask(
      'Chỉ tiêu đưa lao động đi làm việc ở nước ngoài năm 2024 UBND tỉnh Ninh Bình giao là bao nhiêu?',
    );
    expect(r.status).toBe('answered');
    expect(r.facts.map((f) => [f.value, f.kind])).toEqual([[2400, 'target']]);
  });

  it("a result question never gets the plan's column", async () => {
    const r = await ask('Ninh Bình đưa được bao nhiêu người đi làm việc ở nước ngoài năm 2024?');
    expect(values(r)).not.toContain(2400);
  });
});

describe('issue 17: a town is not a commune; a forecast is said as one', () => {
  it('"thị xã Buôn Hồ" is the town, answered by its figure', async () => {
    const r = await ask('Đến cuối năm 2024 thị xã Buôn Hồ còn bao nhiêu hộ nghèo?');
    expect(r.status).toBe('answered');
    expect(values(r)).toContain(412);
  });

  it('each count takes the class it falls into ("rơi vào diện hộ cận nghèo"), not one named before', async () => {
    const poor = await ask('Buôn Hồ dự báo năm 2025 có khoảng bao nhiêu hộ rơi vào diện hộ nghèo?');
    expect(values(poor)).toEqual([95]);
    const near = await ask('Buôn Hồ dự báo năm 2025 có khoảng bao nhiêu hộ rơi vào diện hộ cận nghèo?');
    expect(values(near)).toEqual([160]);
  });

  it('a forecast is answered as a forecast, never as a result or a plan', async () => {
    const r = await ask('Buôn Hồ dự báo năm 2025 có khoảng bao nhiêu hộ rơi vào diện hộ nghèo?');
    expect(r.facts[0]?.kind).toBe('target');
    expect(r.answer).toMatch(/dự báo 95 hộ/);
    expect(r.answer).not.toMatch(/kế hoạch/);
  });
});

describe('issue 17: an abbreviation is covered by its metric said another way', () => {
  it('"XKLĐ" in the question, "NLĐ đi làm việc ở nước ngoài theo HĐ" in the row', async () => {
    const r = await ask('ha tinh dao tao nghe cho bao nhieu nguoi di xkld');
    expect(r.status).toBe('answered');
    expect(values(r)).toContain(245);
  });
});

describe('issue 17: an official figure and a quick estimate, told apart by their headings', () => {
  it('"theo số liệu tổng hợp chính thức" gets the official figure, and is not a sum', async () => {
    const r = await ask(
      'Theo số liệu tổng hợp chính thức, 6 tháng đầu năm 2025 Tuyên Quang giải quyết việc làm cho bao nhiêu người?',
    );
    expect(r.understood?.intent).toBe('value');
    expect(r.status).toBe('answered');
    expect(values(r)).toContain(11420);
    expect(values(r)).not.toContain(11000);
  });
});

describe("issue 17: words that point at the question's own inputs are not evidence to find", () => {
  it('"dựa theo … tỷ trọng nhóm này" estimates the total from the group and its share', async () => {
    const r = await ask(
      'Dựa theo số hộ nghèo DTTS và tỷ trọng nhóm này trong tổng số, hãy ước tính tổng số hộ nghèo huyện Kon Plông năm 2023.',
    );
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBeCloseTo(1500, 0);
  });
});

describe('issue 17: the change between the levels of two years named', () => {
  it('"tổng số … giảm bao nhiêu hộ so với năm …" is the difference of the two counts, not a sum', async () => {
    const r = await ask('Năm 2022, tổng số hộ nghèo và cận nghèo đa chiều cả nước giảm bao nhiêu hộ so với năm 2021?');
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBe(458733);
  });

  it("a count after the country's rate in the same sentence is the country's", async () => {
    const r = await ask('Tổng số hộ nghèo và hộ cận nghèo đa chiều cả nước năm 2022 là bao nhiêu?');
    expect(values(r)).toContain(1972767);
  });
});
