import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import { buildReport } from '../../src/ingest/build-report.ts';
import { seedReports } from '../helpers/seed-reports.ts';

describe('buildReport', () => {
  it.each(seedReports.map((s) => [s.file, s] as const))(
    'builds a report whose passages slice its text for %s',
    (_f, s) => {
      const report = buildReport({ id: s.id, text: s.raw, source: `seeds/${s.file}` });
      expect(report.id).toBe(s.id);
      expect(report.source).toBe(`seeds/${s.file}`);
      expect(report.passages.length).toBeGreaterThan(0);
      for (const p of report.passages) {
        expect(p.reportId).toBe(s.id);
        expect(report.text.slice(p.start, p.end).trim()).toBe(report.text.slice(p.start, p.end));
      }
    },
  );

  it.each(seedReports.map((s) => [s.file, s.raw] as const))(
    'stores NFC text that cleaning leaves unchanged for %s',
    (_f, raw) => {
      const { text } = buildReport({ id: 'x', text: raw });
      expect(text).toBe(text.normalize('NFC'));
      expect(buildReport({ id: 'x', text }).text).toBe(text);
    },
  );

  it('uses the caller title and date over the text', () => {
    const report = buildReport({
      id: 'n1',
      text: 'Tỉnh Ninh Bình giảm 1,2% hộ nghèo năm 2023.',
      title: 'Ninh Bình giảm nghèo',
      publishedAt: '2024-01-15',
    });
    expect(report.title).toBe('Ninh Bình giảm nghèo');
    expect(report.publishedAt).toBe('2024-01-15');
    expect(report.place?.name).toBe('Ninh Bình');
  });

  it('sets source to null when none is given', () => {
    expect(buildReport({ id: 'n2', text: 'Tỉnh Yên Bái giảm 3% hộ nghèo năm 2023.' }).source).toBeNull();
  });

  it.each([[''], ['   \n\n  '], ['Your Website Title\nTin mới\nEmpty']])('throws EMPTY_TEXT for %j', (text) => {
    expect(() => buildReport({ id: 'e', text })).toThrowError(expect.objectContaining({ code: 'EMPTY_TEXT' }));
  });

  it('throws an AppError with MISSING_ID for a blank id', () => {
    try {
      buildReport({ id: ' ', text: 'Tỉnh Cao Bằng.' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('MISSING_ID');
    }
  });
});
