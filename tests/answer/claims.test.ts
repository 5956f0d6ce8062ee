// claimIn: which messages state a claim to check and what the claim is without its asking words.
// Every surface (chat page, /v1/chat/completions, Telegram, Zalo) reads messages with it.
import { describe, expect, it } from 'vitest';
import { answerMessage, claimIn } from '../../src/answer/claims.ts';
import { ANSWERED, fakeAssistant } from '../helpers/fake-assistant.ts';

describe('claimIn', () => {
  it.each([
    ['Cuối 2023 Quảng Trị còn 14.040 hộ nghèo, đúng không?', 'Cuối 2023 Quảng Trị còn 14.040 hộ nghèo'],
    ['Quảng Trị còn 14.040 hộ nghèo có đúng không?', 'Quảng Trị còn 14.040 hộ nghèo'],
    ['Quảng Trị còn 14.040 hộ nghèo phải không ?', 'Quảng Trị còn 14.040 hộ nghèo'],
    ['Tỷ lệ hộ nghèo Quảng Trị là 7,71%, đúng chứ?', 'Tỷ lệ hộ nghèo Quảng Trị là 7,71%'],
    ['Quảng Trị giải ngân 4,5 tỷ đồng, có chính xác không?', 'Quảng Trị giải ngân 4,5 tỷ đồng'],
    ['Có đúng là Quảng Trị còn 14.040 hộ nghèo không?', 'Quảng Trị còn 14.040 hộ nghèo'],
    [
      'Có đúng là năm 2024 huyện Tuần Giáo hỗ trợ làm nhà cho 376 hộ nghèo?',
      'năm 2024 huyện Tuần Giáo hỗ trợ làm nhà cho 376 hộ nghèo',
    ],
    ['Có phải năm 2023 Quảng Trị còn 14.040 hộ nghèo không?', 'năm 2023 Quảng Trị còn 14.040 hộ nghèo'],
    ['có phải là Quảng Trị còn 14.040 hộ nghèo chăng', 'Quảng Trị còn 14.040 hộ nghèo'],
    ['Kiểm tra: Quảng Trị còn 15.040 hộ nghèo', 'Quảng Trị còn 15.040 hộ nghèo'],
    ['kiểm tra giúp tôi Quảng Trị còn 15.040 hộ nghèo', 'Quảng Trị còn 15.040 hộ nghèo'],
    ['Xác minh: cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo.', 'cuối năm 2023 Quảng Trị còn 15.040 hộ nghèo.'],
    ['/kiemtra Quảng Trị còn 15.040 hộ nghèo', 'Quảng Trị còn 15.040 hộ nghèo'],
    ['Quảng Trị còn 14.040 hộ nghèo, thật không?', 'Quảng Trị còn 14.040 hộ nghèo'],
    ['Quảng Trị còn 14.040 hộ nghèo có thật không?', 'Quảng Trị còn 14.040 hộ nghèo'],
    [
      'Phóng viên hỏi: Tết 2025 Hậu Giang chi 14 tỷ đồng quà Tết, đúng không?',
      'Phóng viên hỏi: Tết 2025 Hậu Giang chi 14 tỷ đồng quà Tết',
    ],
  ])('reads "%s" as the claim "%s"', (message, claim) => {
    expect(claimIn(message)).toBe(claim);
  });

  it.each([
    // Questions, however phrased.
    'hộ nghèo Quảng Trị cuối 2023?',
    'Cuối năm 2023 Quảng Trị còn bao nhiêu hộ nghèo?',
    'Quảng Trị còn bao nhiêu hộ nghèo năm 2023, đúng không?',
    'Có đúng là Quảng Trị còn mấy hộ nghèo năm 2023 không?',
    'Tỷ lệ hộ nghèo Quảng Trị năm 2023 có giảm không?',
    'So sánh hộ nghèo Quảng Trị 2022 và 2023',
    // No figure to check: the only numbers are years, quarters or months.
    'Quảng Trị còn hộ nghèo, đúng không?',
    'Năm 2023 Quảng Trị giảm hộ nghèo, đúng không?',
    'Có phải năm 2023 Quảng Trị hết hộ nghèo không?',
    'Quý 3 năm 2024 Quảng Trị có giải ngân không, đúng không?',
    'Kiểm tra số hộ nghèo Quảng Trị năm 2023',
    // "kiểm tra" as "look up": nothing is stated of the number.
    'Kiểm tra tỷ lệ hộ nghèo 5 huyện của Quảng Trị',
    // Words that look alike inside a question.
    'Đúng không có báo cáo nào về Quảng Trị năm 2023?',
    '',
  ])('reads "%s" as a question', (message) => {
    expect(claimIn(message)).toBeNull();
  });
});

describe('answerMessage', () => {
  it('sends a claim to verify and names the claim and its verdict', async () => {
    const assistant = fakeAssistant();
    const res = await answerMessage(assistant, { question: 'Quảng Trị còn 15.040 hộ nghèo, đúng không?', history: [] });
    expect(assistant.verified).toEqual(['Quảng Trị còn 15.040 hộ nghèo']);
    expect(assistant.asked).toEqual([]);
    expect(res.verdict).toBe('refuted');
    expect(res.verification).toEqual({ verdict: 'refuted', claim: 'Quảng Trị còn 15.040 hộ nghèo' });
  });

  it('sends a question to ask unchanged', async () => {
    const assistant = fakeAssistant();
    const res = await answerMessage(assistant, { question: 'hộ nghèo Quảng Trị cuối 2023?', history: [] });
    expect(res).toEqual(ANSWERED);
    expect(assistant.verified).toEqual([]);
    expect(res.verification).toBeUndefined();
  });
});
