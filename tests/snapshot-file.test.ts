// The binary corpus snapshot: what goes in comes out (reports, figures, search results), and a
// file that is not a snapshot or is cut short is refused with a message saying so.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFigures } from '../src/extract/figures.ts';
import type { Figure } from '../src/extract/types.ts';
import type { Report } from '../src/ingest/types.ts';
import { createPassageIndex, indexReport, searchPassages } from '../src/search/passage-index.ts';
import { decodeSnapshot, encodeSnapshot, SnapshotFileError } from '../src/snapshot-file.ts';
import { seeds } from './helpers/app.ts';

let reports: Report[];
let figures: Map<string, Figure[]>;
let file: Uint8Array;
const index = createPassageIndex();

function concat(parts: Iterable<Uint8Array>): Uint8Array {
  const list = [...parts];
  const out = new Uint8Array(list.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of list) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

beforeAll(async () => {
  reports = await seeds();
  figures = new Map(reports.map((r) => [r.id, extractFigures(r)]));
  for (const r of reports) indexReport(index, r);
  file = concat(encodeSnapshot({ reports, figures, index }));
});

describe('encodeSnapshot / decodeSnapshot', () => {
  it('gives back the reports and their figures', () => {
    const restored = decodeSnapshot(file);
    expect(restored.reports).toEqual(reports);
    expect(restored.figures).toEqual(figures);
  });

  it('gives them back with their keys in the same order (same JSON: seeds are fingerprinted as JSON)', () => {
    const restored = decodeSnapshot(file);
    expect(JSON.stringify(restored.reports)).toBe(JSON.stringify(reports));
    expect(JSON.stringify([...restored.figures])).toBe(JSON.stringify([...figures]));
  });

  it('gives back an index that searches as the one saved', () => {
    const restored = decodeSnapshot(file);
    for (const q of ['hộ nghèo Quảng Trị', 'BHYT Tây Sơn', 'lao động đi làm việc ở nước ngoài Bắc Kạn']) {
      expect(searchPassages(restored.index, q)).toEqual(searchPassages(index, q));
    }
  });

  it('writes no section as one text of the whole corpus', () => {
    const parts = [...encodeSnapshot({ reports, figures, index })];
    expect(parts.length).toBeGreaterThan(4);
  });

  it('refuses a file that is not a snapshot', () => {
    expect(() => decodeSnapshot(new TextEncoder().encode('{"format":1}'))).toThrow(SnapshotFileError);
  });

  it('refuses a truncated snapshot', () => {
    expect(() => decodeSnapshot(file.subarray(0, Math.floor(file.length / 2)))).toThrow(/truncated/);
  });
});

describe('decodeSnapshot from a Node Buffer', () => {
  it('keeps no view into the file: the index searches the same after the file is overwritten', () => {
    const buffer = Buffer.from(file);
    const restored = decodeSnapshot(buffer);
    const before = searchPassages(restored.index, 'hộ nghèo Quảng Trị');
    buffer.fill(0);
    expect(searchPassages(restored.index, 'hộ nghèo Quảng Trị')).toEqual(before);
  });
});
