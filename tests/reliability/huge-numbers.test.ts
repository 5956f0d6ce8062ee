// Issue 15, finding 3: a report stating a 400-digit number was served with `value: null` and
// answered "Tổng cộng: Infinity hộ (= Infinity + 12)"; a claim with one got "Infinity: báo cáo ghi …".
// A number no double holds, or beyond any welfare quantity, is not a figure, and no answer shows
// a result that is not a finite number.
import { describe, expect, it } from 'vitest';
import { AnswerBuilder, ComputationError } from '../../src/answer/builder.ts';
import { extractFigures } from '../../src/extract/figures.ts';
import { buildReport } from '../../src/ingest/build-report.ts';
import { MAX_FIGURE_VALUE, parseViNumber } from '../../src/text/vi-number.ts';
import { admin, postJson, testApp } from '../helpers/app.ts';

const huge = '9'.repeat(400);

describe('numbers beyond any welfare quantity', () => {
  it('are not read as numbers', () => {
    expect(parseViNumber(huge)).toBeNull();
    expect(parseViNumber('9.999.999.999.999.999')).toBeNull();
    expect(parseViNumber('1.500.000.000.000')).toBe(1.5e12);
    expect(MAX_FIGURE_VALUE).toBe(1e15);
  });

  it('are not figures of a report; the plausible ones beside them are', () => {
    const report = buildReport({ id: 'huge', text: `Năm 2023 huyện A có ${huge} hộ nghèo và 12 hộ cận nghèo.` });
    const figures = extractFigures(report);
    expect(figures.map((f) => f.text)).toEqual(['12 hộ']);
    expect(figures.every((f) => Number.isFinite(f.value) && Number.isFinite(f.normalizedValue))).toBe(true);
  });

  it('never reach an answer as "Infinity", over HTTP, in answers, claims and figure lists', async () => {
    const { app } = await testApp();
    const text = `Báo cáo huyện Thuận Bắc năm 2023. Năm 2023 huyện có ${huge} hộ nghèo và 12 hộ nghèo mới phát sinh. Kinh phí hỗ trợ ${huge} tỷ đồng.`;
    expect((await app.request(postJson('/api/reports', { id: 'huge', text }, admin))).status).toBe(201);
    const bodies = [
      await app.request(
        postJson('/api/ask', { question: 'tổng số hộ nghèo và hộ nghèo mới phát sinh của Thuận Bắc năm 2023' }),
      ),
      await app.request(postJson('/api/verify', { claim: `Thuận Bắc có ${huge} hộ nghèo năm 2023` })),
      await app.request('/api/figures?reportId=huge'),
      await app.request('/api/reports/huge'),
    ];
    for (const res of bodies) {
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).not.toMatch(/Infinity|NaN|"value":null/);
    }
  });

  it('stop a computation whose result is not finite instead of showing it', () => {
    const b = new AnswerBuilder();
    expect(() => b.compute('Tổng', '1 / 0', Number.POSITIVE_INFINITY, 'hộ', [])).toThrow(ComputationError);
    expect(() => b.compute('Tích', '1e15 × 1e15', 1e30, 'hộ', [])).toThrow(ComputationError);
    expect(b.computations).toEqual([]);
    expect(b.compute('Tổng', '14.040 + 9.927', 23967, 'hộ', [], 0)).toBe('23.967 hộ');
  });
});
