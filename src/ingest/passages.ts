// Cleaned report text → passages: runs of whole sentences inside one paragraph, short enough to
// cite, each tagged with its section heading, place and period. Offsets point into the text.
import { findPeriods } from '../text/periods.ts';
import { type Span, splitSentences } from '../text/sentences.ts';
import { findPlaceMentionsInSlice } from './gazetteer.ts';
import { isFrontMatterLine } from './metadata.ts';
import type { Passage, Period, Place } from './types.ts';

/** A passage grows sentence by sentence until the next one would take it past this many characters. */
export const MAX_PASSAGE_CHARS = 450;

const NUMBERED_HEADING = /^((?:[IVXLC]+)|(?:\d{1,2}(?:\.\d{1,2})*)|[a-zđ])[.)]\s+(\S)/u;

/**
 * The nesting level of a heading line, or 0 when the line is not a heading. Numbered headings:
 * "II. NHẬN XÉT" (1), "3." (2), "3.1." (3), "a)" (5); an unnumbered line in capitals is level 1.
 * Numbered items that read as sentences ("1. Tiếp tục … thoát nghèo.") are content, not headings.
 */
export function headingLevel(line: string): number {
  const text = line.trim();
  if (text.length > 160 || /[.;]$/.test(text) || /[.!?]\s+\p{Lu}/u.test(text.replace(NUMBERED_HEADING, '$2'))) return 0;
  const m = NUMBERED_HEADING.exec(text);
  if (m) {
    const marker = m[1] as string;
    if (!/\p{Lu}/u.test(m[2] as string)) return 0;
    if (/^[IVXLC]+$/.test(marker)) return 1;
    if (/^[a-zđ]$/u.test(marker)) return 5;
    return 1 + marker.split('.').length;
  }
  const letters = text.replace(/[^\p{L}]/gu, '');
  const words = text.split(/\s+/).length;
  if (
    words >= 3 &&
    text.length <= 120 &&
    letters.length > 0 &&
    letters === letters.toUpperCase() &&
    !isFrontMatterLine(text)
  )
    return 1;
  return 0;
}

interface Heading {
  level: number;
  text: string;
  period: Period | null;
}

function stripOffsets<T extends { start: number; end: number }>(m: T): Omit<T, 'start' | 'end'> {
  const { start: _s, end: _e, ...rest } = m;
  return rest;
}

/** The place of the passage `text.slice(start, end)`. */
function passagePlace(text: string, start: number, end: number, reportPlace: Place | null): Place | null {
  const mentions = findPlaceMentionsInSlice(
    text,
    start,
    end,
    reportPlace ? { provinceCode: reportPlace.provinceCode } : {},
  );
  if (!reportPlace) return mentions[0]?.place ?? null;
  if (reportPlace.level !== 'province') return reportPlace;
  // A province report's passage about one of its districts belongs to that district; naming
  // several districts is a comparison, which stays with the province.
  const districts = new Map<string, Place>();
  for (const m of mentions) {
    if (m.place.level === 'district' && m.place.provinceCode === reportPlace.provinceCode)
      districts.set(m.place.code, m.place);
  }
  return districts.size === 1 ? ([...districts.values()][0] as Place) : reportPlace;
}

// Bylines, signatures and labels ("Nơi nhận:", "PHÓ CHỦ TỊCH", "Minh Hằng") carry nothing to cite.
function isLabelOnly(line: string): boolean {
  return (!/\d/.test(line) && line.split(/\s+/).length <= 4) || /^(?:TM|KT|TL|TUQ|Q|PP)\.\s/u.test(line);
}

function groupSentences(sentences: Span[]): Span[] {
  const groups: Span[] = [];
  let current: Span | null = null;
  for (const s of sentences) {
    if (current && s.end - current.start <= MAX_PASSAGE_CHARS) {
      current.end = s.end;
    } else {
      if (current) groups.push(current);
      current = { start: s.start, end: s.end };
    }
  }
  if (current) groups.push(current);
  return groups;
}

/**
 * Splits cleaned report text into passages that never cross a paragraph or a heading. Headings
 * become the `section` of the passages under them; front matter and signatures are left out.
 * @example splitPassages('r1', '3.1. Công tác giảm nghèo\n\nToàn huyện có 1.855 hộ nghèo.', meta)[0].section // '3.1. Công tác giảm nghèo'
 */
export function splitPassages(
  reportId: string,
  text: string,
  meta: { place: Place | null; periods: Period[] },
): Passage[] {
  const defaultYear = meta.periods[0]?.year;
  const periodOpts = defaultYear ? { defaultYear } : {};
  const headings: Heading[] = [];
  const passages: Passage[] = [];
  let inRecipients = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).trim();
    const from = lineStart;
    lineStart = lineEnd + 1;
    if (line === '') continue;
    // "Nơi nhận:" opens the distribution list at the foot of an official report.
    if (/^n[ơo]i nh[ậa]n\s*:?$/iu.test(line)) {
      inRecipients = true;
      continue;
    }
    if (inRecipients && /^[-+•]/.test(line)) continue;
    inRecipients = false;
    if (isFrontMatterLine(line)) continue;
    const level = headingLevel(line);
    if (level > 0 && (passages.length > 0 || NUMBERED_HEADING.test(line))) {
      while (headings.length && (headings[headings.length - 1] as Heading).level >= level) headings.pop();
      const period = findPeriods(line, periodOpts)[0];
      headings.push({ level, text: line, period: period ? stripOffsets(period) : null });
      continue;
    }
    if (isLabelOnly(line)) continue;
    const sectionPeriod = [...headings].reverse().find((h) => h.period)?.period ?? null;
    const section = headings[headings.length - 1]?.text ?? null;
    // A period named earlier in the paragraph still holds for its later sentences.
    let paragraphPeriod: Period | null = null;
    for (const group of groupSentences(splitSentences(text, from, lineEnd))) {
      const slice = text.slice(group.start, group.end);
      const mentions = findPeriods(slice, periodOpts);
      const own = mentions[0] ? stripOffsets(mentions[0]) : paragraphPeriod;
      const last = mentions[mentions.length - 1];
      if (last) paragraphPeriod = stripOffsets(last);
      passages.push({
        id: `${reportId}#${group.start}-${group.end}`,
        reportId,
        start: group.start,
        end: group.end,
        section,
        place: passagePlace(text, group.start, group.end, meta.place),
        period: own ?? sectionPeriod ?? meta.periods[0] ?? null,
      });
    }
  }
  return passages;
}
