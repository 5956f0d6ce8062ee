// The shapes a report takes once ingested. Every offset points into `Report.text`, the cleaned
// text that is stored and served; nothing downstream ever re-finds a string by searching.
import type { Period } from '../text/periods.ts';

export type PlaceLevel = 'province' | 'district';

/** An administrative unit from the gazetteer, as the report names it (pre-2025 units). */
export interface Place {
  /** Name without the type word: "Quảng Trị", "Tây Sơn", "Tịnh Biên". */
  name: string;
  level: PlaceLevel;
  /** tỉnh | thành phố | huyện | quận | thị xã */
  type: string;
  /** GSO code: 2 digits for a province, 3 for a district. */
  code: string;
  provinceCode: string;
  province: string;
}

/** A time span, normalised to ISO dates (inclusive): its home is text/periods.ts, which reads them. */
export type { Period } from '../text/periods.ts';

/** Sentence-level units grouped into a passage a reader can follow. */
export interface Passage {
  /** `${reportId}#${start}-${end}` */
  id: string;
  reportId: string;
  start: number;
  end: number;
  /** The numbered heading the passage sits under ("3.1. Công tác giảm nghèo"), if any. */
  section: string | null;
  /** The place the passage is about: the report's, unless the passage names another. */
  place: Place | null;
  /** The period the passage speaks of, else its section's, else the report's main period. */
  period: Period | null;
}

export interface Report {
  id: string;
  title: string;
  /** Cleaned, NFC text; every offset points into it. */
  text: string;
  place: Place | null;
  /** ISO date (YYYY-MM-DD or YYYY-MM) when the text or the caller gives one. */
  publishedAt: string | null;
  periods: Period[];
  passages: Passage[];
  source: string | null;
}

/** What a caller hands to ingestion; only `id` and `text` are required. */
export interface ReportInput {
  id: string;
  text: string;
  title?: string | undefined;
  source?: string | undefined;
  publishedAt?: string | undefined;
}
