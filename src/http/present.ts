// Domain values → wire shapes of the contract. Kept apart from the routes that serve them so every
// surface (API, CSV, bots) presents a figure the same way.
import type { FigureWire } from '../contract.ts';
import type { Figure } from '../extract/types.ts';
import { toXlsx } from './xlsx.ts';

export function presentFigure(f: Figure): FigureWire {
  return {
    id: f.id,
    reportId: f.reportId,
    metric: f.metric,
    label: f.label,
    value: f.value,
    unit: f.unit,
    normalizedValue: f.normalizedValue,
    kind: f.kind,
    place: f.place,
    placeLevel: f.placeLevel,
    period: f.period?.label ?? null,
    periodFrom: f.period?.from ?? null,
    periodTo: f.period?.to ?? null,
    year: f.period?.year ?? null,
    qualifiers: f.qualifiers,
    relation: f.relation ?? null,
    breakdown: f.breakdown ?? null,
    text: f.text,
    start: f.start,
    end: f.end,
  };
}

const CSV_COLUMNS = [
  'id',
  'reportId',
  'metric',
  'label',
  'value',
  'unit',
  'normalizedValue',
  'kind',
  'place',
  'period',
  'periodFrom',
  'periodTo',
  'qualifiers',
  'text',
  'start',
  'end',
] as const;

/** One CSV cell: quoted when it must be, and a text that starts like a formula made inert. */
export function csvCell(v: unknown): string {
  let s = Array.isArray(v) ? v.join('; ') : v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The same table as an .xlsx workbook, numbers as numbers (./xlsx.ts). */
export function figuresToXlsx(figures: FigureWire[]): Uint8Array<ArrayBuffer> {
  const rows = figures.map((f) =>
    CSV_COLUMNS.map((c) => {
      const v = f[c];
      return Array.isArray(v) ? v.join('; ') : (v as string | number | null | undefined);
    }),
  );
  return toXlsx('Số liệu', CSV_COLUMNS, rows);
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with '. */
export function figuresToCsv(figures: FigureWire[]): string {
  const rows = figures.map((f) => CSV_COLUMNS.map((c) => csvCell(f[c])).join(','));
  // A BOM so spreadsheet programs read the Vietnamese as UTF-8.
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
