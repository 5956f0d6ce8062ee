// Links the figures a sentence ties together: a result with its plan and attainment, a count with
// its persons and rate, a count with its money, parts with their total, a change with its
// equivalent. The audit recomputes each one.

import { isPlanMetric, metricById } from '../lexicon/metrics.ts';
import type { Figure } from './types.ts';
import { isMoneyUnit } from './units.ts';

/** Does the lexicon pair this count with this rate (either side naming the other as related)? */
function ratePairs(countId: string, rateId: string): boolean {
  const count = metricById(countId);
  const rate = metricById(rateId);
  if (!count || !rate || rate.kind !== 'rate' || count.kind !== 'count') return false;
  return count.related.includes(rateId) || rate.related.includes(countId);
}

import { foldAligned } from '../text/fold-aligned.ts';

const PERSON_UNITS = new Set(['nhân khẩu', 'khẩu', 'người']);

export function linkRelations(text: string, figures: Figure[]): void {
  const bySentence = new Map<number, Figure[]>();
  for (const f of figures) {
    const list = bySentence.get(f.sentenceStart) ?? [];
    list.push(f);
    bySentence.set(f.sentenceStart, list);
  }
  for (const list of bySentence.values()) linkSentence(text, list);
}

/** Counts in a parenthesis opened right after `after` that break `total` down (same kind of unit, not plans). */
function partsInParentheses(text: string, figs: Figure[], after: Figure, total: Figure): Figure[] {
  if (isMoneyUnit(total.unit) || total.unit === '%') return [];
  const from = figs.indexOf(after) + 1;
  const next = figs[from];
  // The parenthesis must open before the next figure, so only the text up to it is looked at.
  const limit = Math.min(next ? next.start : total.sentenceEnd, total.sentenceEnd);
  const gap = text.slice(after.end, limit);
  const at = gap.indexOf('(');
  if (at < 0 || gap.slice(0, at).includes(';')) return [];
  const open = after.end + at;
  const close = text.indexOf(')', open);
  const end = close >= 0 && close < total.sentenceEnd ? close : total.sentenceEnd;
  const inner: Figure[] = [];
  for (let i = from; i < figs.length && (figs[i] as Figure).end <= end; i++) {
    const g = figs[i] as Figure;
    if (g.unit !== '%' && !isMoneyUnit(g.unit) && g.kind !== 'target') inner.push(g);
  }
  return inner.length >= 2 ? inner : [];
}

function between(text: string, a: Figure, b: Figure) {
  return foldAligned(text.slice(a.end, b.start));
}

function linkSentence(text: string, figs: Figure[]) {
  const used = new Set<string>();
  for (let i = 0; i < figs.length; i++) {
    const f = figs[i] as Figure;
    if (used.has(f.id) || isPlanMetric(f.metric)) continue;
    const next = figs[i + 1];
    const next2 = figs[i + 2];

    // "7.000/6.400 người, đạt 109,4% kế hoạch" / "1.179 lao động vượt kế hoạch 31%" / "09 lao động …, đạt 64,3% kế hoạch".
    if (next && f.kind === 'result' && next.kind === 'target' && text.slice(f.end, next.start) === '/') {
      const att =
        next2 && next2.metric === 'plan_attainment' && !/[;]/.test(text.slice(next.end, next2.start))
          ? next2
          : undefined;
      f.relation = { type: 'result_target_attainment', with: att ? [next.id, att.id] : [next.id] };
      used.add(next.id);
      if (att) used.add(att.id);
      // "8.500/6.000 người, đạt 141,7% kế hoạch (trong đó cao đẳng: 19; …)": the result's breakdown too.
      const parts = partsInParentheses(text, figs, att ?? next, f);
      if (parts.length >= 2) {
        f.breakdown = parts.map((g) => g.id);
        for (const g of parts) used.add(g.id);
      }
      continue;
    }
    // "20.411/181.603 hộ, chiếm 11,24%": a part of a whole, and the share that goes with the part.
    if (
      next &&
      f.kind === 'result' &&
      next.kind === 'result' &&
      f.unit !== '' &&
      f.unit === next.unit &&
      !isMoneyUnit(f.unit) &&
      f.unit !== '%' &&
      text.slice(f.end, next.start) === '/'
    ) {
      const share =
        next2 &&
        next2.unit === '%' &&
        /^[^;]{0,40}$/u.test(text.slice(next.end, next2.start)) &&
        /chiem/u.test(between(text, next, next2))
          ? next2
          : undefined;
      f.relation = { type: 'count_persons_rate', with: share ? [share.id, next.id] : [next.id] };
      used.add(next.id);
      if (share) used.add(share.id);
      continue;
    }
    // "09 lao động …, đạt 64,3% kế hoạch", "1.179 lao động vượt kế hoạch 31%",
    // "27 lao động (chỉ tiêu giao 50 lao động)", "47.512 lao động, đạt 121,8% kế hoạch (kế hoạch 39.000 lao động)".
    if (f.kind === 'result' && f.unit !== '') {
      const sameClause = (g: Figure) => !/[;]/.test(text.slice(f.end, g.start));
      const att = next && isPlanMetric(next.metric) && sameClause(next) ? next : undefined;
      const after = att ? next2 : next;
      const plan =
        after &&
        after.kind === 'target' &&
        after.metric === f.metric &&
        sameClause(after) &&
        /\(\s*[^()]*$/u.test(text.slice(f.end, after.start))
          ? after
          : undefined;
      if (att || plan) {
        const type = att?.metric === 'plan_exceeded' && !plan ? 'exceeded_plan' : 'result_target_attainment';
        const partners = [plan, att].filter((g): g is Figure => g !== undefined);
        f.relation = { type, with: partners.map((g) => g.id) };
        for (const g of partners) used.add(g.id);
        continue;
      }
    }

    // "1.855 hộ nghèo với 4.839 nhân khẩu, chiếm tỷ lệ 4,82%".
    if (
      next &&
      f.unit &&
      !PERSON_UNITS.has(f.unit) &&
      PERSON_UNITS.has(next.unit) &&
      /^\s*(?:\S+\s+){0,3}?voi\s*$/u.test(between(text, f, next))
    ) {
      const rate = next2 && next2.unit === '%' && /chiem/u.test(between(text, next, next2)) ? next2 : undefined;
      f.relation = { type: 'count_persons_rate', with: rate ? [next.id, rate.id] : [next.id] };
      used.add(next.id);
      if (rate) used.add(rate.id);
      continue;
    }
    if (
      next &&
      f.unit !== '%' &&
      !isMoneyUnit(f.unit) &&
      next.unit === '%' &&
      /^[^;]{0,40}$/u.test(text.slice(f.end, next.start)) &&
      /(?:^|\s)chiem(?:\s+ty le|\s+ti le)?\s*$/u.test(between(text, f, next))
    ) {
      f.relation = { type: 'count_persons_rate', with: [next.id] };
      used.add(next.id);
      continue;
    }

    // "số người tham gia BHYT … có 111.076 người, …, tỷ lệ bao phủ BHYT … đạt 94,79% dân số": a count and
    // the rate the lexicon pairs with it, later in the same sentence.
    // Looked for among the next few figures only: a sentence of thousands of figures stays linear.
    const window = figs.slice(i + 1, i + 8);
    const rate = window.find(
      (g) => g.unit === '%' && !used.has(g.id) && g.kind === f.kind && ratePairs(f.metric, g.metric),
    );
    if (
      rate &&
      f.unit !== '%' &&
      !isMoneyUnit(f.unit) &&
      !window.slice(0, window.indexOf(rate)).some((g) => g.unit !== '%' && g.metric === f.metric && g.kind === f.kind)
    ) {
      f.relation = { type: 'count_persons_rate', with: [rate.id] };
      used.add(rate.id);
      continue;
    }

    // "513 suất quà/153,9 triệu đồng", "… cho 1.855 hộ nghèo với kinh phí 616 triệu đồng".
    if (
      next &&
      f.unit &&
      !isMoneyUnit(f.unit) &&
      f.unit !== '%' &&
      isMoneyUnit(next.unit) &&
      !/[;]/.test(text.slice(f.end, next.start))
    ) {
      const gap = between(text, f, next);
      if (gap.trim() === '/' || /(?:kinh phi|so tien|tri gia)/u.test(gap)) {
        f.relation = { type: 'count_money', with: [next.id] };
        used.add(next.id);
        continue;
      }
    }

    // "6.695 người (BHXH bắt buộc: 5.484 người, BHXH tự nguyện 1.211 người)".
    const parts = partsInParentheses(text, figs, f, f);
    if (parts.length >= 2) {
      f.relation = { type: 'parts_of_total', with: parts.map((g) => g.id) };
      for (const g of parts) used.add(g.id);
      continue;
    }

    // "giảm 4,31% tương ứng 386 hộ".
    if (next && f.kind === 'change' && next.kind === 'change' && /tuong ung/u.test(between(text, f, next))) {
      f.relation = { type: 'change_equivalent', with: [next.id] };
      used.add(next.id);
    }
  }
}
