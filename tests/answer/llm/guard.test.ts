import { describe, expect, it } from 'vitest';
import { type Allowance, checkNumbers } from '../../../src/answer/llm/guard.ts';

// Quảng Trị end of 2023: 14.040 poor households (7,71%), 9.927 near-poor; a sum and a share computed by code.
const allow: Allowance = {
  values: [
    { value: 14040, unit: 'hộ' },
    { value: 7.71, unit: '%' },
    { value: 9927, unit: 'hộ' },
    { value: 23967, unit: 'hộ' },
    { value: 13.157894, unit: '%' },
    { value: 4.5, unit: 'tỷ đồng' },
  ],
  trusted: ['cuối năm 2023', '6 tháng đầu năm 2024', 'đến 30/6/2023'],
  markers: [1, 2],
};

describe('the number guard', () => {
  it.each([
    ['Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo, chiếm 7,71% [1].'],
    ['Tổng số hộ nghèo và cận nghèo là 23.967 hộ [1][2].'],
    ['Tỷ lệ này khoảng 13,16% [1, 2].'],
    ['Tỷ lệ hộ nghèo khoảng 7,7% [1].'],
    ['Khoảng 14,04 nghìn hộ nghèo [1].'],
    ['Gần 24 nghìn hộ [1].'],
    ['Kinh phí 4,5 tỷ đồng, tức 4.500 triệu đồng [2].'],
    ['Trong 6 tháng đầu năm 2024 và đến 30/6/2023 [2].'],
    ['Hàng chục nghìn hộ được hỗ trợ; một số hộ còn khó khăn; hai năm liền giảm nghèo [1].'],
    ['Diện tích nhà tính bằng m², tổng 14.040 hộ [1].'],
  ])('passes "%s"', (text) => {
    expect(checkNumbers(text, allow)).toEqual({ ok: true, offendingNumbers: [], badMarkers: [] });
  });

  it.each([
    ['Quảng Trị có 99.999 hộ nghèo [1].', ['99.999']],
    ['Quảng Trị còn 15.040 hộ nghèo [1].', ['15.040']],
    ['Tỷ lệ hộ nghèo khoảng 8% [1].', ['8']],
    ['Còn 14,04 hộ nghèo [1].', ['14,04']],
    ['Còn 14.040 nghìn hộ nghèo [1].', ['14.040']],
    ['Tỷ lệ 7.71% [1].', ['7', '71']],
    ['Năm 2019 Quảng Trị đã giảm nghèo [1].', ['2019']],
    ['Đến 31/12/2022 [1].', ['31/12/2022']],
    ['Khoảng chín mươi chín nghìn hộ nghèo [1].', ['chín mươi chín nghìn']],
    // Issue 15: hostile replies slipped numbers past the digit scan in these ways.
    ['Quảng Trị còn năm chục nghìn hộ nghèo [1].', ['năm chục nghìn']],
    ['Quảng Trị còn hai vạn hộ nghèo [1].', ['hai vạn']],
    ['Khoảng mười hai nghìn hộ [1].', ['mười hai nghìn']],
    ['Tỷ lệ giảm bảy phần trăm [1].', ['bảy phần trăm']],
    ['Quảng Trị còn nửa triệu hộ nghèo [1].', ['nửa triệu']],
    ['Quảng Trị còn ５０.０００ hộ nghèo [1].', ['５', '０', '.', '０', '０', '０'].filter((c) => c !== '.')],
    ['Quảng Trị còn ٥٠ hộ nghèo [1].', ['٥', '٠']],
    ['Khoảng ½ số hộ [1].', ['½']],
    ['Quảng Trị còn 2 vạn hộ nghèo [1].', ['2']],
    ['Quảng Trị còn 5 chục hộ [1].', ['5']],
    ['Quảng Trị còn 1,2 triệu hộ nghèo [1].', ['1,2']],
  ])('refuses "%s", naming %j', (text, offending) => {
    const r = checkNumbers(text, allow);
    expect(r.ok).toBe(false);
    expect(r.offendingNumbers).toEqual(offending);
  });

  it('refuses a citation marker that names no citation', () => {
    const r = checkNumbers('Quảng Trị còn 14.040 hộ nghèo [3].', allow);
    expect(r.ok).toBe(false);
    expect(r.badMarkers).toEqual(['[3]']);
  });
});
