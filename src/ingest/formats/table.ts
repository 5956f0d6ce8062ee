// Table rows as lines the figure extractor reads: the header row kept as a line, then one line per
// row with cells joined by " | ", each value carrying its column's header and the header's unit
// ("Số hộ nghèo (hộ)", "%", an "Đơn vị" column), so "18.412" reads as "Năm 2023: 18.412 hộ".
import { foldVi } from '../../text/fold.ts';

const UNIT_COLUMN = /^(?:don vi(?: tinh)?|dvt|d\.v\.t\.?)$/u;
const UNIT_IN_HEADER = /\(([^()]{1,20})\)\s*$/u;
const NUMBER_CELL = /^[-+]?\d[\d.,]*\s*%?$/u;

/** One line per row; cells trimmed, empty rows dropped. */
export function tableToLines(rows: readonly (readonly string[])[]): string[] {
  const clean = rows.map((r) => r.map((c) => c.replace(/\s+/gu, ' ').trim())).filter((r) => r.some((c) => c));
  const [header, ...body] = clean;
  if (!header) return [];
  if (body.length === 0 || header.length < 2) return clean.map((r) => r.filter((c) => c).join(' | '));
  const unitCol = header.findIndex((h) => UNIT_COLUMN.test(foldVi(h).toLowerCase()));
  const headerUnits = header.map((h) => UNIT_IN_HEADER.exec(h)?.[1]?.trim() ?? null);
  const lines = [header.filter((c) => c).join(' | ')];
  for (const row of body) {
    const rowUnit = unitCol >= 0 ? (row[unitCol] ?? null) : (UNIT_IN_HEADER.exec(row[0] ?? '')?.[1]?.trim() ?? null);
    const cells: string[] = [];
    for (const [i, cell] of row.entries()) {
      if (!cell || i === unitCol) continue;
      if (i === 0 || !NUMBER_CELL.test(cell)) {
        cells.push(cell);
        continue;
      }
      const unit = headerUnits[i] ?? rowUnit;
      const value = unit && !cell.endsWith('%') ? (unit === '%' ? `${cell}%` : `${cell} ${unit}`) : cell;
      const label = header[i] ? header[i].replace(UNIT_IN_HEADER, '').trim() : '';
      cells.push(label ? `${label}: ${value}` : value);
    }
    lines.push(cells.join(' | '));
  }
  return lines;
}
