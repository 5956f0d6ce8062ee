// Folding through tables (fold.ts, fold-aligned.ts) must give what the NFD definition gives, for
// every UTF-16 unit and for real text: ingest and search fold millions of words with them.
import { describe, expect, it } from 'vitest';
import { foldVi } from '../../src/text/fold.ts';
import { foldAligned, hasDiacritics } from '../../src/text/fold-aligned.ts';
import { seedReports } from '../helpers/seed-reports.ts';

const byDefinition = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
const unitByDefinition = (ch: string) => {
  const f = byDefinition(ch);
  return f.length === 1 ? f : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
};
const units = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));

describe('foldVi', () => {
  it('folds every UTF-16 unit as NFD and stripping marks do', () => {
    expect(units.filter((ch) => foldVi(ch) !== byDefinition(ch))).toEqual([]);
  });

  it('folds the seeds, whole and word by word, as NFD and stripping marks do', () => {
    for (const { raw } of seedReports) {
      expect(foldVi(raw)).toBe(byDefinition(raw));
      expect(foldVi(raw.normalize('NFD'))).toBe(byDefinition(raw.normalize('NFD')));
      for (const w of raw.split(/\s+/)) expect(foldVi(w)).toBe(byDefinition(w));
    }
  });

  it.each([
    ['Hộ nghèo Quảng Trị', 'ho ngheo quang tri'],
    ['ĐẮK LẮK', 'dak lak'],
    ['Σας', 'σας'],
    ['', ''],
  ])('folds %j to %j', (s, out) => {
    expect(foldVi(s)).toBe(out);
  });
});

describe('foldAligned', () => {
  it('folds every UTF-16 unit to one unit, as foldVi folds it when that is one unit', () => {
    expect(units.filter((ch) => foldAligned(ch) !== unitByDefinition(ch))).toEqual([]);
  });

  it('keeps the length of texts longer than one conversion chunk', () => {
    const text = seedReports.map((s) => s.raw).join('\n');
    const folded = foldAligned(text);
    expect(folded.length).toBe(text.length);
    expect(folded).toBe(text.split('').map(unitByDefinition).join(''));
  });

  it('tells accented text from text without accents', () => {
    expect(hasDiacritics('Quảng Trị')).toBe(true);
    expect(hasDiacritics('Quang Tri')).toBe(false);
  });
});
