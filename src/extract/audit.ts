// Recomputes every relation a report states: result/target against the stated attainment, parts
// against the stated total, count/base against the stated rate. Reporters want exactly this.
import type { Report } from '../ingest/types.ts';
import { formatViNumber } from '../text/vi-number.ts';
import type { Figure, RelationType } from './types.ts';

export interface AuditCheck {
  relation: RelationType;
  /** What the report states, in its words. */
  quote: string;
  start: number;
  end: number;
  figureIds: string[];
  stated: { value: number; unit: string; text: string };
  computed: { value: number; unit: string; formula: string } | null;
  /** holds: agrees once rounded as the report rounds; differs: it does not; unverifiable: an input is not stated. */
  status: 'holds' | 'differs' | 'unverifiable';
  note: string;
}

const PERSON_UNITS = new Set(['nhân khẩu', 'khẩu', 'người']);

/** Agrees when the computed value, rounded to the stated decimals, is within half a unit of the last stated digit (or 0,1 for reports that truncate). */
function agrees(computed: number, stated: number, statedText: string) {
  const decimals = (statedText.split(',')[1] ?? '').replace(/\D.*$/, '').length;
  const tolerance = Math.max(0.5 * 10 ** -decimals, decimals === 0 ? 0.5 : 0.1 ** decimals);
  return Math.abs(computed - stated) <= tolerance + 1e-9;
}

const num = (f: Figure) => formatViNumber(f.value, 4);

export function auditReport(report: Report, figures: Figure[]): AuditCheck[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const checks: AuditCheck[] = [];
  const quoteOf = (f: Figure) => ({ quote: report.text.slice(f.sentenceStart, f.sentenceEnd), start: f.sentenceStart, end: f.sentenceEnd });

  for (const f of figures) {
    const rel = f.relation;
    if (!rel) continue;
    const others = rel.with.map((id) => byId.get(id)).filter((g): g is Figure => g !== undefined);
    const base = { relation: rel.type, ...quoteOf(f), figureIds: [f.id, ...others.map((g) => g.id)] };

    if (rel.type === 'result_target_attainment') {
      const target = others.find((g) => g.kind === 'target');
      const att = others.find((g) => g.metric === 'plan_attainment');
      if (!att) continue;
      const stated = { value: att.value, unit: '%', text: att.text };
      if (!target) {
        const implied = f.value / (att.value / 100);
        checks.push({ ...base, stated, computed: null, status: 'unverifiable', note: `Kế hoạch không được nêu; suy ra khoảng ${formatViNumber(implied, 0)} ${f.unit} (= ${num(f)} / ${formatViNumber(att.value / 100, 4)}).` });
        continue;
      }
      const value = (f.value / target.value) * 100;
      const ok = agrees(value, att.value, att.text);
      checks.push({
        ...base,
        stated,
        computed: { value, unit: '%', formula: `${num(f)} / ${num(target)} × 100` },
        status: ok ? 'holds' : 'differs',
        note: ok ? 'Tỷ lệ đạt kế hoạch khớp.' : `Tính lại được ${formatViNumber(value)}%, báo cáo ghi ${att.text}.`,
      });
    } else if (rel.type === 'exceeded_plan') {
      const over = others[0];
      if (!over) continue;
      const implied = f.value / (1 + over.value / 100);
      checks.push({
        ...base,
        stated: { value: over.value, unit: '%', text: over.text },
        computed: null,
        status: 'unverifiable',
        note: `Kế hoạch không được nêu; suy ra khoảng ${formatViNumber(implied, 0)} ${f.unit} (= ${num(f)} / ${formatViNumber(1 + over.value / 100, 4)}).`,
      });
    } else if (rel.type === 'parts_of_total') {
      const sum = others.reduce((s, g) => s + g.value, 0);
      const ok = Math.abs(sum - f.value) < 1e-6;
      checks.push({
        ...base,
        stated: { value: f.value, unit: f.unit, text: f.text },
        computed: { value: sum, unit: f.unit, formula: others.map(num).join(' + ') },
        status: ok ? 'holds' : 'differs',
        note: ok ? 'Tổng các phần khớp với tổng được nêu.' : `Cộng các phần được ${formatViNumber(sum)}, báo cáo ghi ${f.text}.`,
      });
    } else if (rel.type === 'count_persons_rate') {
      const rate = others.find((g) => g.unit === '%');
      if (!rate) continue;
      const baseFig = findBase(figures, f, rate);
      if (!baseFig) {
        checks.push({ ...base, stated: { value: rate.value, unit: '%', text: rate.text }, computed: null, status: 'unverifiable', note: 'Báo cáo không nêu tổng số làm mẫu số.' });
        continue;
      }
      const value = (f.value / baseFig.value) * 100;
      const ok = agrees(value, rate.value, rate.text);
      checks.push({
        ...base,
        figureIds: [...base.figureIds, baseFig.id],
        stated: { value: rate.value, unit: '%', text: rate.text },
        computed: { value, unit: '%', formula: `${num(f)} / ${num(baseFig)} × 100` },
        status: ok ? 'holds' : 'differs',
        note: ok ? 'Tỷ lệ khớp với số lượng trên tổng số.' : `Tính lại được ${formatViNumber(value)}%, báo cáo ghi ${rate.text}.`,
      });
    }
  }
  return checks;
}

/** The report's own total to divide by: its population in the same unit family, stated before. */
function findBase(figures: Figure[], count: Figure, rate: Figure): Figure | undefined {
  const family = (u: string) => (PERSON_UNITS.has(u) ? 'person' : u);
  return figures.find(
    (g) => g.metric === 'population' && g.kind === 'result' && family(g.unit) === family(count.unit) && g.value > count.value && g.start < rate.start,
  );
}
