// Issue 17, one behaviour per failure class: a Vietnamese question in, the right figure or an
// abstention out. The reports are written for these tests, in no eval set's wording.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/answer/assistant.ts';
import type { Assistant } from '../../src/answer/types.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';

const NINH_BINH = `Ninh Bình: kết quả rà soát hộ nghèo và công tác an sinh năm 2024

Sau rà soát cuối năm 2024, toàn tỉnh Ninh Bình có 2.115 hộ nghèo và 9.730 hộ cận nghèo. Riêng thành phố Tam Điệp không còn hộ nghèo, chỉ còn 412 hộ cận nghèo.

Tính đến hết ngày 30/6/2024, toàn tỉnh có 151.208 người tham gia BHXH; so với chỉ tiêu Tỉnh ủy giao năm 2024 (175.000 người) đạt 86,4%.

Tỷ lệ lao động qua đào tạo năm 2024 đạt 71,5%, trong đó có bằng cấp, chứng chỉ 30,2%.`;

const HA_NAM = `Hà Nam: tổng kết công tác giảm nghèo và nhà ở giai đoạn 2016 - 2020

Năm 2020, tỷ lệ lao động qua đào tạo của tỉnh Hà Nam đạt 68%.
Tính chung giai đoạn 2016 - 2020: tỷ lệ lao động qua đào tạo đạt 70,2%; toàn tỉnh giảm được 4.150 hộ nghèo.

Bảng 2. Nhà ở hỗ trợ hộ nghèo giai đoạn 2016 - 2020 (đơn vị: căn)
Hình thức          Số lượng
Xây mới            1.240
Sửa chữa           860

Năm 2021, Quỹ Vì người nghèo tỉnh hỗ trợ sửa chữa 35 nhà cho hộ nghèo; các nhà hảo tâm hỗ trợ xây mới 18 nhà.`;

const THAI_BINH = `Thái Bình: chăm lo người có công với cách mạng năm 2023

Toàn tỉnh Thái Bình hiện có 41.200 người có công đang hưởng trợ cấp ưu đãi hằng tháng. Năm 2023, tỉnh hỗ trợ nhà ở cho gia đình người có công với tổng số 1.250 căn, kinh phí 62,5 tỷ đồng; trong đó xây mới 730 căn, sửa chữa 520 căn. Các gia đình người có công đều có mức sống bằng hoặc cao hơn mức sống trung bình của khu dân cư.

Năm 2023 toàn tỉnh có 15.400 người tham gia BHXH tự nguyện, vượt kế hoạch 1.400 người.`;

const BINH_DUONG = `Bình Dương: kết quả 9 tháng năm 2024 về bảo hiểm thất nghiệp và nhà ở xã hội

Trong 9 tháng năm 2024, Trung tâm Dịch vụ việc làm đã tiếp nhận 3.120 hồ sơ đề nghị hưởng trợ cấp thất nghiệp qua Cổng Dịch vụ công Quốc gia và 845 hồ sơ nộp trực tiếp tại trụ sở.

Năm 2024, tổng kinh phí hỗ trợ sửa chữa nhà ở cho hộ nghèo của tỉnh Bình Dương là 48,6 tỷ đồng, trong đó ngân sách tỉnh hỗ trợ 30,2 tỷ đồng, phần còn lại do doanh nghiệp và nhà hảo tâm đóng góp.`;

const TRIEU_PHONG = `Huyện Triệu Phong (Quảng Trị): kết quả giảm nghèo năm 2024

1. Kết quả của huyện Triệu Phong

Năm 2024, toàn huyện giải quyết việc làm cho 2.410 lao động.

2. Kết quả chung toàn tỉnh năm 2024

- Về việc làm: trong năm giải quyết việc làm cho 12.950 lao động, trong đó 1.830 lao động đi làm việc ở nước ngoài theo hợp đồng.`;

const GIA_LAI = `Gia Lai: số hộ nghèo năm 2022 theo địa phương

Bảng 3. Số hộ nghèo năm 2022 theo huyện (đơn vị: hộ)
Địa phương | Số hộ nghèo
Chư Păh | 2.140
Ia Grai | 1.985`;

const YEN_BAI_2024 = `Tỉnh Yên Bái: kết quả rà soát hộ nghèo năm 2024

Năm 2024, tỷ lệ hộ nghèo của huyện Trạm Tấu còn 38,6%, giảm 9,4% so với năm 2022. Riêng thành phố Yên Bái chỉ còn 61 hộ nghèo, giảm 140 hộ so với năm trước.`;

const CA_NUOC = `Kết quả rà soát hộ nghèo năm 2023 trên phạm vi cả nước

Theo Bộ LĐ-TB&XH, năm 2023 tỷ lệ hộ nghèo chung cả nước là 2,93%.`;

let assistant: Assistant;

beforeAll(async () => {
  const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
  await corpus.upsert({ id: 'ninh-binh-2024', text: NINH_BINH });
  await corpus.upsert({ id: 'ha-nam-2016-2020', text: HA_NAM });
  await corpus.upsert({ id: 'thai-binh-2023', text: THAI_BINH });
  await corpus.upsert({ id: 'binh-duong-9t-2024', text: BINH_DUONG });
  await corpus.upsert({ id: 'trieu-phong-2024', text: TRIEU_PHONG });
  await corpus.upsert({ id: 'gia-lai-2022', text: GIA_LAI });
  await corpus.upsert({ id: 'yen-bai-ra-soat-2024', text: YEN_BAI_2024 });
  await corpus.upsert({ id: 'ca-nuoc-2023', text: CA_NUOC });
  assistant = createAssistant(corpus);
});

const ask = (question: string) => assistant.ask({ question, history: [] });
const values = (r: { facts: { value: number }[] }) => r.facts.map((f) => f.value);

describe('issue 17: figure labels', () => {
  it('keeps a household class named earlier in the clause off a count of another class', async () => {
    const r = await ask('Thành phố Tam Điệp còn bao nhiêu hộ nghèo năm 2024?');
    expect(values(r)).not.toContain(412);
  });

  it('reads "so với chỉ tiêu … (N người) đạt X%" as the plan and its attainment, and quotes the stated attainment', async () => {
    const r = await ask('Đến 30/6/2024 Ninh Bình có bao nhiêu người tham gia BHXH, đạt bao nhiêu % chỉ tiêu?');
    expect(r.status).toBe('answered');
    expect(values(r)).toEqual(expect.arrayContaining([151208, 86.4]));
    expect(r.facts.find((f) => f.value === 175000)?.kind).toBe('target');
  });
});

describe('issue 17: a lookup naming several metrics', () => {
  it('answers each metric a question names ("hộ nghèo và hộ cận nghèo")', async () => {
    const r = await ask('Cuối năm 2024 Ninh Bình có bao nhiêu hộ nghèo và hộ cận nghèo?');
    expect(r.status).toBe('answered');
    expect(values(r)).toEqual(expect.arrayContaining([2115, 9730]));
  });

  it('reads a metric phrase typed without its commas ("có bằng cấp chứng chỉ")', async () => {
    const r = await ask(
      'Tỷ lệ lao động qua đào tạo của Ninh Bình năm 2024 là bao nhiêu, có bằng cấp chứng chỉ bao nhiêu?',
    );
    expect(values(r)).toEqual(expect.arrayContaining([71.5, 30.2]));
  });
});

describe('issue 17: metrics outside what was asked', () => {
  it('does not answer "bao nhiêu hộ nghèo" with a count of near-poor households', async () => {
    const r = await ask('Thành phố Tam Điệp còn bao nhiêu hộ nghèo năm 2024?');
    expect(r.status).toBe('not_found');
  });
});

describe('issue 17: periods', () => {
  it('gives a figure the span its own sentence names, and does not answer a year with it', async () => {
    const year = await ask('Tỷ lệ lao động qua đào tạo của Hà Nam năm 2020 là bao nhiêu?');
    expect(values(year)).toEqual([68]);
    const span = await ask('Tỷ lệ lao động qua đào tạo của Hà Nam giai đoạn 2016 - 2020?');
    expect(values(span)).toEqual([70.2]);
  });

  it('divides a figure of a span of years by the years it counts for "bình quân mỗi năm"', async () => {
    const r = await ask('Giai đoạn 2016 - 2020 bình quân mỗi năm Hà Nam giảm được bao nhiêu hộ nghèo?');
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBeCloseTo(830, 6);
    expect(r.computations[0]?.formula).toBe('4.150 / 5');
  });
});

describe('issue 17: tables and accented words', () => {
  it('gives a table cell the unit its caption declares ("(đơn vị: căn)")', async () => {
    const r = await ask('Giai đoạn 2016 - 2020 Hà Nam xây mới bao nhiêu căn nhà cho hộ nghèo?');
    expect(values(r)).toContain(1240);
  });

  it('reads "mới" as a content word, not as "mỗi" (xây mới vs sửa chữa)', async () => {
    const r = await ask('Năm 2021 Hà Nam hỗ trợ xây mới bao nhiêu nhà?');
    expect(values(r)).toEqual([18]);
  });
});

describe('issue 17: claims judged by subject, not by number', () => {
  it('refutes a claim whose number is in the report about something else ("tổng số 1.250 căn" is not "xây mới")', async () => {
    const r = await assistant.verify('Năm 2023 Thái Bình đã xây mới 1.250 căn nhà cho người có công.');
    expect(r.verdict).toBe('refuted');
    expect(values(r)).toEqual(expect.arrayContaining([730, 520]));
  });

  it('supports the same claim with the number of its subject', async () => {
    const r = await assistant.verify('Năm 2023 Thái Bình đã xây mới 730 căn nhà cho người có công.');
    expect(r.verdict).toBe('supported');
  });

  it("reads the words after a number up to the comma as that number's, not the next one's", async () => {
    const r = await assistant.verify(
      'Năm 2023 Thái Bình có 15.400 người tham gia BHXH tự nguyện, vượt kế hoạch 1.400 người.',
    );
    expect(r.verdict).toBe('supported');
  });
});

describe('issue 17: computations', () => {
  it('adds the figures one sentence states side by side when the question says "cả hai"', async () => {
    const r = await ask(
      '9 tháng năm 2024 Bình Dương tiếp nhận tổng cộng bao nhiêu hồ sơ hưởng trợ cấp thất nghiệp (cả hai hình thức)?',
    );
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBe(3965);
    expect(r.computations[0]?.formula).toBe('3.120 + 845');
  });

  it('subtracts the part set aside by "ngoài …" from its total', async () => {
    const r = await ask(
      'Ngoài phần ngân sách tỉnh hỗ trợ, kinh phí sửa chữa nhà ở cho hộ nghèo năm 2024 của Bình Dương từ nguồn khác là bao nhiêu?',
    );
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBeCloseTo(18.4, 9);
    expect(r.computations[0]?.formula).toBe('48,6 − 30,2');
  });

  it('does not answer a remainder with one of its figures when the total is not stated', async () => {
    const r = await ask('Ngoài phần doanh nghiệp đóng góp, Bình Dương hỗ trợ bao nhiêu hồ sơ từ nguồn khác năm 2024?');
    expect(r.status).not.toBe('answered');
  });
});

describe('issue 17: places, national vs province vs district', () => {
  it('gives the province the figures under a heading about the whole province in a district report', async () => {
    const r = await ask('Năm 2024 tỉnh Quảng Trị có bao nhiêu lao động đi làm việc ở nước ngoài theo hợp đồng?');
    expect(values(r)).toEqual([1830]);
    const own = await ask('Năm 2024 huyện Triệu Phong giải quyết việc làm cho bao nhiêu lao động?');
    expect(values(own)).toEqual([2410]);
  });
});

describe('issue 17: table rows', () => {
  it('reads a row by its header and its first cell: the metric the header names, the place the row names', async () => {
    const r = await ask('Năm 2022 huyện Ia Grai có bao nhiêu hộ nghèo?');
    expect(values(r)).toEqual([1985]);
  });

  it('never refutes a count with a sum of money', async () => {
    const r = await assistant.verify('Năm 2023 Thái Bình sửa chữa 62,5 căn nhà cho người có công.');
    expect(r.answer).not.toMatch(/báo cáo ghi[^.]*tỷ đồng/u);
  });
});

describe('issue 17: the level before a stated change', () => {
  it('adds back a reduction measured from the year asked ("còn 38,6%, giảm 9,4% so với năm 2022")', async () => {
    const r = await ask('Tỷ lệ hộ nghèo huyện Trạm Tấu năm 2022 là bao nhiêu?');
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBeCloseTo(48, 9);
    expect(r.computations[0]?.formula).toBe('38,6 + 9,4');
  });

  it('reads "so với năm trước" as the year before, and "thành phố X" in tỉnh X\'s report as the city', async () => {
    const r = await ask('Năm 2023 thành phố Yên Bái có bao nhiêu hộ nghèo?');
    expect(r.computations[0]?.value).toBe(201);
    expect(r.answer).toMatch(/thành phố Yên Bái/u);
  });

  it('does not time a question by the data it names as its source ("từ số liệu năm 2024")', async () => {
    const r = await ask('Từ số liệu năm 2024, tỷ lệ hộ nghèo huyện Trạm Tấu năm 2022 là bao nhiêu?');
    expect(r.computations[0]?.value).toBeCloseTo(48, 9);
  });

  it('abstains when no change is measured from the year asked', async () => {
    const r = await ask('Tỷ lệ hộ nghèo huyện Trạm Tấu năm 2020 là bao nhiêu?');
    expect(r.status).toBe('not_found');
  });
});

describe('issue 17: accent folding respects the accents typed', () => {
  it('does not read "thành phố Yên Bái" as Phổ Yên', async () => {
    const { findQueryPlaces } = await import('../../src/search/places.ts');
    const keys = findQueryPlaces('Năm 2023 thành phố Yên Bái có bao nhiêu hộ nghèo?').map((p) => p.key);
    expect(keys).toContain('yen bai');
    expect(keys).not.toContain('pho yen');
    expect(findQueryPlaces('ho ngheo thanh pho pho yen').map((p) => p.key)).toContain('pho yen');
  });
});

describe('issue 17: comparing a place with the country', () => {
  it('keeps both sides, each with the period written after it', async () => {
    const r = await ask(
      'Tỷ lệ hộ nghèo huyện Trạm Tấu năm 2024 cao hơn tỷ lệ hộ nghèo chung cả nước năm 2023 bao nhiêu điểm phần trăm?',
    );
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.value).toBeCloseTo(35.67, 9);
    expect(r.answer).toMatch(/cả nước năm 2023/u);
  });
});

describe('issue 17: the phrase a number counts', () => {
  it('takes the first of two phrases joined by "và" before "cho N" as what N counts', async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({
      id: 'hung-yen-6t-2024',
      text: `Hưng Yên: 6 tháng đầu năm 2024\n\nSáu tháng đầu năm 2024, Trung tâm Dịch vụ việc làm tỉnh Hưng Yên tư vấn, giới thiệu việc làm và học nghề cho 9.350 lượt lao động, đạt 112% kế hoạch năm. Các cơ sở giáo dục nghề nghiệp tuyển sinh đào tạo nghề cho 6.120 người, đạt 41% kế hoạch năm.`,
    });
    const r = await createAssistant(corpus).ask({
      question:
        'Từ kết quả 6 tháng đầu năm 2024, suy ra kế hoạch tuyển sinh đào tạo nghề năm 2024 của Hưng Yên khoảng bao nhiêu người?',
      history: [],
    });
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.inputs).toContain(r.facts.find((f) => f.value === 6120)?.id);
  });
});

describe('issue 17: piped tables', () => {
  it('reads cells by their row label unit and their column header period', async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({
      id: 'binh-phuoc-tnld',
      text: `Bình Phước: tình hình tai nạn lao động\n\nBảng 2. Một số chỉ tiêu\nChỉ tiêu | 9 tháng 2022 | 9 tháng 2023 | Tăng/giảm\nSố vụ tai nạn lao động (vụ) | 18 | 23 | tăng 5 vụ\nSố người chết (người) | 12 | 17 | tăng 5 người`,
    });
    const a = createAssistant(corpus);
    const r = await a.ask({
      question: '9 tháng năm 2023 Bình Phước có bao nhiêu người chết vì tai nạn lao động?',
      history: [],
    });
    expect(r.facts.map((f) => f.value)).toEqual([17]);
    const figures = corpus.figuresOf('binh-phuoc-tnld');
    expect(figures.some((f) => f.value === 2)).toBe(false);
  });
});

describe('issue 17: national figures in a province report, and saying no more than asked', () => {
  it('does not give a province the country\'s figure stated in its report ("toàn quốc … 353 người chết")', async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({
      id: 'dong-nai-tnld-2023',
      text: `Đồng Nai: tai nạn lao động 6 tháng đầu năm 2023\n\nTrong 6 tháng đầu năm 2023, trên địa bàn tỉnh Đồng Nai số người lao động bị chết, bị thương do tai nạn lao động là 96 người.\n\nTheo Bộ LĐ-TB&XH, 6 tháng đầu năm 2023 toàn quốc có 345 vụ tai nạn lao động chết người, làm 353 người chết.`,
    });
    const r = await createAssistant(corpus).ask({
      question: '6 tháng đầu năm 2023 Đồng Nai có bao nhiêu người chết vì tai nạn lao động?',
      history: [],
    });
    expect(r.facts.map((f) => f.value)).not.toContain(353);
  });

  it('prefers, among figures that cover the question alike, the one whose clause says just that', async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({
      id: 'dong-nai-tnld-bang',
      text: `Đồng Nai: tai nạn lao động 6 tháng đầu năm 2023\n\nTrong 6 tháng đầu năm 2023, trên địa bàn tỉnh Đồng Nai số người lao động bị chết, bị thương do tai nạn lao động là 96 người.\n\nBảng 1. Một số chỉ tiêu tai nạn lao động\nChỉ tiêu | 6 tháng 2022 | 6 tháng 2023\nSố người chết (người) | 9 | 14`,
    });
    const r = await createAssistant(corpus).ask({
      question: 'tai nan lao dong dong nai 6 thang dau 2023 so nguoi chet',
      history: [],
    });
    expect(r.facts.map((f) => f.value)).toEqual([14]);
  });
});

describe('issue 17: a total with the part it names', () => {
  it('shows the "trong đó" part stated with a total', async () => {
    const r = await ask('Năm 2024 tổng kinh phí hỗ trợ sửa chữa nhà ở cho hộ nghèo của Bình Dương là bao nhiêu?');
    expect(values(r)).toEqual(expect.arrayContaining([48.6, 30.2]));
  });
});

describe('issue 17: an average is a figure, not a division', () => {
  it('looks up "thu nhập bình quân đầu người" typed without accents', async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({
      id: 'cau-ngang-2022',
      text: `Huyện Cầu Ngang (Trà Vinh) năm 2022\n\nNăm 2022, thu nhập bình quân đầu người của huyện Cầu Ngang đạt 52,4 triệu đồng/người/năm; toàn huyện có 1.250 hộ nghèo.`,
    });
    const r = await createAssistant(corpus).ask({
      question: 'thu nhap binh quan dau nguoi cau ngang 2022',
      history: [],
    });
    expect(r.facts.map((f) => f.value)).toEqual([52.4]);
  });
});

describe('issue 17: ranges and subgroups', () => {
  const report = `Huyện Cầu Kè (Trà Vinh): giảm nghèo 6 tháng đầu năm 2019\n\nTừ đầu năm 2019 đến giữa tháng 6, huyện đã giảm được 0,92% số hộ nghèo (214 hộ); hiện toàn huyện còn 1.870 hộ nghèo. Trong đó, hộ dân tộc Khmer giảm 66 hộ nghèo.`;

  it('reads "từ đầu năm X đến giữa tháng 6" as one span and answers the half year with it', async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({ id: 'cau-ke-2019', text: report });
    const r = await createAssistant(corpus).ask({
      question: '6 tháng đầu năm 2019 huyện Cầu Kè giảm được bao nhiêu hộ nghèo?',
      history: [],
    });
    expect(r.facts.map((f) => f.value)).toEqual(expect.arrayContaining([214, 0.92]));
    expect(r.facts.map((f) => f.value)).not.toContain(66);
  });

  it('answers a subgroup only when the question names it', async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({
      id: 'cau-ke-2019-b',
      text: report.replace('huyện đã giảm được 0,92% số hộ nghèo (214 hộ); ', ''),
    });
    const whole = await createAssistant(corpus).ask({
      question: '6 tháng đầu năm 2019 huyện Cầu Kè giảm được bao nhiêu hộ nghèo?',
      history: [],
    });
    expect(whole.facts.map((f) => f.value)).not.toContain(66);
    const khmer = await createAssistant(corpus).ask({
      question: '6 tháng đầu năm 2019 huyện Cầu Kè có bao nhiêu hộ nghèo dân tộc Khmer thoát nghèo, giảm bao nhiêu?',
      history: [],
    });
    expect(khmer.facts.map((f) => f.value)).toContain(66);
  });
});

describe('issue 17: a figure that has every word of the question', () => {
  it('beats a close one missing a word ("% kế hoạch")', async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({
      id: 'son-la-du-an-4',
      text: `Sơn La: kết quả dự án 4 năm 2023\n\nBảng: Kết quả các tiểu dự án\nTiểu dự án | Vốn bố trí | Giải ngân\nHỗ trợ người lao động đi làm việc ở nước ngoài | 6 tỷ đồng | 12,5%\nHỗ trợ việc làm bền vững | 20 tỷ đồng | 14 tỷ đồng, đạt 70,2% kế hoạch`,
    });
    const r = await createAssistant(corpus).ask({
      question: 'Năm 2023 tiểu dự án hỗ trợ việc làm bền vững của Sơn La giải ngân được bao nhiêu phần trăm kế hoạch?',
      history: [],
    });
    expect(r.facts[0]?.value).toBe(70.2);
  });
});
