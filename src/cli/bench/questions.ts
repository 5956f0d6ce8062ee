// The benchmark's question mix, written from the generated reports' own figures so most have an
// answer: lookups (place + metric + period, accented and typed without accents), sums,
// comparisons between two places, and questions with no answer; plus the dev questions.
import type { DevQuestion } from '../dev-questions.ts';
import { type GeneratedReport, unitLabel } from './generate.ts';
import { createRng } from './prng.ts';

export interface BenchQuestion {
  question: string;
  type: 'lookup' | 'sum' | 'compare' | 'not_found' | 'dev';
}

/** How a question names a metric; several wordings each, as people type them. */
const ASK: Record<string, string[]> = {
  poor_households: ['Số hộ nghèo của {p} {t}?', '{p} còn bao nhiêu hộ nghèo {t}?', 'hộ nghèo {p} {t}'],
  poverty_rate: ['Tỷ lệ hộ nghèo của {p} {t} là bao nhiêu?', 'ty le ho ngheo {p} {t}'],
  near_poor_households: ['{p} có bao nhiêu hộ cận nghèo {t}?'],
  jobs_created: ['{p} giải quyết việc làm cho bao nhiêu lao động {t}?', 'giải quyết việc làm {p} {t}'],
  workers_abroad: ['Số lao động {p} đi làm việc ở nước ngoài {t}?', 'XKLĐ {p} {t} bao nhiêu người'],
  health_insurance_coverage: ['Tỷ lệ bao phủ BHYT {p} {t}?', 'bao phu bao hiem y te {p} {t}'],
  voluntary_social_insurance: ['{p} có bao nhiêu người tham gia BHXH tự nguyện {t}?'],
  emergency_relief: ['{p} hỗ trợ bao nhiêu kg gạo cứu đói {t}?'],
  houses_for_poor: ['{p} hỗ trợ bao nhiêu căn nhà cho hộ nghèo {t}?'],
  preferential_loans: ['Ngân hàng Chính sách xã hội {p} giải ngân bao nhiêu tiền {t}?'],
  drug_rehabilitation: ['Cai nghiện ma túy bắt buộc ở {p} {t} được bao nhiêu người?'],
  trained_labour_rate: ['Tỷ lệ lao động qua đào tạo của {p} {t}?'],
};

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

function periodWords(r: GeneratedReport, rng: ReturnType<typeof createRng>): string {
  const y = r.slot.year;
  if (r.slot.span === 'h1') return rng.pick([`6 tháng đầu năm ${y}`, `6 tháng đầu ${y}`]);
  if (r.slot.span === 'q1') return rng.pick([`quý I năm ${y}`, `quý I/${y}`]);
  if (r.slot.span === 'm9') return rng.pick([`9 tháng đầu năm ${y}`, `9 tháng ${y}`]);
  return rng.pick([`năm ${y}`, `cuối năm ${y}`, `${y}`]);
}

/**
 * `count` questions over the generated reports (in a fixed order), then the dev questions.
 * Shares: 55% lookups, 15% sums, 15% comparisons, 15% not found.
 */
export function buildQuestionMix(
  reports: GeneratedReport[],
  count: number,
  dev: DevQuestion[],
  seed = 7,
): BenchQuestion[] {
  const rng = createRng(seed);
  const out: BenchQuestion[] = [];
  if (reports.length > 0) {
    for (let i = 0; i < count; i++) {
      const r = rng.pick(reports);
      const place = unitLabel(r.slot.unit);
      const t = periodWords(r, rng);
      const roll = rng.next();
      if (roll < 0.55) {
        const facts = r.facts.filter((f) => ASK[f.metric] && f.kind === 'result');
        const f = facts.length ? rng.pick(facts) : undefined;
        const forms = f ? (ASK[f.metric] as string[]) : (ASK.poor_households as string[]);
        let q = rng.pick(forms).replace('{p}', place).replace('{t}', t);
        if (/^[a-z]/.test(q)) q = fold(q);
        out.push({ question: q, type: 'lookup' });
      } else if (roll < 0.7) {
        out.push({
          question: rng.pick([
            `Tổng số hộ nghèo và hộ cận nghèo của ${place} ${t}?`,
            `Tổng số người tham gia BHXH bắt buộc và tự nguyện ở ${place} ${t}?`,
            `Tỷ lệ hộ nghèo và cận nghèo cộng lại của ${place} ${t}?`,
          ]),
          type: 'sum',
        });
      } else if (roll < 0.85) {
        const other = rng.pick(reports);
        out.push({
          question: rng.pick([
            `So sánh tỷ lệ hộ nghèo của ${place} và ${unitLabel(other.slot.unit)} ${t}`,
            `Tỷ lệ bao phủ BHYT của ${place} ${t} và ${unitLabel(other.slot.unit)}, nơi nào cao hơn?`,
            `${cap(place)} giải quyết việc làm ${t} nhiều hơn ${unitLabel(other.slot.unit)} bao nhiêu?`,
          ]),
          type: 'compare',
        });
      } else {
        out.push({
          question: rng.pick([
            `Tỷ lệ hộ nghèo của ${place} năm 2017?`,
            `Thu nhập bình quân đầu người ở ${place} ${t}?`,
            'Giá vàng hôm nay bao nhiêu?',
            `Số người tham gia BHYT ở ${place} năm 2016?`,
          ]),
          type: 'not_found',
        });
      }
    }
  }
  for (const d of dev) out.push({ question: d.question, type: 'dev' });
  return out;
}

const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
