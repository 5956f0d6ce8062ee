// A national corpus of welfare reports for the benchmark: every province and district of the
// gazetteer, half-year and year reports for 2019–2025 first (10.621 slots), then first-quarter and
// nine-month reports and the years 2009–2018 (51.607 slots in all), written from varied Vietnamese
// sentence templates with plausible figures and the noise scraped pages carry. Deterministic (seeded).
import districtsJson from '../../data/districts.json' with { type: 'json' };
import provincesJson from '../../data/provinces.json' with { type: 'json' };
import { formatViNumber } from '../../text/vi-number.ts';
import { createRng, hashSeed, type Rng } from './prng.ts';

interface ProvinceRow {
  code: string;
  name: string;
  type: string;
}
interface DistrictRow {
  code: string;
  name: string;
  type: string;
  provinceCode: string;
  province: string;
  status: string;
}

export interface Unit {
  code: string;
  name: string;
  /** "tỉnh", "thành phố", "huyện", "thị xã", "quận". */
  type: string;
  level: 'province' | 'district';
  provinceCode: string;
  province: string;
  provinceType: string;
}

export interface Slot {
  unit: Unit;
  year: number;
  /** 'q1': the first quarter; 'h1': the first six months; 'm9': the first nine months; 'fy': the whole year. */
  span: 'q1' | 'h1' | 'm9' | 'fy';
}

/** A figure the generated text states, kept to write questions with known answers. */
export interface GeneratedFact {
  metric: string;
  value: number;
  unit: string;
  kind: 'result' | 'target' | 'change';
  /** The words of the text stating it (the quote a question should retrieve). */
  quote: string;
}

export interface GeneratedReport {
  id: string;
  text: string;
  slot: Slot;
  facts: GeneratedFact[];
}

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;
/** Years of the extension slots (with YEARS): reports of the 2011–2015 and 2016–2020 programmes. */
const EARLIER_YEARS = [2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018] as const;
/** The share of a year a span covers. */
const SPAN_YEAR: Record<Slot['span'], number> = { q1: 0.25, h1: 0.5, m9: 0.75, fy: 1 };

/** Slots the seed reports already fill: a national corpus has one report per unit and period. */
const SEED_SLOTS = new Set(['45:fy:2023', '06:fy:2024', 'Thuận Bắc:fy:2023', 'Tây Sơn:h1:2023', 'Tịnh Biên:fy:2019']);

export function listUnits(): Unit[] {
  const provinces = provincesJson as ProvinceRow[];
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const units: Unit[] = provinces.map((p) => ({
    code: p.code,
    name: p.name,
    type: p.type,
    level: 'province',
    provinceCode: p.code,
    province: p.name,
    provinceType: p.type,
  }));
  for (const d of districtsJson as DistrictRow[]) {
    if (d.status !== 'active') continue;
    units.push({
      code: d.code,
      name: d.name,
      type: d.type,
      level: 'district',
      provinceCode: d.provinceCode,
      province: d.province,
      provinceType: byCode.get(d.provinceCode)?.type ?? 'tỉnh',
    });
  }
  return units;
}

/**
 * Every unit × year × span, minus the seeds' slots, in a fixed shuffled order: first the half-year
 * and year reports of 2019–2025 (the corpus every earlier benchmark ran on, in the same order),
 * then the extension (quarter and nine-month reports, and 2009–2018), shuffled apart.
 */
export function listSlots(seed = 2024): Slot[] {
  const slots: Slot[] = [];
  const extension: Slot[] = [];
  for (const unit of listUnits()) {
    for (const year of YEARS) {
      for (const span of ['h1', 'fy'] as const) {
        const key = `${unit.level === 'province' ? unit.code : unit.name}:${span}:${year}`;
        if (SEED_SLOTS.has(key)) continue;
        slots.push({ unit, year, span });
      }
    }
    for (const year of [...EARLIER_YEARS, ...YEARS]) {
      for (const span of ['q1', 'h1', 'm9', 'fy'] as const) {
        if ((YEARS as readonly number[]).includes(year) && (span === 'h1' || span === 'fy')) continue;
        extension.push({ unit, year, span });
      }
    }
  }
  return [...createRng(seed).shuffle(slots), ...createRng(seed + 1).shuffle(extension)];
}

export function slotId(s: Slot): string {
  return `gen-${s.unit.provinceCode}-${s.unit.level === 'province' ? 'tinh' : s.unit.code}-${s.year}-${s.span}`;
}

/** "huyện Tân Kỳ", "tỉnh Nghệ An", "thành phố Cần Thơ". */
export function unitLabel(u: Unit): string {
  return `${u.type} ${u.name}`;
}

function provinceLabel(u: Unit): string {
  return `${u.provinceType} ${u.province}`;
}

const vn = (n: number, decimals = 2) => formatViNumber(n, decimals);
/** Leading zeros as reports write small counts: "05 căn nhà", "09 lao động". */
const padded = (rng: Rng, n: number) => (n > 0 && n < 10 && rng.chance(0.4) ? `0${n}` : vn(n));
const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

interface Stats {
  households: number;
  poor: number;
  poorRate: number;
  nearPoor: number;
  nearPoorRate: number;
  rateDrop: number;
  rateDropPlan: number;
  escaped: number;
  newPoor: number;
  jobs: number;
  jobsPlan: number;
  abroad: number;
  abroadPlan: number;
  trainees: number;
  traineesPlan: number;
  rural: number;
  trainedRate: number;
  bhytRate: number;
  bhytPlan: number;
  bhxhMandatory: number;
  bhxhVoluntary: number;
  bhtn: number;
  unemploymentBenefit: number;
  btxh: number;
  btxhMoney: number;
  elderly: number;
  disabled: number;
  merit: number;
  meritMoney: number;
  tetGifts: number;
  tetMoney: number;
  riceKg: number;
  riceMouths: number;
  housesPoor: number;
  housesMoney: number;
  gratitudeHouses: number;
  loanHouseholds: number;
  loanMoney: number;
  outstanding: number;
  rehab: number;
  rehabPlan: number;
  children: number;
  accidents: number;
  deaths: number;
}

/** Figures of one slot; a unit's size and poverty level hold across its years. */
function statsOf(slot: Slot): Stats {
  const base = createRng(hashSeed(`unit:${slot.unit.provinceCode}:${slot.unit.code}`));
  const r = createRng(hashSeed(`slot:${slot.unit.provinceCode}:${slot.unit.code}:${slot.year}:${slot.span}`));
  const big = slot.unit.level === 'province';
  const households = big ? base.int(120_000, 950_000) : base.int(9_000, 65_000);
  const rate2019 = base.float(1.2, 32);
  const yearsOn = slot.year - 2019 + SPAN_YEAR[slot.span];
  // New multidimensional poverty line in 2022 raised every rate.
  const lineShift = slot.year >= 2022 ? 1.35 : 1;
  const poorRate = Math.max(0.4, rate2019 * lineShift * 0.86 ** yearsOn + r.float(-0.3, 0.3));
  const nearPoorRate = Math.max(0.5, poorRate * r.float(0.5, 1.1));
  const scale =
    slot.span === 'h1'
      ? r.float(0.42, 0.58)
      : slot.span === 'q1'
        ? r.float(0.18, 0.3)
        : slot.span === 'm9'
          ? r.float(0.65, 0.8)
          : 1;
  const count = (lo: number, hi: number) => Math.round((big ? r.int(lo * 8, hi * 8) : r.int(lo, hi)) * scale);
  const jobsPlan = Math.round(count(700, 4200) / 50) * 50 || 50;
  const abroadPlan = Math.round(count(15, 420) / 10) * 10 || 10;
  const traineesPlan = Math.round(count(300, 2600) / 50) * 50 || 50;
  const rehabPlan = Math.max(5, count(5, 90));
  return {
    households,
    poor: Math.round((households * poorRate) / 100),
    poorRate: Math.round(poorRate * 100) / 100,
    nearPoor: Math.round((households * nearPoorRate) / 100),
    nearPoorRate: Math.round(nearPoorRate * 100) / 100,
    rateDrop: Math.round(r.float(0.4, 4.8) * 100) / 100,
    rateDropPlan: Math.round(r.float(0.5, 4) * 10) / 10,
    escaped: count(60, 1400),
    newPoor: count(5, 160),
    jobs: Math.round(jobsPlan * r.float(0.85, 1.35)),
    jobsPlan,
    abroad: Math.round(abroadPlan * r.float(0.5, 1.8)),
    abroadPlan,
    trainees: Math.round(traineesPlan * r.float(0.8, 1.4)),
    traineesPlan,
    rural: count(120, 1500),
    trainedRate: Math.round(r.float(42, 78) * 10) / 10,
    bhytRate: Math.round(r.float(84, 99.4) * 100) / 100,
    bhytPlan: Math.round(r.float(90, 99) * 10) / 10,
    bhxhMandatory: count(1500, 26000),
    bhxhVoluntary: count(300, 9500),
    bhtn: count(1200, 21000),
    unemploymentBenefit: count(40, 1500),
    btxh: count(900, 9000),
    btxhMoney: count(2000, 45000),
    elderly: count(300, 4000),
    disabled: count(400, 3800),
    merit: count(200, 5000),
    meritMoney: Math.round(r.float(big ? 80 : 6, big ? 900 : 95) * scale * 10) / 10,
    tetGifts: count(800, 14000),
    tetMoney: count(300, 6000),
    riceKg: count(3000, 260000),
    riceMouths: count(200, 17000),
    housesPoor: count(5, 260),
    housesMoney: count(200, 12000),
    gratitudeHouses: count(1, 40),
    loanHouseholds: count(150, 5200),
    loanMoney: count(4000, 160000),
    outstanding: Math.round(r.float(big ? 1800 : 160, big ? 9800 : 1400) * 10) / 10,
    rehab: Math.round(rehabPlan * r.float(0.7, 1.3)),
    rehabPlan,
    children: count(30, 900),
    accidents: count(0, 25),
    deaths: count(0, 6),
  };
}

interface Ctx {
  rng: Rng;
  s: Stats;
  slot: Slot;
  /** "huyện Tân Kỳ" */
  place: string;
  /** "Toàn huyện", "Toàn tỉnh" */
  whole: string;
  /** "năm 2023", "6 tháng đầu năm 2023" */
  period: string;
  /** "cuối năm 2023", "đến ngày 30/6/2023" */
  asOf: string;
  next: string;
  facts: GeneratedFact[];
}

const pct = (x: number) => `${vn(x)}%`;
const plan = (actual: number, target: number) => Math.round((actual / target) * 1000) / 10;

function fact(
  c: Ctx,
  metric: string,
  value: number,
  unit: string,
  quote: string,
  kind: GeneratedFact['kind'] = 'result',
) {
  c.facts.push({ metric, value, unit, kind, quote });
  return quote;
}

/** One sentence each; about half state a figure with a unit, a rate, a plan share or a change. */
const TEMPLATES: Array<(c: Ctx) => string> = [
  (c) =>
    `${cap(c.asOf)}, ${c.place} còn ${fact(c, 'poor_households', c.s.poor, 'hộ', `${vn(c.s.poor)} hộ nghèo`)}, chiếm tỷ lệ ${fact(c, 'poverty_rate', c.s.poorRate, '%', pct(c.s.poorRate))}; ${vn(c.s.nearPoor)} hộ cận nghèo, chiếm tỷ lệ ${pct(c.s.nearPoorRate)}.`,
  (c) =>
    `Kết quả rà soát hộ nghèo, hộ cận nghèo ${c.asOf}: toàn ${c.slot.unit.type} có ${fact(c, 'poor_households', c.s.poor, 'hộ', `${vn(c.s.poor)} hộ nghèo`)} với ${vn(Math.round(c.s.poor * c.rng.float(2.8, 4.6)))} nhân khẩu, tỷ lệ ${pct(c.s.poorRate)}.`,
  (c) =>
    `Tỷ lệ hộ nghèo giảm ${fact(c, 'poverty_rate_reduction', c.s.rateDrop, '%', pct(c.s.rateDrop), 'change')}, ${c.s.rateDrop >= c.s.rateDropPlan ? 'vượt' : 'chưa đạt'} chỉ tiêu Nghị quyết đề ra (giảm ${pct(c.s.rateDropPlan)}).`,
  (c) =>
    `Số hộ cận nghèo ${c.asOf} là ${fact(c, 'near_poor_households', c.s.nearPoor, 'hộ', `${vn(c.s.nearPoor)} hộ`)}, chiếm ${pct(c.s.nearPoorRate)} tổng số hộ dân cư.`,
  (c) =>
    `Trong ${c.period} có ${fact(c, 'households_escaped_poverty', c.s.escaped, 'hộ', `${vn(c.s.escaped)} hộ thoát nghèo`)}, tuy nhiên vẫn còn ${padded(c.rng, c.s.newPoor)} hộ nghèo phát sinh do thiên tai, ốm đau, tai nạn.`,
  (c) =>
    `${c.whole} giải quyết việc làm cho ${fact(c, 'jobs_created', c.s.jobs, 'lao động', `${vn(c.s.jobs)}/${vn(c.s.jobsPlan)} lao động`)}, đạt ${pct(plan(c.s.jobs, c.s.jobsPlan))} kế hoạch.`,
  (c) =>
    `Công tác giải quyết việc làm tiếp tục được quan tâm, ${c.period} đã tạo việc làm mới cho ${fact(c, 'jobs_created', c.s.jobs, 'lao động', `${vn(c.s.jobs)} lao động`)}, ${c.s.jobs >= c.s.jobsPlan ? `vượt ${pct(plan(c.s.jobs, c.s.jobsPlan) - 100)}` : `đạt ${pct(plan(c.s.jobs, c.s.jobsPlan))}`} kế hoạch năm.`,
  (c) =>
    `Đưa ${fact(c, 'workers_abroad', c.s.abroad, 'lao động', `${padded(c.rng, c.s.abroad)} lao động đi làm việc ở nước ngoài theo hợp đồng`)} tại các thị trường Nhật Bản, Hàn Quốc, Đài Loan, đạt ${pct(plan(c.s.abroad, c.s.abroadPlan))} kế hoạch.`,
  (c) =>
    `Số lao động đi xuất khẩu lao động là ${vn(c.s.abroad)}/${vn(c.s.abroadPlan)} người, chủ yếu sang thị trường ${c.rng.pick(['Nhật Bản', 'Hàn Quốc', 'Đài Loan (Trung Quốc)', 'Châu Âu'])}.`,
  (c) =>
    `Tuyển sinh và đào tạo nghề cho ${fact(c, 'vocational_trainees', c.s.trainees, 'người', `${vn(c.s.trainees)}/${vn(c.s.traineesPlan)} người`)}, đạt ${pct(plan(c.s.trainees, c.s.traineesPlan))} kế hoạch (trong đó trình độ cao đẳng: ${vn(c.rng.int(5, 90))}; trung cấp: ${vn(c.rng.int(40, 400))}; sơ cấp và dưới 3 tháng: ${vn(Math.max(1, c.s.trainees - 300))}).`,
  (c) =>
    `Đào tạo nghề cho ${fact(c, 'rural_vocational_training', c.s.rural, 'lao động', `${vn(c.s.rural)} lao động nông thôn`)}, tỷ lệ lao động qua đào tạo đạt ${fact(c, 'trained_labour_rate', c.s.trainedRate, '%', pct(c.s.trainedRate))}.`,
  (c) =>
    `Tỷ lệ bao phủ bảo hiểm y tế đạt ${fact(c, 'health_insurance_coverage', c.s.bhytRate, '%', `${pct(c.s.bhytRate)} dân số`)}, đạt ${pct(plan(c.s.bhytRate, c.s.bhytPlan))} kế hoạch.`,
  (c) =>
    `Tỷ lệ người dân tham gia BHYT ${c.asOf} đạt ${fact(c, 'health_insurance_coverage', c.s.bhytRate, '%', pct(c.s.bhytRate))}; cấp ${vn(Math.round(c.s.poor * 3.2))} thẻ BHYT cho người nghèo, người dân tộc thiểu số.`,
  (c) =>
    `Có ${fact(c, 'social_insurance_participants', c.s.bhxhMandatory, 'người', `${vn(c.s.bhxhMandatory)} người tham gia BHXH bắt buộc`)}; ${fact(c, 'voluntary_social_insurance', c.s.bhxhVoluntary, 'người', `${vn(c.s.bhxhVoluntary)} người tham gia BHXH tự nguyện`)}; ${vn(c.s.bhtn)} người tham gia bảo hiểm thất nghiệp.`,
  (c) =>
    `Tiếp nhận và giải quyết cho ${fact(c, 'unemployment_benefit_recipients', c.s.unemploymentBenefit, 'người', `${vn(c.s.unemploymentBenefit)} người hưởng trợ cấp thất nghiệp`)} với tổng số tiền ${vn(Math.round(c.s.unemploymentBenefit * c.rng.float(9, 16)))} triệu đồng.`,
  (c) =>
    `Thực hiện chi trả trợ cấp xã hội hàng tháng cho ${fact(c, 'social_allowance_recipients', c.s.btxh, 'đối tượng', `${vn(c.s.btxh)} đối tượng bảo trợ xã hội`)} với kinh phí ${fact(c, 'social_allowance_spending', c.s.btxhMoney, 'triệu đồng', `${vn(c.s.btxhMoney)} triệu đồng`)}.`,
  (c) =>
    `Chúc thọ, mừng thọ cho ${vn(c.s.elderly)} người cao tuổi; trợ cấp cho ${fact(c, 'disability_allowance', c.s.disabled, 'người', `${vn(c.s.disabled)} người khuyết tật`)} theo Nghị định số 20/2021/NĐ-CP.`,
  (c) =>
    `Chi trả trợ cấp ưu đãi hàng tháng cho ${fact(c, 'merit_people', c.s.merit, 'người', `${vn(c.s.merit)} người có công với cách mạng`)}, tổng kinh phí ${fact(c, 'merit_allowance_spending', c.s.meritMoney, 'tỷ đồng', `${vn(c.s.meritMoney)} tỷ đồng`)}.`,
  (c) =>
    `Dịp Tết Nguyên đán, đã tặng ${fact(c, 'tet_gifts', c.s.tetGifts, 'suất quà', `${vn(c.s.tetGifts)} suất quà`)} với tổng trị giá ${vn(c.s.tetMoney)} triệu đồng cho các gia đình chính sách, hộ nghèo và đối tượng bảo trợ xã hội.`,
  (c) =>
    `Tiếp nhận và phân bổ ${fact(c, 'emergency_relief', c.s.riceKg, 'kg', `${vn(c.s.riceKg)} kg gạo`)} hỗ trợ cứu đói cho ${vn(c.s.riceMouths)} khẩu trong dịp Tết và giáp hạt.`,
  (c) =>
    `Hỗ trợ xây mới, sửa chữa ${fact(c, 'houses_for_poor', c.s.housesPoor, 'căn', `${padded(c.rng, c.s.housesPoor)} căn nhà`)} cho hộ nghèo với tổng kinh phí ${vn(c.s.housesMoney)} triệu đồng; xây dựng ${padded(c.rng, c.s.gratitudeHouses)} nhà tình nghĩa.`,
  (c) =>
    `Ngân hàng Chính sách xã hội đã giải ngân cho ${vn(c.s.loanHouseholds)} hộ nghèo, hộ cận nghèo vay với số tiền ${fact(c, 'preferential_loans', c.s.loanMoney, 'triệu đồng', `${vn(c.s.loanMoney)} triệu đồng`)}; tổng dư nợ đạt ${vn(c.s.outstanding)} tỷ đồng.`,
  (c) =>
    `Tổ chức cai nghiện ma túy bắt buộc cho ${fact(c, 'drug_rehabilitation', c.s.rehab, 'người', `${vn(c.s.rehab)}/${vn(c.s.rehabPlan)} người`)}, đạt ${pct(plan(c.s.rehab, c.s.rehabPlan))} kế hoạch.`,
  (c) =>
    `Quản lý, theo dõi ${fact(c, 'children_protection', c.s.children, 'trẻ em', `${vn(c.s.children)} trẻ em có hoàn cảnh đặc biệt`)}; ${c.rng.pick(['không có', 'xảy ra'])} ${padded(c.rng, c.rng.int(0, 9))} vụ xâm hại trẻ em.`,
  (c) =>
    `Trên địa bàn xảy ra ${fact(c, 'labour_accidents', c.s.accidents, 'vụ', `${padded(c.rng, c.s.accidents)} vụ tai nạn lao động`)}, làm chết ${padded(c.rng, c.s.deaths)} người.`,
  (c) =>
    `So với cùng kỳ, số hộ nghèo giảm ${fact(c, 'poor_households', c.s.escaped, 'hộ', `${vn(c.s.escaped)} hộ`, 'change')}, tỷ lệ hộ nghèo giảm còn ${pct(c.s.poorRate)}.`,
  (c) =>
    `Tổng kinh phí thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững ${c.period} là ${fact(c, 'poverty_programme_funding', Math.round(c.s.loanMoney / 9), 'triệu đồng', `${vn(Math.round(c.s.loanMoney / 9))} triệu đồng`)}, giải ngân đạt ${pct(c.rng.float(35, 98))}.`,
  (c) =>
    `Tổ chức ${padded(c.rng, c.rng.int(2, 14))} phiên giao dịch việc làm, tư vấn, giới thiệu việc làm cho ${fact(c, 'job_placement_services', Math.round(c.s.jobs * 1.3), 'lượt người', `${vn(Math.round(c.s.jobs * 1.3))} lượt người`)}.`,
  (c) =>
    `Hỗ trợ tiền điện cho ${vn(c.s.poor)} hộ nghèo với kinh phí ${vn(Math.round(c.s.poor * 0.33))} triệu đồng; hỗ trợ tiền ăn Tết cho ${vn(c.s.nearPoor)} hộ cận nghèo.`,
  (c) =>
    `${cap(c.asOf)}, tổng số hộ nghèo và hộ cận nghèo là ${vn(c.s.poor + c.s.nearPoor)} hộ, chiếm ${pct(Math.round((c.s.poorRate + c.s.nearPoorRate) * 100) / 100)} tổng số hộ.`,
  (c) =>
    `Nguồn vốn vay tạo việc làm từ Quỹ quốc gia về việc làm được giải ngân ${vn(Math.round(c.s.loanMoney / 14))} triệu đồng, tạo việc làm cho ${vn(Math.round(c.s.jobs / 9) + 1)} lao động.`,
  (c) =>
    `Tỷ lệ lao động qua đào tạo đạt ${pct(c.s.trainedRate)}, trong đó có bằng cấp, chứng chỉ đạt ${pct(Math.round(c.s.trainedRate * 0.42 * 10) / 10)}.`,
];

/** Sentences about next period's targets: "phấn đấu", "chỉ tiêu", "kế hoạch". */
const TARGET_TEMPLATES: Array<(c: Ctx) => string> = [
  (c) =>
    `Phấn đấu ${c.next} giải quyết việc làm cho ${fact(c, 'jobs_created', Math.round((c.s.jobsPlan * 1.05) / 50) * 50, 'lao động', `${vn(Math.round((c.s.jobsPlan * 1.05) / 50) * 50)} lao động`, 'target')}; giảm tỷ lệ hộ nghèo ${pct(c.s.rateDropPlan)}.`,
  (c) =>
    `Chỉ tiêu ${c.next}: tỷ lệ bao phủ bảo hiểm y tế đạt ${fact(c, 'health_insurance_coverage', Math.min(99.5, c.s.bhytPlan + 0.5), '%', pct(Math.min(99.5, c.s.bhytPlan + 0.5)), 'target')}; tỷ lệ lao động qua đào tạo đạt ${pct(c.s.trainedRate + 1.5)}.`,
  (c) =>
    `Kế hoạch ${c.next} đưa ${vn(c.s.abroadPlan + 10)} lao động đi làm việc ở nước ngoài theo hợp đồng và đào tạo nghề cho ${vn(c.s.traineesPlan)} người.`,
  (c) =>
    `Phấn đấu giảm tỷ lệ hộ nghèo ${pct(c.s.rateDropPlan)}, hộ cận nghèo ${pct(Math.round(c.s.rateDropPlan * 6) / 10)} (theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025).`,
];

const NARRATIVE = [
  'Công tác an sinh xã hội được các cấp ủy Đảng, chính quyền quan tâm chỉ đạo, triển khai đầy đủ, kịp thời, đúng đối tượng.',
  'Các chính sách giảm nghèo được thực hiện đồng bộ, góp phần ổn định đời sống của người dân, nhất là đồng bào vùng sâu, vùng xa.',
  'Tuy nhiên, kết quả giảm nghèo chưa thật sự bền vững, số hộ cận nghèo và hộ mới thoát nghèo còn cao, nguy cơ tái nghèo lớn.',
  'Công tác tuyên truyền về chính sách bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình được đẩy mạnh dưới nhiều hình thức.',
  'Thị trường lao động từng bước phục hồi, nhu cầu tuyển dụng của các doanh nghiệp trong khu công nghiệp tăng so với cùng kỳ.',
  'Việc chi trả chế độ chính sách cho người có công được thực hiện qua hệ thống bưu điện, bảo đảm an toàn, đúng quy định.',
  'Công tác bảo vệ, chăm sóc trẻ em, phòng chống đuối nước và xâm hại trẻ em được tăng cường, không để xảy ra vụ việc nghiêm trọng.',
  'Phòng Lao động - Thương binh và Xã hội đã phối hợp với Mặt trận Tổ quốc và các đoàn thể rà soát, bình xét hộ nghèo công khai, dân chủ.',
  'Hoạt động của các cơ sở trợ giúp xã hội ổn định, công tác nuôi dưỡng, chăm sóc đối tượng được bảo đảm.',
  'Một số chỉ tiêu đạt thấp do nguồn lực còn hạn chế, trình độ lao động nông thôn chưa đáp ứng yêu cầu của thị trường.',
  'Phong trào “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau” được hưởng ứng rộng rãi.',
  'Việc ứng dụng công nghệ thông tin trong quản lý đối tượng bảo trợ xã hội, người có công tiếp tục được đẩy mạnh.',
];

const HEADINGS = [
  'Công tác giảm nghèo',
  'Công tác lao động, việc làm',
  'Giáo dục nghề nghiệp',
  'Bảo hiểm xã hội, bảo hiểm y tế',
  'Công tác bảo trợ xã hội',
  'Công tác người có công',
  'Công tác bảo vệ, chăm sóc trẻ em',
  'Phòng, chống tệ nạn xã hội',
];

const MASTHEADS = [
  'Báo Lao động và Xã hội',
  'Your Website Title',
  'Cổng thông tin điện tử',
  'Báo dân sinh',
  'Trang thông tin điện tử',
];
const MENUS = [
  'Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản | Liên hệ',
  'Xã hội',
  'Trang chủ › Tin tức › An sinh xã hội',
  'Tin tức - Sự kiện',
];
const WEEKDAYS = ['THỨ HAI', 'THỨ BA', 'THỨ TƯ', 'THỨ NĂM', 'THỨ SÁU', 'THỨ BẢY', 'CHỦ NHẬT'];
const AUTHORS = ['TRÚC PHƯƠNG', 'THẢO VI', 'MINH ANH', 'HOÀNG LONG', 'THU HÀ', 'QUỐC TUẤN', 'PV'];

function titleOf(c: Ctx): string {
  const p =
    c.slot.unit.level === 'district' ? `${unitLabel(c.slot.unit)} (${c.slot.unit.province})` : unitLabel(c.slot.unit);
  return c.rng.pick([
    `${cap(p)}: Kết quả công tác giảm nghèo, giải quyết việc làm và an sinh xã hội ${c.period}`,
    `${cap(p)} triển khai nhiệm vụ lao động, người có công và xã hội ${c.next}`,
    `${cap(p)} phấn đấu giảm tỷ lệ hộ nghèo, bảo đảm an sinh xã hội ${c.next}`,
    c.slot.unit.level === 'province'
      ? `Sở LĐ-TB&XH ${provinceLabel(c.slot.unit)} tổng kết công tác ${c.period}`
      : `Phòng LĐ-TB&XH ${p} tổng kết công tác ${c.period}`,
    `Ngành Lao động – Thương binh và Xã hội ${p}: góp phần bảo đảm an sinh xã hội ${c.period}`,
  ]);
}

function paragraph(c: Ctx, n: number, templates: Array<(c: Ctx) => string>): string {
  const parts: string[] = [];
  if (c.rng.chance(0.6)) parts.push(c.rng.pick(NARRATIVE));
  for (let i = 0; i < n; i++) parts.push(c.rng.pick(templates)(c));
  return parts.join(' ');
}

function newsNoise(c: Ctx, title: string, top: boolean): string[] {
  const r = c.rng;
  const y = c.slot.span === 'fy' ? c.slot.year + 1 : c.slot.year;
  const m =
    c.slot.span === 'fy'
      ? r.int(1, 3)
      : c.slot.span === 'h1'
        ? r.int(7, 8)
        : c.slot.span === 'q1'
          ? r.int(4, 5)
          : r.int(10, 11);
  const d = r.int(1, 28);
  if (top) {
    const lines = [r.pick(MASTHEADS)];
    if (r.chance(0.5)) lines.push(r.pick(MENUS));
    lines.push(
      r.chance(0.5)
        ? `${r.pick(WEEKDAYS)}, NGÀY ${String(d).padStart(2, '0')} THÁNG ${String(m).padStart(2, '0')} NĂM ${y} ${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`
        : `${String(r.int(1, 12)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')} ${r.pick(['AM', 'PM'])} ${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
    );
    for (let i = r.int(1, 3); i > 0; i--) lines.push(title);
    return lines;
  }
  const lines = [r.pick(AUTHORS), '', r.pick(['Tin mới', 'CÙNG CHUYÊN MỤC', 'Tin liên quan'])];
  const others = listUnitsCached();
  for (let i = r.int(2, 5); i > 0; i--) {
    const u = r.pick(others);
    lines.push(
      `${cap(unitLabel(u))} ${r.pick(['tổ chức hội nghị tổng kết công tác giảm nghèo', 'trao quà Tết cho hộ nghèo', 'ra quân tuyển sinh đào tạo nghề', 'khởi công nhà Đại đoàn kết cho hộ nghèo', 'phát động Tháng hành động vì trẻ em'])} năm ${r.pick(YEARS)}`,
    );
  }
  if (r.chance(0.5)) lines.push('Xem theo ngày', 'Báo dân sinh', 'Báo dân sinh');
  return lines;
}

let unitsCache: Unit[] | null = null;
function listUnitsCached(): Unit[] {
  unitsCache ??= listUnits();
  return unitsCache;
}

function newsReport(c: Ctx): string {
  const title = titleOf(c);
  const lines = newsNoise(c, title, true);
  lines.push('');
  lines.push(
    `(${c.rng.pick(['LĐXH', 'TTXVN', 'BĐT', 'PV'])}) - ${cap(c.period)}, ${c.place} tiếp tục thực hiện đồng bộ các chính sách an sinh xã hội, chăm lo đời sống người dân.`,
  );
  const paragraphs = c.rng.int(4, 7);
  for (let i = 0; i < paragraphs; i++) lines.push('', paragraph(c, c.rng.int(1, 3), TEMPLATES));
  if (c.rng.chance(0.5)) {
    lines.push('', `Các chỉ tiêu chủ yếu ${c.period} cụ thể như sau:`);
    for (let i = c.rng.int(3, 5); i > 0; i--) lines.push(`- ${c.rng.pick(TEMPLATES)(c)}`);
  }
  lines.push('', paragraph(c, c.rng.int(1, 2), TARGET_TEMPLATES));
  lines.push('', ...newsNoise(c, title, false));
  return lines.join('\n');
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function wordReport(c: Ctx): string {
  const u = c.slot.unit;
  const issuer =
    u.level === 'province'
      ? `SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI ${u.province.toUpperCase()}`
      : `ỦY BAN NHÂN DÂN ${u.type.toUpperCase()} ${u.name.toUpperCase()}`;
  const month = SPAN_YEAR[c.slot.span] * 12;
  const lines = [
    issuer,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    `Số: ${c.rng.chance(0.5) ? '' : c.rng.int(12, 480)}/BC-${u.level === 'province' ? 'SLĐTBXH' : 'UBND'}`,
    `${u.name}, ngày ${c.rng.chance(0.5) ? '    ' : c.rng.int(5, 28)} tháng ${month} năm ${c.slot.year}`,
    '',
    'BÁO CÁO',
    `Kết quả thực hiện công tác lao động, người có công và xã hội ${c.period} và phương hướng, nhiệm vụ ${c.next}`,
    '',
    `Ủy ban nhân dân ${c.place} báo cáo kết quả thực hiện ${c.period}, cụ thể như sau:`,
    '',
    `${ROMAN[0]}. KẾT QUẢ THỰC HIỆN`,
  ];
  const sections = c.rng.shuffle([...HEADINGS]).slice(0, c.rng.int(4, 7));
  sections.forEach((h, i) => {
    lines.push('', `${i + 1}. ${h}`, '', paragraph(c, c.rng.int(1, 3), TEMPLATES));
    if (c.rng.chance(0.35)) {
      lines.push('', `Kết quả cụ thể như sau:`);
      for (let k = c.rng.int(2, 4); k > 0; k--) lines.push(`${c.rng.pick(['-', '+'])} ${c.rng.pick(TEMPLATES)(c)}`);
    }
    if (c.rng.chance(0.25)) lines.push('', `\f${c.rng.int(2, 9)}`, '');
  });
  lines.push('', `${ROMAN[1]}. KHÓ KHĂN, HẠN CHẾ`, '', c.rng.pick(NARRATIVE), c.rng.pick(NARRATIVE));
  lines.push(
    '',
    `${ROMAN[2]}. PHƯƠNG HƯỚNG, NHIỆM VỤ ${c.next.toUpperCase()}`,
    '',
    paragraph(c, c.rng.int(2, 3), TARGET_TEMPLATES),
  );
  lines.push('', 'Nơi nhận:', '- Như trên;', '- Lưu: VT.', '', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH');
  return lines.join('\n');
}

export function generateReport(slot: Slot): GeneratedReport {
  const rng = createRng(hashSeed(`text:${slotId(slot)}`));
  const { year, span, unit } = slot;
  const c: Ctx = {
    rng,
    s: statsOf(slot),
    slot,
    place: unitLabel(unit),
    whole: unit.level === 'province' ? 'Toàn tỉnh' : `Toàn ${unit.type}`,
    period: {
      q1: `quý I năm ${year}`,
      h1: `6 tháng đầu năm ${year}`,
      m9: `9 tháng đầu năm ${year}`,
      fy: `năm ${year}`,
    }[span],
    asOf: {
      q1: `đến ngày 31/3/${year}`,
      h1: `đến ngày 30/6/${year}`,
      m9: `đến ngày 30/9/${year}`,
      fy: `cuối năm ${year}`,
    }[span],
    next: {
      q1: `quý II năm ${year}`,
      h1: `6 tháng cuối năm ${year}`,
      m9: `3 tháng cuối năm ${year}`,
      fy: `năm ${year + 1}`,
    }[span],
    facts: [],
  };
  const text = rng.chance(0.55) ? newsReport(c) : wordReport(c);
  return { id: slotId(slot), text, slot, facts: c.facts };
}

/** The first `count` reports of the national corpus (the same ones on every run). */
export function generateCorpus(count: number, seed = 2024): GeneratedReport[] {
  const slots = listSlots(seed);
  if (count > slots.length) throw new Error(`The gazetteer gives ${slots.length} report slots; asked for ${count}.`);
  return slots.slice(0, count).map(generateReport);
}

/** Sentence templates in use (results, targets): the variety that keeps tokenizer costs realistic. */
export const TEMPLATE_COUNT = TEMPLATES.length + TARGET_TEMPLATES.length;
