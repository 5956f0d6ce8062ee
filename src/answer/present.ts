// Vietnamese wording of figures, places and periods for answers. Every number printed here is a
// figure's own value or a computation's, formatted vi-VN; nothing else puts numbers in an answer.

import { FORECAST_QUALIFIER } from '../extract/figures.ts';
import type { Figure } from '../extract/types.ts';
import type { Period, Report } from '../ingest/types.ts';
import { metricById } from '../lexicon/metrics.ts';
import { formatViNumber } from '../text/vi-number.ts';
import { communeOfFigure } from './commune.ts';
import { SCOPE_LABELS } from './cues.ts';
import { scopeNamedBefore } from './scope-of.ts';

export function formatValue(value: number, unit: string, decimals = 4): string {
  const n = formatViNumber(value, decimals);
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

const d = (iso: string) => {
  const [y, m, day] = iso.split('-').map(Number);
  return `${day}/${m}/${y}`;
};

/** "cuối năm 2023", "6 tháng đầu năm 2023", "năm 2024", "đến 30/6/2023". */
export function describePeriod(p: Period | null): string {
  if (!p) return '';
  if (/\d{4}/.test(p.label) && p.label.length <= 40) {
    const label = p.label.replace(/^(?:trong|tính)\s+(?=năm|cuối|đầu|6|9|quý|đến)/iu, '').trim();
    // Headings shout ("NĂM 2022"); an answer does not.
    if (label === label.toLocaleUpperCase('vi-VN')) return label.toLocaleLowerCase('vi-VN').replace(/quý i/u, 'quý I');
    return label[0] ? label[0].toLocaleLowerCase('vi-VN') + label.slice(1) : label;
  }
  const y = p.from.slice(0, 4);
  if (p.kind === 'as_of') return p.from.endsWith('-12-31') ? `cuối năm ${y}` : `đến ${d(p.from)}`;
  if (p.from === `${y}-01-01` && p.to === `${y}-12-31`) return `năm ${y}`;
  if (p.from === `${y}-01-01` && p.to === `${y}-06-30`) return `6 tháng đầu năm ${y}`;
  if (p.from === `${y}-07-01` && p.to === `${y}-12-31`) return `6 tháng cuối năm ${y}`;
  return `từ ${d(p.from)} đến ${d(p.to)}`;
}

export function describePlace(f: Figure, report: Report): string {
  const own = report.place;
  // A commune's report: its figures fall back on the district, but are the commune's.
  const commune = f.placeLevel === 'commune' ? null : communeOfFigure(f, report);
  if (commune) return commune.written;
  if (own && f.place === own.name && (!f.placeLevel || f.placeLevel === own.level)) return `${own.type} ${own.name}`;
  if (f.placeLevel === 'commune') return `xã ${f.place}`;
  if (f.placeLevel === 'district' && own?.level === 'province') {
    // "thành phố Lào Cai" in tỉnh Lào Cai's report: the city, named with the province.
    const type = f.place === own.name ? 'thành phố' : 'huyện';
    return `${type} ${f.place} (${own.type} ${own.name})`;
  }
  if (f.place) return f.place;
  const scope = scopeNamedBefore(f, report);
  return scope ? (SCOPE_LABELS[scope.id] ?? 'không rõ địa bàn') : 'không rõ địa bàn';
}

export function metricLabel(id: string): string {
  if (id.startsWith('other:')) return id.slice(6);
  return metricById(id)?.label ?? id;
}

/** How an answer names a target before its value: "dự báo" for a forecast, else "kế hoạch". */
export function targetWord(f: Figure): string {
  return f.qualifiers.includes(FORECAST_QUALIFIER) ? 'dự báo' : 'kế hoạch';
}

/** "Số hộ nghèo" → used at the start of a sentence. */
export function capitalise(s: string): string {
  return s ? s[0]?.toLocaleUpperCase('vi-VN') + s.slice(1) : s;
}

export function kindNote(f: Figure): string {
  if (f.kind === 'target' && f.qualifiers.includes(FORECAST_QUALIFIER)) return ' (dự báo, không phải kết quả đã đạt)';
  if (f.kind === 'target') return ' (chỉ tiêu, không phải kết quả đã đạt)';
  return '';
}

/** The figure with its value as the report states it: "giảm 5,21%", "7.000 người", "đạt 109,4% kế hoạch". */
export function statedValue(f: Figure): string {
  const v = formatValue(f.value, f.unit);
  if (f.metric === 'plan_attainment') return `đạt ${v} kế hoạch`;
  if (f.metric === 'plan_exceeded') return `vượt kế hoạch ${v}`;
  if (f.kind === 'change') return `${f.qualifiers.includes('tăng') || /tăng/u.test(f.label) ? 'tăng' : 'giảm'} ${v}`;
  return v;
}
