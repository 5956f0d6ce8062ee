// The figure table for Vietnamese spreadsheets (issue 18): a CSV's decimals open as text in one
// locale or the other, so the export a spreadsheet user wants is an .xlsx whose numbers are
// numbers. Read back here with SheetJS, a spreadsheet engine that parses the workbook as Excel does.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { testApp } from '../helpers/app.ts';

describe('GET /api/figures?format=xlsx', () => {
  it('opens as a workbook whose values are numbers, and whose texts stay Vietnamese text', async () => {
    const { app } = await testApp();
    const res = await app.request('/api/figures?format=xlsx&metric=poor_households');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    const sheet = book.Sheets[book.SheetNames[0] as string];
    if (!sheet) throw new Error('no sheet');
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet);
    const json = (await (await app.request('/api/figures?metric=poor_households')).json()).figures as {
      value: number;
      text: string;
      label: string;
    }[];
    expect(rows).toHaveLength(json.length);
    // Every value a number cell, equal to the figure's; decimals included.
    for (const [i, row] of rows.entries()) {
      expect(typeof row.value).toBe('number');
      expect(row.value).toBe(json[i]?.value);
      expect(row.text).toBe(json[i]?.text);
    }
    expect(rows.some((r) => r.text === '14.040 hộ' && r.value === 14040)).toBe(true);
    // Cell types as the engine sees them: 'n' for the value column.
    const valueCol = Object.keys(sheet)
      .find((k) => /^[A-Z]+1$/.test(k) && (sheet[k] as XLSX.CellObject).v === 'value')
      ?.replace('1', '');
    expect((sheet[`${valueCol}2`] as XLSX.CellObject).t).toBe('n');
  });

  it('keeps a text that starts like a formula as text', async () => {
    const { toXlsx } = await import('../../src/http/xlsx.ts');
    const book = XLSX.read(toXlsx('t', ['a', 'b'], [['=HYPERLINK("x")', 7.71]]), { type: 'array' });
    const sheet = book.Sheets.t as XLSX.WorkSheet;
    expect((sheet.A2 as XLSX.CellObject).t).toBe('s');
    expect((sheet.A2 as XLSX.CellObject).f).toBeUndefined();
    expect((sheet.B2 as XLSX.CellObject).v).toBe(7.71);
  });
});
