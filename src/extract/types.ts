// A figure: one number a report states, tied to the characters that state it, with what it
// counts (metric), where (place), when (period) and whether it was achieved, planned or a change.
import type { Period } from '../ingest/types.ts';

export type FigureKind = 'result' | 'target' | 'change';

export type RelationType =
  | 'result_target_attainment'
  | 'exceeded_plan'
  | 'count_persons_rate'
  | 'count_money'
  | 'parts_of_total'
  | 'change_equivalent';

export interface FigureRelation {
  type: RelationType;
  /** The other figures of the relation, by id; this figure is the relation's main one. */
  with: string[];
}

export interface Figure {
  /** `${reportId}@${start}`: stable while the stored text is. */
  id: string;
  reportId: string;
  /** As written: "7,71%" → 7.71, "4,5 tỷ đồng" → 4.5. */
  value: number;
  unit: string;
  /** For arithmetic: money in đồng, everything else as `value`. */
  normalizedValue: number;
  /** The figure's characters in the stored text: text === report.text.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** A lexicon id ("poor_households") or "other:<noun phrase>" when the lexicon has none. */
  metric: string;
  label: string;
  place: string | null;
  placeLevel: 'province' | 'district' | 'commune' | null;
  period: Period | null;
  kind: FigureKind;
  qualifiers: string[];
  relation?: FigureRelation;
  /** Parts that break this figure down when it already has a relation ("8.500/6.000 người … (trong đó …: 19; …: 285 …)"). */
  breakdown?: string[];
  /** The sentence that states the figure: the span a citation quotes. */
  sentenceStart: number;
  sentenceEnd: number;
}
