// Answers chosen by evidence: a figure answers only when its own words, place, period and kind cover
// the question; otherwise "không tìm thấy". Reports written for these tests, in no set's wording.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/answer/assistant.ts';
import type { Assistant } from '../../src/answer/types.ts';
import { Corpus } from '../../src/corpus.ts';
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
