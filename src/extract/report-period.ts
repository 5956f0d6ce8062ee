// The period a figure takes when nothing near it names one: the report's own time. A year the
// title names is that; without one, the year the report was written ("Tham Đôn, ngày … tháng 11 năm
// 2018"), not the year its body mentions most, which is often a baseline ("năm 2011", "năm 2015").
import type { Period, Report } from '../ingest/types.ts';
import { findPeriods } from '../text/periods.ts';

const SPAN_DAYS = 400;
const isSpan = (p: Period) => Date.parse(p.to) - Date.parse(p.from) > SPAN_DAYS * 86400_000;

/**
 * The report's own period for figures that name none: a single period of its title (a bare year
 * too), else its
 * publication year, else the first single period of its body; null when it has none (a span is
 * left to the caller, which prefers a period of the figure's own sentence to it).
 * @example reportOwnPeriod({ title: 'Kết quả xây dựng nông thôn mới giai đoạn 2011 - 2018', publishedAt: '2018-11', periods: […'năm 2011'] })
 * // { label: 'năm 2018', kind: 'during', from: '2018-01-01', to: '2018-12-31', year: 2018 }
 */
export function reportOwnPeriod(report: Pick<Report, 'title' | 'publishedAt' | 'periods'>): Period | null {
  const year = report.publishedAt ? Number(report.publishedAt.slice(0, 4)) : undefined;
  // A title may name the year of the data and a year compared with ("… (2021), so sánh hộ nghèo năm
  // 2015"): the one the report was written in, else the first.
  const titled = findPeriods(report.title, { bareYear: true, ...(year ? { defaultYear: year } : {}) }).filter(
    (p) => !isSpan(p),
  );
  const inTitle = titled.find((p) => p.year === year) ?? titled[0];
  if (inTitle)
    return { label: inTitle.label, kind: inTitle.kind, from: inTitle.from, to: inTitle.to, year: inTitle.year };
  if (year && year >= 1990 && year <= 2100)
    return { label: `năm ${year}`, kind: 'during', from: `${year}-01-01`, to: `${year}-12-31`, year };
  return report.periods.find((p) => !isSpan(p)) ?? null;
}
