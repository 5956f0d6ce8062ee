// Recomputes every relation a report states: result/target against the stated attainment, parts
// against the stated total, count/base against the stated rate. Reporters want exactly this.
import type { Report } from '../ingest/types.ts';
import { formatViNumber } from '../text/vi-number.ts';

const withUnit = (n: string, unit: string) => (unit === '%' ? `${n}%` : `${n} ${unit}`);

import { isPlanMetric } from '../lexicon/metrics.ts';
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

/** Agrees when the computed value rounds, or truncates (some reports cut digits), to what the report states. */
function agrees(computed: number, stated: number, statedText: string) {
  const decimals = (statedText.split(',')[1] ?? '').replace(/\D.*$/, '').length;
  const scale = 10 ** decimals;
  const close = (a: number) => Math.abs(a - stated) < 1e-9;
  return close(Math.round(computed * scale) / scale) || close(Math.trunc(computed * scale) / scale);
}

const num = (f: Figure) => formatViNumber(f.value, 4);

export function auditReport(report: Report, figures: Figure[]): AuditCheck[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const checks: AuditCheck[] = [];
  const quoteOf = (f: Figure) => ({
    quote: report.text.slice(f.sentenceStart, f.sentenceEnd),
    start: f.sentenceStart,
    end: f.sentenceEnd,
  });

  for (const f of figures) {
    if (f.breakdown)
      checks.push(
        checkParts(
          report,
          f,
          f.breakdown.map((id) => byId.get(id)).filter((g): g is Figure => g !== undefined),
        ),
      );
    const rel = f.relation;
    if (!rel) continue;
    const others = rel.with.map((id) => byId.get(id)).filter((g): g is Figure => g !== undefined);
    const base = { relation: rel.type, ...quoteOf(f), figureIds: [f.id, ...others.map((g) => g.id)] };

    if (rel.type === 'result_target_attainment') {
      const target = others.find((g) => g.kind === 'target');
      const att = others.find((g) => isPlanMetric(g.metric));
      if (!att) continue;
      const stated = { value: att.value, unit: '%', text: att.text };
      if (att.metric === 'plan_exceeded') {
        if (!target) continue;
        const over = (f.value / target.value - 1) * 100;
        const okOver = agrees(over, att.value, att.text);
        checks.push({
          ...base,
          stated,
          computed: { value: over, unit: '%', formula: `(${num(f)} / ${num(target)} − 1) × 100` },
          status: okOver ? 'holds' : 'differs',
          note: okOver
            ? 'Mức vượt kế hoạch khớp.'
            : `Tính lại được vượt ${formatViNumber(over)}%, báo cáo ghi ${att.text}.`,
        });
        continue;
      }
      if (!target) {
        const implied = f.value / (att.value / 100);
        checks.push({
          ...base,
          stated,
          computed: null,
          status: 'unverifiable',
          note: `Kế hoạch không được nêu; suy ra khoảng ${withUnit(formatViNumber(implied, f.unit === '%' ? 2 : 0), f.unit)} (= ${num(f)} / ${formatViNumber(att.value / 100, 4)}).`,
        });
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
        note: `Kế hoạch không được nêu; suy ra khoảng ${withUnit(formatViNumber(implied, f.unit === '%' ? 2 : 0), f.unit)} (= ${num(f)} / ${formatViNumber(1 + over.value / 100, 4)}).`,
      });
    } else if (rel.type === 'parts_of_total') {
      checks.push(checkParts(report, f, others));
    } else if (rel.type === 'count_persons_rate') {
      const rate = others.find((g) => g.unit === '%');
      if (!rate) continue;
      const baseFig = findBase(figures, f, rate);
      if (!baseFig) {
        checks.push({
          ...base,
          stated: { value: rate.value, unit: '%', text: rate.text },
          computed: null,
          status: 'unverifiable',
          note: 'Báo cáo không nêu tổng số làm mẫu số.',
        });
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
        note: ok
          ? 'Tỷ lệ khớp với số lượng trên tổng số.'
          : `Tính lại được ${formatViNumber(value, value < 1 ? 4 : 2)}%, báo cáo ghi ${rate.text}.`,
      });
    }
  }
  return checks;
}

function checkParts(report: Report, total: Figure, parts: Figure[]): AuditCheck {
  const sum = parts.reduce((s, g) => s + g.value, 0);
  const ok = Math.abs(sum - total.value) < 1e-6;
  return {
    relation: 'parts_of_total',
    quote: report.text.slice(total.sentenceStart, total.sentenceEnd),
    start: total.sentenceStart,
    end: total.sentenceEnd,
    figureIds: [total.id, ...parts.map((g) => g.id)],
    stated: { value: total.value, unit: total.unit, text: total.text },
    computed: { value: sum, unit: total.unit, formula: parts.map(num).join(' + ') },
    status: ok ? 'holds' : 'differs',
    note: ok
      ? 'Tổng các phần khớp với tổng được nêu.'
      : `Cộng các phần được ${formatViNumber(sum)}, báo cáo ghi ${total.text}.`,
  };
}

/** The report's own total to divide by: its population in the same unit family, stated before. */
function findBase(figures: Figure[], count: Figure, rate: Figure): Figure | undefined {
  const family = (u: string) => (PERSON_UNITS.has(u) ? 'person' : u);
  return figures.find(
    (g) =>
      g.metric === 'population' &&
      g.kind === 'result' &&
      family(g.unit) === family(count.unit) &&
      g.value > count.value &&
      g.start < rate.start,
  );
}
