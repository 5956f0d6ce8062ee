// Answers chosen by evidence: a figure answers only when its own words, place, period and kind cover
// the question; otherwise "không tìm thấy". Reports written for these tests, in no set's wording.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/answer/assistant.ts';
import type { Assistant } from '../../src/answer/types.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';

const YEN_BAI = `Yên Bái: kết quả công tác lao động, người có công và xã hội năm 2024

Năm 2024, toàn tỉnh Yên Bái hỗ trợ làm nhà ở cho 415 hộ nghèo với kinh phí 20,75 tỷ đồng. Ngân hàng Chính sách xã hội tỉnh cho 2.340 hộ cận nghèo vay vốn sản xuất.

6 tháng đầu năm 2024, trên địa bàn tỉnh xảy ra 14 vụ tai nạn lao động, làm 19 người bị nạn, 6 người chết.

Năm 2024, Bảo hiểm xã hội tỉnh tiếp nhận 3.870 hồ sơ đề nghị hưởng trợ cấp thất nghiệp; số người hưởng trợ cấp thất nghiệp tăng 12% so với năm 2023.

Toàn tỉnh có 108/150 xã đạt chuẩn nông thôn mới.

Năm 2025, tỉnh phấn đấu đưa tỷ lệ hộ nghèo xuống dưới 6%.`;

let assistant: Assistant;

beforeAll(async () => {
  const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
  await corpus.upsert({ id: 'yen-bai-2024', text: YEN_BAI });
  assistant = createAssistant(corpus);
});

const ask = (question: string) => assistant.ask({ question, history: [] });

describe('answers chosen by their evidence', () => {
  it('abstains when no figure says what the question counts', async () => {
    const r = await ask('Năm 2024 Yên Bái hỗ trợ bao nhiêu hộ nghèo học nghề lái xe?');
    expect(r.status).toBe('not_found');
    expect(r.answer).toMatch(/Không tìm thấy/u);
  });

  it('shows the coverage and the missing words that decided', async () => {
    const r = await ask('Năm 2024 Yên Bái hỗ trợ làm nhà ở cho bao nhiêu hộ nghèo bị ảnh hưởng bão lũ?');
    expect(r.status).toBe('not_found');
    expect(r.understood?.evidence?.coverage).toBeLessThan(0.7);
    expect(r.understood?.evidence?.missing).toEqual(expect.arrayContaining(['anh', 'huong', 'lu']));
    const ok = await ask('Năm 2024 Yên Bái hỗ trợ làm nhà ở cho bao nhiêu hộ nghèo?');
    expect(ok.status).toBe('answered');
    expect(ok.facts[0]?.value).toBe(415);
    expect(ok.understood?.evidence?.coverage).toBeGreaterThanOrEqual(0.7);
  });

  it('does not answer a whole year with a part of it', async () => {
    expect((await ask('Cả năm 2024 Yên Bái xảy ra bao nhiêu vụ tai nạn lao động?')).status).toBe('not_found');
    const half = await ask('6 tháng đầu năm 2024 Yên Bái xảy ra bao nhiêu vụ tai nạn lao động?');
    expect(half.status).toBe('answered');
    expect(half.facts[0]?.value).toBe(14);
  });

  it('does not answer "bao nhiêu người" with a count of records', async () => {
    const r = await ask('Năm 2024 Yên Bái có bao nhiêu người hưởng trợ cấp thất nghiệp?');
    expect(r.status).toBe('not_found');
  });

  it('does not answer a level with a change', async () => {
    const r = await ask('Năm 2024 Yên Bái có bao nhiêu người hưởng trợ cấp thất nghiệp?');
    expect(r.facts.some((f) => f.value === 12 && r.status === 'answered')).toBe(false);
  });

  it('does not answer "nhiều nhất" with a figure not stated as the highest', async () => {
    expect((await ask('Huyện nào của Yên Bái được hỗ trợ làm nhà ở cho hộ nghèo nhiều nhất năm 2024?')).status).toBe(
      'not_found',
    );
  });

  it('does not answer a result with a plan', async () => {
    const r = await ask('Tỷ lệ hộ nghèo tỉnh Yên Bái năm 2025 là bao nhiêu?');
    expect(r.status).toBe('not_found');
  });

  it('reads "A/B xã" without a plan as a part of a whole, both results', async () => {
    const r = await ask('Yên Bái có bao nhiêu xã đạt chuẩn nông thôn mới?');
    expect(r.status).toBe('answered');
    const f = r.facts.find((x) => x.value === 108);
    expect(f?.kind).toBe('result');
  });
});

// A district's report that also states its province's figures, and a claim checked by its subject.
const BAO_LAC = `Huyện Bảo Lạc: kết quả giảm nghèo năm 2023

Năm 2023, huyện Bảo Lạc có 9.120 hộ nghèo là người Mông, chiếm 83,5% tổng số hộ nghèo. Năm 2023, huyện Bảo Lạc giảm 412 hộ nghèo; tỷ lệ hộ nghèo của huyện còn 38,4%. Cũng trong năm 2023, toàn tỉnh còn 21.540 hộ nghèo, chiếm 15,2%.

Tổng kinh phí quà Tết Giáp Thìn 2024 của huyện là 3,2 tỷ đồng, giảm 0,4 tỷ đồng so với Tết Quý Mão 2023.`;

describe('places and claims by their subject', () => {
  let district: Assistant;
  beforeAll(async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({
      id: 'bao-lac-2023',
      text: BAO_LAC,
      title: 'Huyện Bảo Lạc (Cao Bằng): kết quả giảm nghèo năm 2023',
    });
    district = createAssistant(corpus);
  });

  it('gives "toàn tỉnh" figures of a district report to the province', async () => {
    const r = await district.ask({ question: 'Năm 2023 tỉnh Cao Bằng còn bao nhiêu hộ nghèo?', history: [] });
    expect(r.status).toBe('answered');
    expect(r.facts[0]?.value).toBe(21540);
    const own = await district.ask({ question: 'Tỷ lệ hộ nghèo huyện Bảo Lạc năm 2023?', history: [] });
    expect(own.facts[0]?.value).toBe(38.4);
  });

  it('does not answer a rate with a share of a total ("chiếm 83,5% tổng số hộ nghèo")', async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({
      id: 'bao-lac-dtts',
      text: 'Huyện Bảo Lạc: hộ nghèo người Mông\n\nNăm 2023, huyện Bảo Lạc có 9.120 hộ nghèo là người Mông, chiếm 83,5% tổng số hộ nghèo.',
    });
    const r = await createAssistant(corpus).ask({
      question: 'Tỷ lệ hộ nghèo huyện Bảo Lạc năm 2023 là bao nhiêu?',
      history: [],
    });
    expect(r.status).toBe('not_found');
    const own = await district.ask({ question: 'Tỷ lệ hộ nghèo huyện Bảo Lạc năm 2023 là bao nhiêu?', history: [] });
    expect(own.facts[0]?.value).toBe(38.4);
  });

  it('asks about the district only when its province is named beside it', async () => {
    const r = await district.ask({
      question: 'Tỷ lệ hộ nghèo huyện Bảo Lạc (Cao Bằng) năm 2023 là bao nhiêu?',
      history: [],
    });
    expect(r.understood?.places).toEqual(['bao lac']);
    expect(r.facts[0]?.value).toBe(38.4);
  });

  it('refutes a claim whose direction is the opposite of the report', async () => {
    const r = await district.verify(
      'Kinh phí quà Tết Giáp Thìn 2024 của huyện Bảo Lạc tăng 0,4 tỷ đồng so với Tết Quý Mão 2023.',
    );
    expect(r.verdict).not.toBe('supported');
  });

  it('does not refute a claim with a figure about something else', async () => {
    const r = await district.verify('Huyện Bảo Lạc có 1.250 hộ được vay vốn tạo việc làm năm 2023.');
    expect(r.verdict).toBe('not_enough_info');
  });
});

// A national summary that also names regions and provinces, and a province's A/B count.
const NATIONAL = `Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2022 trên phạm vi cả nước

Năm 2022, tỷ lệ hộ nghèo chung cả nước là 4,03%. Vùng Tây Nguyên có tỷ lệ hộ nghèo 9,17%, cao gấp hơn hai lần bình quân cả nước.`;
const GIA_LAI = `Tỉnh Gia Lai: kết quả rà soát hộ nghèo năm 2022

Kết quả rà soát năm 2022 toàn tỉnh: hộ nghèo 24.310/412.500 hộ, chiếm 5,89%. Năm 2022, huyện Kông Chro có tỷ lệ hộ nghèo cao nhất tỉnh với 28,4%.`;

describe('the country, regions and parts of a whole', () => {
  let national: Assistant;
  beforeAll(async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
    await corpus.upsert({ id: 'ca-nuoc-2022', text: NATIONAL });
    await corpus.upsert({ id: 'gia-lai-2022', text: GIA_LAI });
    national = createAssistant(corpus);
  });
  const askN = (question: string) => national.ask({ question, history: [] });

  it('answers "cả nước" with the figure whose clause names the country, not a region compared to it', async () => {
    const r = await askN('Tỷ lệ hộ nghèo cả nước năm 2022 là bao nhiêu?');
    expect(r.status).toBe('answered');
    expect(r.facts[0]?.value).toBe(4.03);
  });

  it('answers a region with its own figure', async () => {
    const r = await askN('Tỷ lệ hộ nghèo vùng Tây Nguyên năm 2022?');
    expect(r.facts[0]?.value).toBe(9.17);
  });

  it('abstains for the country in a year no report covers', async () => {
    expect((await askN('Tỷ lệ hộ nghèo cả nước năm 2024 là bao nhiêu?')).status).toBe('not_found');
  });

  it('answers "cao nhất" with the figure stated as the highest', async () => {
    const r = await askN('Huyện nào của Gia Lai có tỷ lệ hộ nghèo cao nhất năm 2022?');
    expect(r.status).toBe('answered');
    expect(r.facts[0]?.value).toBe(28.4);
  });

  it('gives the part and its share for "A/B hộ, chiếm x%"', async () => {
    const r = await askN('Năm 2022 tỉnh Gia Lai còn bao nhiêu hộ nghèo, chiếm tỷ lệ bao nhiêu?');
    expect(r.status).toBe('answered');
    const values = r.facts.map((f) => f.value);
    expect(values).toEqual(expect.arrayContaining([24310, 5.89]));
    expect(r.facts.every((f) => f.kind === 'result')).toBe(true);
  });
});
