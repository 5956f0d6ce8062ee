// The metric lexicon: what a figure counts, as Vietnamese reports word it. The shared lexicon
// (src/data/metrics.json) plus what welfare reports need beyond it (attainment of a plan,
// funeral and electricity support, loans as reports phrase them). One module, data only.
import shared from '../data/metrics.json' with { type: 'json' };
import { foldAligned } from '../text/fold-aligned.ts';

export type MetricKind = 'count' | 'rate' | 'amount' | 'change';

export interface Metric {
  id: string;
  label: string;
  category: string;
  kind: MetricKind;
  synonyms: string[];
  units: string[];
  related: string[];
}

/** Metrics the shared lexicon lacks; reports state these often enough to be asked about. */
const ADDED: Metric[] = [
  {
    id: 'plan_attainment',
    label: 'tỷ lệ đạt kế hoạch',
    category: 'plan',
    kind: 'rate',
    synonyms: [],
    units: ['%'],
    related: [],
  },
  {
    id: 'plan_exceeded',
    label: 'mức vượt kế hoạch',
    category: 'plan',
    kind: 'rate',
    synonyms: [],
    units: ['%'],
    related: [],
  },
  {
    id: 'funeral_support',
    label: 'hỗ trợ mai táng phí',
    category: 'social_protection',
    kind: 'count',
    synonyms: ['mai táng phí', 'hỗ trợ mai táng', 'trợ cấp mai táng', 'chế độ mai táng'],
    units: ['người', 'đối tượng', 'triệu đồng'],
    related: [],
  },
  {
    id: 'electricity_support',
    label: 'hỗ trợ tiền điện',
    category: 'social_protection',
    kind: 'count',
    synonyms: ['hỗ trợ tiền điện', 'tiền điện'],
    units: ['hộ', 'triệu đồng'],
    related: [],
  },
  {
    id: 'education_support',
    label: 'hỗ trợ học phí, chi phí học tập',
    category: 'social_protection',
    kind: 'count',
    synonyms: [
      'miễn giảm học phí',
      'miễn, giảm học phí',
      'hỗ trợ chi phí học tập',
      'chi phí học tập',
      'cấp bù học phí',
      'hỗ trợ ăn trưa',
      'học bổng',
      'hỗ trợ học sinh',
    ],
    units: ['học sinh', 'em', 'triệu đồng'],
    related: [],
  },
  {
    id: 'housing_support',
    label: 'hỗ trợ xây mới, sửa chữa nhà ở',
    category: 'housing',
    kind: 'count',
    synonyms: [
      'xây mới',
      'xây nhà mới',
      'sửa chữa nhà',
      'sửa chữa và xây mới',
      'xây dựng nhà ở',
      'hỗ trợ nhà ở',
      'nhà ở',
    ],
    units: ['căn', 'nhà', 'triệu đồng'],
    related: ['houses_for_poor'],
  },
  {
    id: 'population',
    label: 'dân số, số hộ dân cư',
    category: 'population',
    kind: 'count',
    synonyms: ['tổng số dân cư', 'số dân cư', 'hộ dân cư', 'dân số', 'tổng số hộ dân'],
    units: ['hộ', 'nhân khẩu', 'người'],
    related: [],
  },
];

/** Phrasings the shared lexicon misses, added to its metrics. */
const EXTRA_SYNONYMS: Record<string, string[]> = {
  workers_abroad: [
    'sang nước ngoài làm việc',
    'làm việc ở nước ngoài',
    'làm việc có thời hạn ở nước ngoài',
    'lao động nước ngoài',
    'đi làm việc nước ngoài',
  ],
  preferential_loans: [
    'giải ngân',
    'hộ vay',
    'vay với số tiền',
    'vay vốn',
    'cho vay',
    'tín dụng ưu đãi',
    'hộ nghèo vay',
    'hộ cận nghèo vay',
    'hộ mới thoát nghèo vay',
  ],
  emergency_relief: ['gạo cứu đói', 'kg gạo', 'tấn gạo', 'hỗ trợ gạo', 'gạo'],
  health_insurance_participants: ['người tham gia BHYT', 'tham gia BHYT', 'người tham gia bảo hiểm y tế'],
  social_insurance_participants: ['người tham gia BHXH', 'tham gia BHXH bắt buộc', 'BHXH bắt buộc'],
  tet_gifts: [
    'quà của Chủ tịch nước',
    'quà của UBND tỉnh',
    'quà cho hộ nghèo',
    'quà cho đối tượng',
    'quà Tết',
    'chăm lo Tết',
    'tặng quà',
    'suất quà',
    'phần quà',
    'quà',
  ],
  vocational_trainees: [
    'tuyển sinh',
    'lớp nghề',
    'lớp đào tạo nghề',
    'tuyển sinh và đào tạo',
    'tuyển sinh, đào tạo nghề nghiệp',
    'đào tạo nghề nghiệp',
  ],
  social_allowance_recipients: ['trợ cấp xã hội thường xuyên', 'chi trả tiền trợ cấp xã hội', 'bảo trợ xã hội'],
  free_health_insurance_cards: ['hỗ trợ BHYT', 'cấp BHYT', 'mua và cấp BHYT', 'thẻ BHYT'],
  job_placement_services: [
    'được tư vấn, giới thiệu việc làm',
    'tư vấn, giới thiệu việc làm',
    'tư vấn, giới thiệu, kết nối việc làm',
    'hội nghị tư vấn việc làm',
    'hội nghị tư vấn',
  ],
  jobs_created: ['giải quyết việc làm', 'tìm được việc làm mới', 'tạo việc làm mới cho'],
  trained_labour_rate: ['lao động qua đào tạo'],
  new_poor_households: ['hộ nghèo phát sinh'],
  // "bao nhiêu hộ nghèo là đồng bào DTTS": the group said with "là" after the count.
  ethnic_minority_poverty: [
    'hộ nghèo là đồng bào DTTS',
    'hộ nghèo là đồng bào dân tộc thiểu số',
    'hộ nghèo là người dân tộc thiểu số',
    'hộ nghèo là người DTTS',
    'hộ nghèo đồng bào dân tộc thiểu số',
  ],
  elderly_allowance: ['mừng thọ', 'chúc thọ'],
  children_protection: ['trẻ em có hoàn cảnh đặc biệt khó khăn'],
  // The national statistics' "tỷ lệ nghèo đa chiều chung" counts poor and near-poor households
  // together; a province's "tỷ lệ nghèo đa chiều huyện X" is often its poverty rate, so the bare
  // phrase stays with poverty_rate ("tỷ lệ nghèo").
  poor_and_near_poor_rate: [
    'tỷ lệ nghèo đa chiều chung',
    'tổng số hộ nghèo và hộ cận nghèo',
    'tổng số hộ nghèo và cận nghèo',
    'tổng số hộ nghèo, cận nghèo',
    'hộ nghèo và hộ cận nghèo đa chiều',
    'hộ nghèo và cận nghèo đa chiều',
  ],
};

interface SharedMetric {
  id: string;
  label: string;
  category: string;
  kind: string;
  synonyms: string[];
  units: string[];
  related?: string[];
}

export const METRICS: Metric[] = [
  ...(shared as SharedMetric[]).map((m) => ({
    id: m.id,
    label: m.label,
    category: m.category,
    kind: m.kind as MetricKind,
    synonyms: [...m.synonyms, ...(EXTRA_SYNONYMS[m.id] ?? [])],
    units: m.units,
    related: m.related ?? [],
  })),
  ...ADDED,
];

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

export function metricById(id: string): Metric | undefined {
  return BY_ID.get(id);
}

/**
 * A metric whose figures measure a plan's attainment ("đạt 105% kế hoạch", "vượt kế hoạch 5%"):
 * a ratio to another figure, never a quantity of its own (category 'plan' in the lexicon).
 */
export function isPlanMetric(id: string | undefined): boolean {
  return id !== undefined && BY_ID.get(id)?.category === 'plan';
}

/** The count a rate or a change of a rate is about ("tương ứng 386 hộ" after "giảm 4,31%"). */
export function countMetricOf(id: string): string | undefined {
  const m = BY_ID.get(id);
  if (!m) return undefined;
  if (m.kind === 'count') return id;
  const rates = m.kind === 'rate' ? [id] : m.related.filter((r) => BY_ID.get(r)?.kind === 'rate');
  return METRICS.find((c) => c.kind === 'count' && c.related.some((r) => rates.includes(r)))?.id;
}

/** The rate that goes with a count ("14.040 hộ nghèo, chiếm tỷ lệ 7,71%" → poverty_rate). */
export function rateMetricOf(countId: string): string | undefined {
  const m = BY_ID.get(countId);
  return m?.related.find((r) => BY_ID.get(r)?.kind === 'rate');
}

interface SynonymEntry {
  folded: string;
  metricId: string;
}

/** Reports write these both ways; each synonym is matched in both spellings. */
const SPELLED_BOTH_WAYS: [string, string][] = [
  ['BHYT', 'bảo hiểm y tế'],
  ['BHXH', 'bảo hiểm xã hội'],
  ['BHTN', 'bảo hiểm thất nghiệp'],
  ['DTTS', 'dân tộc thiểu số'],
  ['NHCSXH', 'Ngân hàng Chính sách xã hội'],
  ['XKLĐ', 'xuất khẩu lao động'],
  ['NCC', 'người có công'],
  ['TNLĐ', 'tai nạn lao động'],
  ['GDNN', 'giáo dục nghề nghiệp'],
];

function spellings(synonym: string): string[] {
  const out = new Set([synonym]);
  for (const [abbr, full] of SPELLED_BOTH_WAYS) {
    for (const s of [...out]) {
      if (s.includes(abbr)) out.add(s.replace(abbr, full));
      if (s.toLowerCase().includes(full.toLowerCase())) out.add(s.replace(new RegExp(full, 'iu'), abbr));
    }
  }
  // "có bằng cấp chứng chỉ", "tư vấn giới thiệu việc làm": questions and chat drop the commas of a list.
  for (const s of [...out]) if (s.includes(',')) out.add(s.replace(/\s*,\s*/g, ' '));
  return [...out];
}

// Longest first so "tỷ lệ hộ cận nghèo" wins over "hộ cận nghèo" and "hộ nghèo".
const SYNONYMS: SynonymEntry[] = METRICS.flatMap((m) =>
  [...new Set(m.synonyms.flatMap(spellings))].map((s) => ({ folded: foldAligned(s.normalize('NFC')), metricId: m.id })),
)
  .filter((e, i, all) => all.findIndex((x) => x.folded === e.folded) === i)
  .sort((a, b) => b.folded.length - a.folded.length);

export interface MetricMention {
  metricId: string;
  start: number;
  end: number;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where the run of word characters starting at `at` ends. */
function wordRunEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const ascii = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    if (!ascii && (c < 0x80 || !isWordChar(text[i]))) break;
    i++;
  }
  return i;
}

/**
 * Synonyms by their leading word. A synonym only matches where a word starts and cannot end
 * inside a word, so the text's word there must be the synonym's leading word: one map lookup
 * per word of the text instead of one scan of the text per synonym.
 */
const SYNONYMS_BY_FIRST_WORD = new Map<string, number[]>();
/** Synonyms that start with a non-word character; scanned for as before. */
const SYNONYMS_UNLED: number[] = [];
SYNONYMS.forEach(({ folded }, i) => {
  const first = folded.slice(0, wordRunEnd(folded, 0));
  if (!first) {
    SYNONYMS_UNLED.push(i);
    return;
  }
  const list = SYNONYMS_BY_FIRST_WORD.get(first) ?? [];
  list.push(i);
  SYNONYMS_BY_FIRST_WORD.set(first, list);
});

/** Names of bodies that contain metric words ("Sở Lao động - Thương binh và Xã hội", "Bảo hiểm xã hội huyện"). */
const ORGANISATIONS =
  /(?:lao dong\s*[-–]\s*thuong binh va xa hoi|ld\s*-?\s*tb\s*&?\s*xh|ngan hang chinh sach xa hoi|(?:co quan )?bao hiem xa hoi (?:huyen|tinh|thi xa|thanh pho|viet nam)|hoi dong giam dinh y khoa)/gu;

/**
 * Every lexicon phrase in a text, longest match winning where two overlap.
 * @param folded the text through foldAligned (same offsets as the original)
 */
export function findMetricMentions(folded: string): MetricMention[] {
  const taken = new Uint8Array(folded.length);
  for (const m of folded.matchAll(ORGANISATIONS)) taken.fill(1, m.index ?? 0, (m.index ?? 0) + m[0].length);
  // Every whole-word occurrence of every synonym, as (synonym, start) pairs in the order found
  // (one flat list: a list per synonym, hundreds of them, was allocated per call, and this runs per table cell).
  const found: number[] = [];
  const add = (i: number, at: number) => {
    const end = at + (SYNONYMS[i] as SynonymEntry).folded.length;
    if (!isWordChar(folded[at - 1]) && !isWordChar(folded[end])) found.push(i, at);
  };
  for (let at = 0; at < folded.length; ) {
    const end = wordRunEnd(folded, at);
    if (end === at) {
      at++;
      continue;
    }
    for (const i of SYNONYMS_BY_FIRST_WORD.get(folded.slice(at, end)) ?? []) {
      if (folded.startsWith((SYNONYMS[i] as SynonymEntry).folded, at)) add(i, at);
    }
    at = end;
  }
  for (const i of SYNONYMS_UNLED) {
    const syn = (SYNONYMS[i] as SynonymEntry).folded;
    for (let at = folded.indexOf(syn); at >= 0; at = folded.indexOf(syn, at + 1)) add(i, at);
  }
  // Longest synonym first (SYNONYMS' order), then in the order found: the order the matches claim the text in.
  const order = Array.from({ length: found.length / 2 }, (_, k) => k).sort(
    (x, y) => (found[2 * x] as number) - (found[2 * y] as number) || x - y,
  );
  const out: MetricMention[] = [];
  for (const k of order) {
    const { folded: syn, metricId } = SYNONYMS[found[2 * k] as number] as SynonymEntry;
    const at = found[2 * k + 1] as number;
    const end = at + syn.length;
    let free = true;
    for (let c = at; c < end && free; c++) if (taken[c] === 1) free = false;
    if (free) {
      taken.fill(1, at, end);
      out.push({ metricId, start: at, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
