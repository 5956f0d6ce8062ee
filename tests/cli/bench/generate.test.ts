import { describe, expect, it } from 'vitest';
import {
  generateCorpus,
  generateReport,
  listSlots,
  listUnits,
  slotId,
  TEMPLATE_COUNT,
  YEARS,
} from '../../../src/cli/bench/generate.ts';
import { buildReport } from '../../../src/ingest/build-report.ts';

describe('generateCorpus', () => {
  it('gives the same reports on every run', () => {
    const a = generateCorpus(20);
    const b = generateCorpus(20);
    expect(a.map((r) => r.text)).toEqual(b.map((r) => r.text));
  });

  it('has 50.000 distinct slots: every unit half-yearly for 2019–2025 first, then quarters and earlier years', () => {
    const slots = listSlots();
    expect(slots.length).toBeGreaterThanOrEqual(50_000);
    const units = new Set(slots.map((s) => `${s.unit.level}:${s.unit.code}`));
    expect(units.size).toBe(listUnits().length);
    // The first 10.000 are the slots earlier runs used, in their order, so a size measures the same reports.
    expect(new Set(slots.slice(0, 10_000).map((s) => s.year))).toEqual(new Set(YEARS));
    expect(Math.min(...slots.map((s) => s.year))).toBe(2009);
    expect(new Set(slots.map(slotId)).size).toBe(slots.length);
  });

  it('leaves the seeds their own slots', () => {
    const taken = listSlots().filter(
      (s) =>
        (s.unit.level === 'province' && s.unit.code === '45' && s.year === 2023 && s.span === 'fy') ||
        (s.unit.name === 'Tây Sơn' && s.year === 2023 && s.span === 'h1'),
    );
    expect(taken).toEqual([]);
  });

  it('writes from at least 30 sentence templates', () => {
    expect(TEMPLATE_COUNT).toBeGreaterThanOrEqual(30);
  });

  it('states every recorded figure in the text, in vi-VN notation', () => {
    for (const r of generateCorpus(50)) {
      for (const f of r.facts) expect(r.text).toContain(f.quote);
    }
    expect(generateCorpus(50).some((r) => /\d{1,3}\.\d{3}/.test(r.text) && /\d,\d+%/.test(r.text))).toBe(true);
  });

  it('gives reports that ingest to their own place', () => {
    const reports = generateCorpus(60);
    const placed = reports.filter((g) => buildReport({ id: g.id, text: g.text }).place?.name === g.slot.unit.name);
    expect(placed.length / reports.length).toBeGreaterThan(0.8);
  });

  it('builds one report from its slot alone', () => {
    const [slot] = listSlots();
    expect(slot).toBeDefined();
    if (slot) expect(generateReport(slot).text).toBe(generateCorpus(1)[0]?.text);
  });
});
