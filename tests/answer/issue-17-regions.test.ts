// Issue 17: the national "tỷ lệ nghèo đa chiều" (poor and near-poor together), regional rows of a
// wide table, and table columns that carry their own unit or a change. Behaviour: a Vietnamese
// question in, the right figure or an abstention out, on reports written for these tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/answer/assistant.ts';
import type { Assistant } from '../../src/answer/types.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';

const TOAN_QUOC = `Thông tin tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo toàn quốc năm 2024

Kết quả rà soát năm 2024: tỷ lệ nghèo đa chiều chung toàn quốc là 4,06%; tổng số hộ nghèo và hộ cận nghèo đa chiều là 1.148.620 hộ. Tỷ lệ hộ nghèo chung cả nước là 1,93%.

Bảng 1. Tỷ lệ nghèo đa chiều và tổng số hộ nghèo, cận nghèo theo vùng
Vùng | Năm 2023: tỷ lệ (%) | Năm 2023: số hộ | Năm 2024: tỷ lệ (%) | Năm 2024: số hộ
Tây Nguyên | 12,10 | 190.400 | 9,75 | 154.300
Đông Nam Bộ | 0,25 | 11.020 | 0,18 | 8.140
Toàn quốc | 5,60 | 1.560.000 | 4,06 | 1.148.620`;

const HUYEN = `Tỉnh Hà Giang: tỷ lệ hộ nghèo các huyện năm 2024

Bảng 2. Tỷ lệ hộ nghèo một số huyện năm 2024
| Đơn vị | Tỷ lệ hộ nghèo năm 2024 (%) | Mức giảm so với năm 2022 (%) |
|---|---|---|
| Huyện Mèo Vạc | 31,40 | 6,20 |
| Huyện Đồng Văn | 29,80 | 5,10 |

Bảng 3. Lao động đi làm việc ở nước ngoài theo hợp đồng, năm 2024
STT | Huyện | Số người (người) | Tỷ lệ (%)
1 | Huyện Mèo Vạc | 410 | 35,20
2 | Huyện Đồng Văn | 380 | 32,60
`;

let assistant: Assistant;

beforeAll(async () => {
  const corpus = await Corpus.open({ store: new MemoryStore(), seeds: [] });
  await corpus.upsert({ id: 'toan-quoc-2024', text: TOAN_QUOC });
  await corpus.upsert({ id: 'ha-giang-huyen-2024', text: HUYEN });
  assistant = createAssistant(corpus);
});

const ask = (question: string) => assistant.ask({ question, history: [] });
const values = (r: { facts: { value: number }[] }) => r.facts.map((f) => f.value);

describe('issue 17: "tỷ lệ nghèo đa chiều" of the country and of a region', () => {
  it("answers the country's rate and the count of poor and near-poor households stated with it", async () => {
    const r = await ask('Tỷ lệ nghèo đa chiều chung cả nước năm 2024 là bao nhiêu?');
    expect(r.status).toBe('answered');
    expect(values(r)).toEqual([4.06, 1148620]);
  });

  it("reads a region's row of a wide table: the rate column in %, the count column beside it", async () => {
    const r = await ask('ty le ho ngheo, can ngheo tay nguyen 2024');
    expect(r.status).toBe('answered');
    expect(values(r)).toEqual([9.75, 154300]);
  });

  it('names the country or the region a figure belongs to, never "không rõ địa bàn"', async () => {
    expect((await ask('Tỷ lệ nghèo đa chiều chung cả nước năm 2024 là bao nhiêu?')).answer).toMatch(
      /của cả nước năm 2024: 4,06%/,
    );
    const region = await ask('ty le ho ngheo, can ngheo tay nguyen 2024');
    expect(region.answer).toContain('vùng Tây Nguyên');
    expect(region.answer).not.toContain('không rõ địa bàn');
  });

  it("does not answer a region with the country's figure", async () => {
    const r = await ask('Tỷ lệ nghèo đa chiều chung vùng Đồng bằng sông Cửu Long năm 2024?');
    expect(r.status).toBe('not_found');
  });
});

describe('issue 17: comparing two regions, or a region and the country', () => {
  it('takes each side from the row of the region it names and subtracts in points', async () => {
    const r = await ask(
      'So sánh tỷ lệ hộ nghèo, cận nghèo năm 2024 của vùng Tây Nguyên và Đông Nam Bộ, chênh lệch bao nhiêu điểm %?',
    );
    expect(r.status).toBe('answered');
    expect(r.computations[0]?.formula).toBe('9,75 − 0,18');
    expect(r.computations[0]?.value).toBeCloseTo(9.57, 6);
  });

  it("compares a region with the country's figure", async () => {
    const r = await ask('Tỷ lệ hộ nghèo, cận nghèo năm 2024 của Tây Nguyên cao hơn cả nước bao nhiêu?');
    expect(r.computations[0]?.formula).toBe('9,75 − 4,06');
  });
});

describe('issue 17: table columns', () => {
  it('reads a column headed "Mức giảm so với năm X" as a change, not as the level of year X', async () => {
    const r = await ask('Tỷ lệ hộ nghèo huyện Mèo Vạc năm 2022 là bao nhiêu?');
    expect(r.status).toBe('not_found');
    expect(r.facts.find((f) => f.value === 6.2)?.kind).toBe('change');
  });

  it('reads the last cell of a piped row and the unit its column header declares', async () => {
    const r = await ask('Năm 2024 huyện Đồng Văn có bao nhiêu người đi xuất khẩu lao động?');
    expect(r.status).toBe('answered');
    expect(values(r)).toEqual(expect.arrayContaining([380, 32.6]));
  });
});
