// What the passage index holds per passage: a reference to its report and its number there, from
// which the document Orama hands back (a hit, a removal) is built when asked (ref-docs.ts).
import type { Report } from '../ingest/types.ts';
import { placeKeys } from './rank.ts';
import { createRefDocs } from './ref-docs.ts';

/** A passage as Orama indexes it and as searchPassages reads it; fields outside the schema are not indexed. */
export interface PassageDoc {
  id: string;
  reportId: string;
  text: string;
  context: string;
  places: string[];
  provinceCode?: string;
  year?: number;
  start: number;
  end: number;
  section: string | null;
  place: string | null;
  leadIn: string | null;
}

/** Where a passage lives: its report and its number there, with its lead-in's span (-1: none). */
export interface PassageRef {
  report: Report;
  n: number;
  leadStart: number;
  leadEnd: number;
}

const BULLET = /^\s*(?:[-+•*–]|[a-zđ]\)|\d+\))\s/u;
/** One character String.prototype.trim removes (\s is the same set). */
const SPACE = /\s/;
/** How much of a lead-in travels with the passages below it. */
const LEAD_IN_CHARS = 300;

/**
 * Each passage's reference, with the lead-in it inherits as context: the previous passage when
 * it ends in ":" ("… cuối năm 2022 … như sau:"), the current one while a bulleted list goes on,
 * else none. The figures under a lead-in rarely repeat its year or subject.
 */
export function passageRefs(report: Report): PassageRef[] {
  const refs: PassageRef[] = [];
  let lead: [number, number] | null = null;
  const text = report.text;
  report.passages.forEach((p, n) => {
    refs.push({ report, n, leadStart: lead ? lead[0] : -1, leadEnd: lead ? lead[1] : -1 });
    // The passage's text trimmed, read in place (a restore makes refs for every passage: no slices).
    let end = p.end;
    while (end > p.start && SPACE.test(text[end - 1] as string)) end--;
    if (end > p.start && text[end - 1] === ':') {
      let start = p.start;
      while (start < end && SPACE.test(text[start] as string)) start++;
      lead = [Math.max(start, end - LEAD_IN_CHARS), end];
    } else if (!(lead !== null && BULLET.test(text.slice(p.start, p.end).trim()))) lead = null;
  });
  return refs;
}

/** The document of a passage, its text a slice of its report's (no copy is kept). */
export function materializePassage(ref: PassageRef): PassageDoc {
  const { report, n } = ref;
  // Safe: refs are made by passageRefs from this very report's passages.
  const p = report.passages[n] as Report['passages'][number];
  const text = report.text.slice(p.start, p.end);
  const place = p.place ?? report.place;
  const leadIn = ref.leadStart >= 0 ? report.text.slice(ref.leadStart, ref.leadEnd) : null;
  const context = [report.title, place?.name, place?.province, p.section, leadIn].filter(Boolean).join('. ');
  const year = p.period?.year ?? report.periods[0]?.year;
  const provinceCode = place?.provinceCode;
  return {
    id: p.id,
    reportId: report.id,
    text,
    context,
    places: placeKeys([p.place?.name, p.place?.province, report.place?.name, report.place?.province]),
    ...(provinceCode ? { provinceCode } : {}),
    ...(year !== undefined ? { year } : {}),
    start: p.start,
    end: p.end,
    section: p.section,
    place: place?.name ?? null,
    leadIn,
  };
}

/** Orama's documents store over passage references (ref-docs.ts). */
export function createPassageDocs() {
  return createRefDocs(materializePassage);
}
