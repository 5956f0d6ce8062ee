// The gazetteer as data, read once for every layer: the 63 provinces before the 1 July 2025
// reform, their districts, and the merger into 34 (src/data, validated by its README's schema;
// the casts only name that shape). Reading names in reports (ingest/gazetteer.ts), in questions
// (search/places.ts) and routing to a shard (shard/router.ts) all start here.
import districtsJson from '../data/districts.json' with { type: 'json' };
import mergerJson from '../data/merger-2025.json' with { type: 'json' };
import provincesJson from '../data/provinces.json' with { type: 'json' };

export interface ProvinceRecord {
  code: string;
  name: string;
  type: string;
  aliases: string[];
  /** "HN", "HCM", "BR-VT": trusted only after a type word or when asked for by name. */
  initials?: string[];
}

export interface DistrictRecord extends ProvinceRecord {
  provinceCode: string;
  province: string;
  formerNames?: string[];
  formerTypes?: string[];
  /** 'active', or how it ended (merged, renamed…) before 2025. */
  status: string;
}

export interface MergerRecord {
  /** The province as it is since 1 July 2025, and its code. */
  new: string;
  newCode: string;
  type: string;
  members: string[];
  /** The pre-2025 province codes it was formed from. */
  memberCodes: string[];
  unchanged: boolean;
}

export const PROVINCES = provincesJson as ProvinceRecord[];
export const DISTRICTS = districtsJson as DistrictRecord[];
export const MERGERS = mergerJson as MergerRecord[];

const MERGER_OF = new Map<string, MergerRecord>();
for (const m of MERGERS) for (const c of m.memberCodes) MERGER_OF.set(c, m);

/**
 * The province a pre-2025 province code is part of today.
 * @example mergerOf('44')?.new // 'Quảng Trị' (Quảng Bình and Quảng Trị since 1 July 2025)
 */
export function mergerOf(provinceCode: string): MergerRecord | undefined {
  return MERGER_OF.get(provinceCode);
}
