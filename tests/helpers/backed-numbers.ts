// The contract's rule, checked mechanically: every number in an answer is a fact's value, a
// computation's value (rounded as shown), a year, a date, a citation marker, or appears in the
// question, a cited quote or a fact's period/label.
import type { AskResponse } from '../../src/contract.ts';

function numbersIn(s: string) {
  return [...s.matchAll(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g)].map((m) => {
    const [int = '', dec = ''] = m[0].split(',');
    return { raw: m[0], value: Number(int.replace(/\./g, '') + (dec ? `.${dec}` : '')), decimals: dec.length };
  });
}

export function unbackedNumbers(question: string, r: AskResponse): string[] {
  const allowed = [...r.facts, ...r.computations].flatMap((f) => [
    f.value,
    f.value * 1e3,
    f.value / 1e3,
    f.value * 1e6,
    f.value / 1e6,
  ]);
  const context = [
    question,
    ...r.citations.map((c) => c.quote),
    ...r.facts.map((f) => `${f.period ?? ''} ${f.label} ${f.place ?? ''}`),
    ...r.computations.map((c) => c.formula),
  ].join(' ');
  const known = new Set(numbersIn(context).map((n) => n.value));
  const text = r.answer.replace(/\[\d+(?:\s*[,–-]\s*\d+)*\]/g, ' ').replace(/\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b/g, ' ');
  return numbersIn(text)
    .filter((n) => !(Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100) && !known.has(n.value))
    .filter(
      (n) =>
        !allowed.some(
          (a) =>
            Math.abs(Math.round(a * 10 ** n.decimals) / 10 ** n.decimals - n.value) < 1e-9 ||
            Math.abs(a - n.value) <= 0.5 / 10 ** n.decimals,
        ),
    )
    .map((n) => n.raw);
}
