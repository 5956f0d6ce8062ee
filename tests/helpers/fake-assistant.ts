// A test double of the answering core: fixed answers with facts, computations and citations, and a
// record of what each surface asked, so the surfaces' tests do not depend on the core's answers.
import type { Assistant } from '../../src/answer/types.ts';
import type { AskBody, AskResponse } from '../../src/contract.ts';

export const QT_REPORT = '001_81891852024e78d9';

export const ANSWERED: AskResponse = {
  status: 'answered',
  answer:
    'Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo, chiếm 7,71% [1]. So với đầu năm, tỷ lệ giảm 2,24 điểm % [1][2].',
  facts: [
    {
      id: 'f1',
      metric: 'poor_households',
      label: 'hộ nghèo',
      value: 14040,
      unit: 'hộ',
      place: 'Quảng Trị',
      period: 'cuối năm 2023',
      kind: 'result',
      reportId: QT_REPORT,
      citation: 1,
      text: '14.040 hộ',
    },
    {
      id: 'f2',
      metric: 'poverty_rate',
      label: 'tỷ lệ hộ nghèo',
      value: 7.71,
      unit: '%',
      place: 'Quảng Trị',
      period: 'cuối năm 2023',
      kind: 'result',
      reportId: QT_REPORT,
      citation: 1,
      text: '7,71%',
    },
  ],
  computations: [
    {
      label: 'Tỷ lệ hộ nghèo giảm',
      formula: '9,95 − 7,71',
      value: 2.24,
      unit: 'điểm %',
      inputs: ['f3', 'f2'],
      rounding: '2 chữ số thập phân',
    },
  ],
  citations: [
    {
      n: 1,
      reportId: QT_REPORT,
      title: 'Sở LĐ-TB&XH tỉnh Quảng Trị triển khai nhiệm vụ năm 2024',
      quote: 'Đến cuối năm 2023, toàn tỉnh Quảng Trị còn 14.040 hộ nghèo, chiếm tỷ lệ 7,71%',
      start: 100,
      end: 178,
    },
    {
      n: 2,
      reportId: QT_REPORT,
      title: 'Báo cáo <b>thử</b> & "trích dẫn"',
      quote: 'tỷ lệ hộ nghèo đầu năm là 9,95% <script>alert(1)</script>',
      start: 300,
      end: 350,
    },
  ],
  suggestions: [],
};

export const NOT_FOUND: AskResponse = {
  status: 'not_found',
  answer: 'Không tìm thấy số hộ nghèo của Cà Mau trong các báo cáo.',
  facts: [],
  computations: [],
  citations: [],
  suggestions: ['hộ nghèo Quảng Trị cuối 2023?', 'hộ nghèo Bắc Kạn năm 2024?'],
};

export interface FakeAssistant extends Assistant {
  asked: AskBody[];
  verified: string[];
}

/** `answer` picks the response per question; by default every question gets ANSWERED. */
export function fakeAssistant(
  answer: (body: AskBody) => AskResponse | Promise<AskResponse> = () => ANSWERED,
): FakeAssistant {
  const asked: AskBody[] = [];
  const verified: string[] = [];
  return {
    asked,
    verified,
    async ask(body) {
      asked.push(body);
      return answer(body);
    },
    async verify(claim) {
      verified.push(claim);
      return { ...ANSWERED, verdict: 'refuted' };
    },
  };
}
