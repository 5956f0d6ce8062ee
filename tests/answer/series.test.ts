// A series over time from the real core: a Vietnamese question in, one cited result a period out,
// plans kept apart; and no series when the reports hold fewer than two periods.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/answer/assistant.ts';
import { parseQuestion } from '../../src/answer/question.ts';
import { seriesAsked } from '../../src/answer/series.ts';
import type { Assistant } from '../../src/answer/types.ts';
import { type AskResponse, AskResponse as AskResponseSchema } from '../../src/contract.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { seeds } from '../helpers/app.ts';
import { unbackedNumbers } from '../helpers/backed-numbers.ts';

// Reports written for this test, one a year, phrased as provincial reports are.
const NGHE_AN: Record<number, string> = {
  2021: `Báo cáo kết quả thực hiện công tác giảm nghèo tỉnh Nghệ An năm 2021

Theo kết quả rà soát, đến cuối năm 2021 toàn tỉnh Nghệ An còn 54.210 hộ nghèo, tỷ lệ hộ nghèo là 6,15%.`,
  2022: `Báo cáo kết quả thực hiện công tác giảm nghèo tỉnh Nghệ An năm 2022

Đến cuối năm 2022, toàn tỉnh Nghệ An còn 47.380 hộ nghèo, tỷ lệ hộ nghèo còn 5,33%. Năm 2025, tỉnh phấn đấu giảm số hộ nghèo xuống còn 30.000 hộ.`,
  2023: `Báo cáo tổng kết công tác giảm nghèo năm 2023 của tỉnh Nghệ An

Đến cuối năm 2023, toàn tỉnh Nghệ An còn 39.941 hộ nghèo, tỷ lệ hộ nghèo giảm còn 4,45%.`,
  2024: `Báo cáo kết quả giảm nghèo tỉnh Nghệ An năm 2024

Kết quả rà soát cuối năm 2024, toàn tỉnh Nghệ An còn 33.062 hộ nghèo, tỷ lệ hộ nghèo là 3,62%.`,
};

// A province with one period only: there is no series to draw.
const HA_TINH = `Báo cáo kết quả giảm nghèo tỉnh Hà Tĩnh năm 2023

Đến cuối năm 2023, toàn tỉnh Hà Tĩnh còn 9.816 hộ nghèo, tỷ lệ hộ nghèo là 2,6%.`;

let assistant: Assistant;
const texts = new Map<string, string>();

beforeAll(async () => {
  const corpus = await Corpus.open({ store: new MemoryStore(), seeds: await seeds() });
  for (const [year, text] of Object.entries(NGHE_AN)) await corpus.upsert({ id: `nghe-an-${year}`, text });
  await corpus.upsert({ id: 'ha-tinh-2023', text: HA_TINH });
  for (const r of corpus.list()) texts.set(r.id, r.text);
  assistant = createAssistant(corpus);
});

const ask = (question: string) => assistant.ask({ question, history: [] });

function expectCitedSeries(question: string, r: AskResponse) {
  expect(() => AskResponseSchema.parse(r)).not.toThrow();
  for (const c of r.citations) expect(texts.get(c.reportId)?.slice(c.start, c.end)).toBe(c.quote);
  for (const p of r.series?.points ?? []) {
    const fact = r.facts.find((f) => f.id === p.factId);
    expect(fact?.kind).toBe('result');
    expect(fact?.value).toBe(p.value);
    expect(fact?.citation).toBe(p.citation);
    expect(r.citations.find((c) => c.n === p.citation)?.quote).toContain(fact?.text);
  }
  expect(unbackedNumbers(question, r)).toEqual([]);
}

describe('reading a series question', () => {
  it.each([
    ['hộ nghèo Nghệ An 2021–2024', { from: 2021, to: 2024, years: null }],
    ['số hộ nghèo Nghệ An từ năm 2021 đến 2024?', { from: 2021, to: 2024, years: null }],
    ['tỷ lệ hộ nghèo Nghệ An qua các năm', { from: null, to: null, years: null }],
    ['ty le ho ngheo nghe an qua cac nam', { from: null, to: null, years: null }],
    ['Diễn biến số hộ nghèo của Nghệ An các năm 2022, 2023, 2024', { from: null, to: null, years: [2022, 2023, 2024] }],
    ['Biến động tỷ lệ hộ nghèo Điện Biên', { from: null, to: null, years: null }],
  ])('reads "%s" as a series', (question, span) => {
    expect(seriesAsked(parseQuestion(question))).toMatchObject(span);
  });

  it.each([
    'hộ nghèo Nghệ An cuối năm 2023?',
    'Tổng số hộ thoát nghèo của Nghệ An giai đoạn 2021-2024?',
    'Tỷ lệ lao động qua đào tạo của Long An cả giai đoạn 2021 - 2024 đạt bao nhiêu?',
    'Bình quân mỗi năm Nghệ An giảm được bao nhiêu hộ nghèo?',
    'Kế hoạch giảm hộ nghèo của Nghệ An qua các năm?',
    'Tỷ lệ hộ nghèo huyện Tuần Giáo (Điện Biên) năm 2023 là bao nhiêu?',
    'ty le ho ngheo dien bien 2023',
    'Cao Bằng xây mới bao nhiêu căn nhà trong chương trình xóa nhà tạm 2021-2025?',
  ])('reads "%s" as one value, not a series', (question) => {
    expect(seriesAsked(parseQuestion(question))).toBeNull();
  });
});

describe('answering a series', () => {
  it('gives the poor households of Nghệ An 2021–2024 as four cited results, oldest first', async () => {
    const question = 'hộ nghèo Nghệ An 2021–2024';
    const r = await ask(question);
    expect(r.status).toBe('answered');
    expect(r.series?.metric).toBe('poor_households');
    expect(r.series?.unit).toBe('hộ');
    expect(r.series?.points.map((p) => [p.year, p.value])).toEqual([
      [2021, 54210],
      [2022, 47380],
      [2023, 39941],
      [2024, 33062],
    ]);
    expect(r.series?.points.map((p) => p.period)).toEqual([
      'cuối năm 2021',
      'cuối năm 2022',
      'cuối năm 2023',
      'cuối năm 2024',
    ]);
    expect(new Set(r.series?.points.map((p) => r.citations.find((c) => c.n === p.citation)?.reportId))).toEqual(
      new Set(['nghe-an-2021', 'nghe-an-2022', 'nghe-an-2023', 'nghe-an-2024']),
    );
    expectCitedSeries(question, r);
  });

  it('computes the change from the first point to the last, with its formula', async () => {
    const r = await ask('hộ nghèo Nghệ An 2021–2024');
    expect(r.computations).toEqual([
      expect.objectContaining({ label: 'Mức giảm', formula: '54.210 − 33.062', value: 21148, unit: 'hộ' }),
    ]);
    expect(r.answer).toContain('giảm 21.148 hộ');
  });

  it('gives a rate over the years the reports hold when asked "qua các năm"', async () => {
    const question = 'Tỷ lệ hộ nghèo của Nghệ An qua các năm?';
    const r = await ask(question);
    expect(r.series?.unit).toBe('%');
    expect(r.series?.points.map((p) => p.value)).toEqual([6.15, 5.33, 4.45, 3.62]);
    expect(r.computations[0]?.label).toBe('Mức giảm (điểm phần trăm)');
    expectCitedSeries(question, r);
  });

  it('keeps to the years asked', async () => {
    const r = await ask('số hộ nghèo Nghệ An từ năm 2022 đến 2023');
    expect(r.series?.points.map((p) => p.year)).toEqual([2022, 2023]);
  });

  it('names a plan as a plan and never makes it a point', async () => {
    const question = 'số hộ nghèo Nghệ An qua các năm';
    const r = await ask(question);
    expect(r.series?.points.every((p) => r.facts.find((f) => f.id === p.factId)?.kind === 'result')).toBe(true);
    expect(r.series?.points.some((p) => p.value === 30000)).toBe(false);
    const plan = r.facts.find((f) => f.value === 30000);
    expect(plan?.kind).toBe('target');
    expect(r.answer).toMatch(/Kế hoạch năm 2025: 30\.000 hộ \(chỉ tiêu, không phải kết quả/u);
    expectCitedSeries(question, r);
  });

  it('gives no series when the reports hold one period only, and answers that one value', async () => {
    const r = await ask('số hộ nghèo Hà Tĩnh qua các năm');
    expect(r.series).toBeUndefined();
    expect(r.status).toBe('answered');
    expect(r.facts.map((f) => f.value)).toContain(9816);
  });

  it('abstains for a range of years the reports hold no period of, offering the nearest figures', async () => {
    const r = await ask('hộ nghèo Hà Tĩnh 2020–2022');
    expect(r.series).toBeUndefined();
    expect(r.status).toBe('not_found');
    expect(r.answer).toMatch(/^Không tìm thấy/u);
  });

  it('answers a question about one period as before, without a series', async () => {
    const r = await ask('hộ nghèo Nghệ An cuối năm 2023?');
    expect(r.series).toBeUndefined();
    expect(r.facts[0]?.value).toBe(39941);
  });
});

describe('a series question naming no place', () => {
  it('answers with the one place whose reports hold a series, naming it', async () => {
    const r = await ask('Tỷ lệ hộ nghèo qua các năm?');
    expect(r.status).toBe('answered');
    expect(r.series?.place).toBe('Nghệ An');
    expect(r.answer).toMatch(/^Tỷ lệ hộ nghèo của tỉnh Nghệ An qua các năm \(2021–2024\)/u);
  });

  it('asks which place when several places have a series, offering each as a question', async () => {
    const corpus = await Corpus.open({ store: new MemoryStore(), seeds: await seeds() });
    for (const [year, text] of Object.entries(NGHE_AN)) await corpus.upsert({ id: `nghe-an-${year}`, text });
    for (const [year, count, rate] of [
      [2022, '38.214', '3,53'],
      [2023, '30.120', '2,78'],
    ]) {
      await corpus.upsert({
        id: `thanh-hoa-${year}`,
        text: `Báo cáo công tác giảm nghèo tỉnh Thanh Hóa năm ${year}\n\nĐến cuối năm ${year}, toàn tỉnh Thanh Hóa còn ${count} hộ nghèo, tỷ lệ hộ nghèo là ${rate}%.`,
      });
    }
    const r = await createAssistant(corpus).ask({ question: 'Tỷ lệ hộ nghèo qua các năm?', history: [] });
    expect(r.status).toBe('ambiguous');
    expect(r.series).toBeUndefined();
    expect(r.answer).toMatch(/^Câu hỏi chưa nêu địa bàn/u);
    expect(r.suggestions).toEqual(
      expect.arrayContaining(['Tỷ lệ hộ nghèo Nghệ An qua các năm', 'Tỷ lệ hộ nghèo Thanh Hóa qua các năm']),
    );
    const followUp = await createAssistant(corpus).ask({
      question: 'Tỷ lệ hộ nghèo Thanh Hóa qua các năm',
      history: [],
    });
    expect(followUp.series?.points.map((p) => p.value)).toEqual([3.53, 2.78]);
  });
});
