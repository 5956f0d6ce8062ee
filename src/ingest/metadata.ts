// Report-level metadata from cleaned text: headline, the main place, the publication date and
// the periods covered. Works on news pages (headline first) and on Word reports (BÁO CÁO block).
import { foldVi } from '../text/fold.ts';
import { findPeriods } from '../text/periods.ts';
import { findPlaceMentions, resolvePlaceName, typesOf } from './gazetteer.ts';
import type { Period, Place } from './types.ts';

export interface ReportMetadata {
  title: string;
  place: Place | null;
  /** YYYY-MM-DD, or YYYY-MM when the day is left blank ("ngày   tháng 6 năm 2023"). */
  publishedAt: string | null;
  periods: Period[];
}

export interface DateLine {
  date: string;
  /** The place written before the date in a Word report ("Tây Sơn, ngày … tháng 6 năm 2023"). */
  place: string | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

// Words that may sit around a date in a dateline: weekdays, "cập nhật", "đăng lúc", "GMT+7".
const DATELINE_FILLER =
  /\b(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu\s+nhat|cap\s+nhat|ngay\s+dang|dang\s+luc|dang\s+ngay|dang|luc|ngay|gmt\s*[+-]?\s*\d*|am|pm|sa|ch)\b/g;

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1990 && y <= 2100;
}

/**
 * A line that is only a date (with weekday, time, "Cập nhật"), or a Word report's "Place, ngày …"
 * line; null for any other line, including body sentences that merely contain a date.
 * @example parseDateLine('09:42 PM 01/12/2024') // { date: '2024-12-01', place: null }
 */
export function parseDateLine(line: string): DateLine | null {
  // Every date pattern below holds a digit; most lines have none, and folding costs more.
  if (line.length > 90 || !/\d/.test(line)) return null;
  const folded = foldVi(line);
  let date: string | null = null;
  let rest = folded;
  const patterns: Array<[RegExp, (m: RegExpExecArray) => string | null]> = [
    [/ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/, (m) => ymd(m[3], m[2], m[1])],
    [
      /ngay[\s.…_]*thang\s+(\d{1,2})\s+nam\s+(\d{4})/,
      (m) => (validDate(Number(m[2]), Number(m[1]), 1) ? `${m[2]}-${pad(Number(m[1]))}` : null),
    ],
    [/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/, (m) => ymd(m[3], m[2], m[1])],
    [/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/, (m) => ymd(m[1], m[2], m[3])],
  ];
  for (const [re, build] of patterns) {
    const m = re.exec(folded);
    if (!m) continue;
    date = build(m);
    if (date) {
      rest = `${folded.slice(0, m.index)} ${folded.slice(m.index + m[0].length)}`;
      break;
    }
  }
  if (!date) return null;
  const residue = rest
    .replace(/\d{1,2}:\d{2}(?::\d{2})?/g, ' ')
    .replace(DATELINE_FILLER, ' ')
    .replace(/[\s,|.:;()\-–/]+/g, '');
  if (residue === '') return { date, place: null };
  const placeLine = /^(\p{Lu}[\p{L}\s.'’-]{1,40}?),\s*ngày\b/iu.exec(line);
  if (placeLine && foldVi(placeLine[1] as string).replace(/[\s.'’-]+/g, '') === residue) {
    return { date, place: (placeLine[1] as string).trim() };
  }
  return null;
}

function ymd(y: string | undefined, m: string | undefined, d: string | undefined): string | null {
  const yy = Number(y);
  const mm = Number(m);
  const dd = Number(d);
  return validDate(yy, mm, dd) ? `${yy}-${pad(mm)}-${pad(dd)}` : null;
}

const DOC_TYPES = new Set([
  'bao cao',
  'bao cao tom tat',
  'bao cao tong ket',
  'ke hoach',
  'to trinh',
  'thong bao',
  'de an',
  'chuong trinh',
]);

/** "BÁO CÁO", "KẾ HOẠCH": the line that announces a Word report; its title is the next line. */
export function isDocTypeLine(line: string): boolean {
  return isDocTypeFolded(foldVi(line));
}

function isDocTypeFolded(folded: string): boolean {
  return DOC_TYPES.has(folded.replace(/[^a-z ]/g, '').trim());
}

/**
 * Lines of a document's front matter or signature that carry no report content: the dateline,
 * "Số: 12/BC-UBND", the national motto, the doc-type line, "Nơi nhận:".
 */
export function isFrontMatterLine(line: string): boolean {
  if (line.length > 90) return false;
  const f = foldVi(line).trim();
  return (
    parseDateLine(line) !== null ||
    /^so\s*:/.test(f) ||
    /^(?:cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|noi nhan\s*:?$)/.test(f) ||
    isDocTypeFolded(f)
  );
}

function looksLikeTitle(line: string): boolean {
  const words = line.split(/\s+/).length;
  return (
    words >= 4 && line.length <= 250 && !isFrontMatterLine(line) && !/^[-+•›»]/.test(line) && !isMastheadOrMenu(line)
  );
}

/**
 * A newspaper's name ("BÁO SÓC TRĂNG ĐIỆN TỬ", "Cổng thông tin điện tử tỉnh …") or a site menu
 * ("Trang chủ  Thời sự  Kinh tế …"): page furniture, never a report's title.
 */
function isMastheadOrMenu(line: string): boolean {
  const t = line.trim();
  const f = foldVi(t);
  if (
    /^(?:bao|tap chi|cong thong tin|trang thong tin|dai phat thanh)\b/.test(f) &&
    (t === t.toLocaleUpperCase('vi-VN') || /dien tu|online$/.test(f))
  )
    return true;
  if (/^trang chu\b/.test(f)) return true;
  // Party and provincial papers print their owner under the name: "Cơ quan của Đảng bộ … tỉnh Nghệ An".
  if (/^(?:co quan (?:cua|ngon luan)|tieng noi cua)\b/.test(f)) return true;
  return t.split(/\s{2,}|\s[|•·]\s/).length >= 5;
}

function findTitle(lines: string[]): string {
  const head = lines.filter((l) => l.trim() !== '').slice(0, 15);
  const docType = head.findIndex(isDocTypeLine);
  if (docType >= 0) {
    const next = head[docType + 1];
    if (next && !isFrontMatterLine(next)) return next.trim();
  }
  const title = head.find(looksLikeTitle);
  if (title) return title.trim();
  const first = head.find((l) => !isFrontMatterLine(l)) ?? '';
  // Cut at a word, and never between the two halves of a character outside the BMP (an emoji).
  return first.length <= 160
    ? first.trim()
    : `${first
        .slice(0, 160)
        .replace(/[\ud800-\udbff]$/, '')
        .replace(/\s+\S*$/, '')}…`;
}

function findDateLine(lines: string[]): DateLine | null {
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  for (const line of [...nonEmpty.slice(0, 12), ...nonEmpty.slice(-6)]) {
    const d = parseDateLine(line);
    if (d) return d;
  }
  return null;
}

function normaliseDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value.trim());
  if (iso) return iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}`;
  return parseDateLine(value)?.date ?? null;
}

/** The place a title is about; a district wins over its own province ("huyện X, tỉnh Y"). */
function placeFromTitle(title: string, provinceCode: string | undefined): Place | null {
  const mentions = findPlaceMentions(title, provinceCode ? { provinceCode } : {});
  const district = mentions.find((m) => m.place.level === 'district');
  const first = mentions[0];
  if (
    district &&
    (!first || first.place.level === 'district' || first.place.provinceCode === district.place.provinceCode)
  )
    return district.place;
  if (first) return first.place;
  // Headlines are typed fast ("Tịnh Biến phấn đấu …"): try capitalised runs with one-mark tolerance.
  const runs = title.match(/\p{Lu}[\p{Ll}’']*(?:\s\p{Lu}[\p{Ll}’']*){1,3}/gu) ?? [];
  for (const run of runs) {
    const place = resolvePlaceName(run, provinceCode ? { provinceCode, fuzzy: true } : { fuzzy: true });
    if (place) return place;
  }
  return null;
}

function mostMentioned(text: string): Place | null {
  const counts = new Map<string, { place: Place; count: number; first: number }>();
  for (const m of findPlaceMentions(text)) {
    const k = `${m.place.level}:${m.place.code}:${m.place.provinceCode}`;
    const entry = counts.get(k);
    if (entry) entry.count++;
    else counts.set(k, { place: m.place, count: 1, first: m.start });
  }
  let best: { place: Place; count: number; first: number } | null = null;
  for (const c of counts.values()) {
    if (!best || c.count > best.count || (c.count === best.count && c.first < best.first)) best = c;
  }
  return best?.place ?? null;
}

// Units change type (Tịnh Biên: huyện until 4/2023, thị xã since); report the type the text uses.
function typeAsWritten(place: Place, text: string): Place {
  const types = typesOf(place);
  if (types.length < 2) return place;
  const lower = text.toLowerCase();
  const count = (needle: string): number => lower.split(needle).length - 1;
  const score = (t: string): number => count(`${t} ${place.name.toLowerCase()}`) * 100 + count(`${t} `);
  const best = types.reduce((a, b) => (score(b) > score(a) ? b : a));
  return best === place.type ? place : { ...place, type: best };
}

const isRelative = (p: Period): boolean => /^(?:cung ky|nam (?:truoc|ngoai|nay|qua))/.test(foldVi(p.label));

function periodKey(p: Period): string {
  return `${p.kind}|${p.from}|${p.to}`;
}

/**
 * Title, main place, publication date and covered periods of a cleaned report.
 * @example extractMetadata('Tịnh Biến phấn đấu giảm tỷ lệ hộ nghèo 1,5% trong năm 2019\n…').place?.name // 'Tịnh Biên'
 */
export function extractMetadata(text: string, hints: { title?: string; publishedAt?: string } = {}): ReportMetadata {
  const lines = text.split('\n');
  const title = hints.title?.trim() || findTitle(lines);
  const dateLine = findDateLine(lines);
  const publishedAt = (hints.publishedAt ? normaliseDate(hints.publishedAt) : null) ?? dateLine?.date ?? null;

  const bodyPlace = mostMentioned(text);
  let place = placeFromTitle(title, bodyPlace?.provinceCode);
  if (!place && dateLine?.place)
    place = resolvePlaceName(dateLine.place, bodyPlace ? { provinceCode: bodyPlace.provinceCode } : {});
  if (!place) place = bodyPlace;
  if (place) place = typeAsWritten(place, text);

  const pubYear = publishedAt ? Number(publishedAt.slice(0, 4)) : undefined;
  const titlePeriods = findPeriods(title, pubYear ? { defaultYear: pubYear } : {}).filter((p) => !isRelative(p));
  const defaultYear = titlePeriods[0]?.year ?? pubYear;
  const tally = new Map<string, { period: Period; count: number; first: number }>();
  let order = 0;
  for (const line of lines) {
    if (line.trim() === title || isFrontMatterLine(line)) continue;
    for (const m of findPeriods(line, defaultYear ? { defaultYear } : {})) {
      const { start: _s, end: _e, ...period } = m;
      if (isRelative(period)) continue;
      const k = periodKey(period);
      const t = tally.get(k);
      if (t) t.count++;
      else tally.set(k, { period, count: 1, first: order++ });
    }
  }
  const periods: Period[] = [];
  const seen = new Set<string>();
  for (const p of titlePeriods) {
    const { start: _s, end: _e, ...period } = p;
    if (!seen.has(periodKey(period))) periods.push(period);
    seen.add(periodKey(period));
  }
  const body = [...tally.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  for (const { period } of body) {
    if (!seen.has(periodKey(period))) periods.push(period);
    seen.add(periodKey(period));
  }
  return { title, place, publishedAt, periods };
}
