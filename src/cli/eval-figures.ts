// npm run eval:figures: the extractor against the hand-made gold tables in tests/fixtures/figures.
// Prints precision and recall per seed and overall for value+unit, kind, metric, place, period.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractFigures } from '../extract/figures.ts';
import type { Figure } from '../extract/types.ts';
import { buildReport } from '../ingest/build-report.ts';
import { metricById } from '../lexicon/metrics.ts';
import { readSeedInputs } from '../store/seed-files.ts';
import { foldVi } from '../text/fold.ts';

const GOLD_DIR = fileURLToPath(new URL('../../tests/fixtures/figures/', import.meta.url));

export interface GoldFigure {
  text: string;
  context: string;
  value: number;
  unit: string;
  kind: string;
  metric: string;
  place: string;
  period: { label: string; from: string; to: string } | null;
}

export interface SeedScore {
  reportId: string;
  gold: number;
  extracted: number;
  matched: number;
  valueUnit: number;
  valueUnitKind: number;
  metric: number;
  place: number;
  period: number;
  spurious: Figure[];
  misses: { gold: GoldFigure; got?: Figure; wrong: string[] }[];
}

const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ');

/** Where the gold figure's number sits in the cleaned text; -1 when its context is not there. */
function locate(text: string, g: GoldFigure): number {
  const ctx = squash(g.context).trim();
  const at = text.indexOf(ctx);
  if (at < 0) return -1;
  const numberPart = g.text.match(/[\d.,]+/)?.[0] ?? g.text;
  const within = ctx.indexOf(g.text) >= 0 ? ctx.indexOf(g.text) : ctx.indexOf(numberPart);
  return within < 0 ? -1 : at + within;
}

const unitKey = (u: string) => foldVi(u).replace(/\s+/g, ' ').trim();
function sameUnit(a: string, b: string) {
  const x = unitKey(a);
  const y = unitKey(b);
  return x === y || (x !== '' && y !== '' && (x.startsWith(`${y} `) || y.startsWith(`${x} `)));
}
/**
 * The gold tables could only use the shared lexicon's ids, so "other:<phrase>" there matches one of
 * our added ids when the phrase contains one of its synonyms (and the other way round).
 */
function phraseNames(phrase: string, id: string) {
  const m = metricById(id);
  if (!m) return false;
  const f = ` ${foldVi(phrase)} `;
  return [m.label, ...m.synonyms].some((syn) => f.includes(` ${foldVi(syn)} `));
}
function sameMetric(a: string, b: string) {
  if (a === b) return true;
  if (a.startsWith('other:') && !b.startsWith('other:')) return phraseNames(a.slice(6), b);
  if (b.startsWith('other:') && !a.startsWith('other:')) return phraseNames(b.slice(6), a);
  if (a.startsWith('other:') && b.startsWith('other:')) {
    const wa = new Set(foldVi(a.slice(6)).split(/\s+/));
    return foldVi(b.slice(6))
      .split(/\s+/)
      .some((w) => w.length > 1 && wa.has(w));
  }
  return false;
}
function samePeriod(g: GoldFigure['period'], f: Figure['period']) {
  if (!g || !f) return !g && !f;
  return (g.from === f.from && g.to === f.to) || foldVi(g.label) === foldVi(f.label);
}

export async function scoreSeeds(): Promise<SeedScore[]> {
  const inputs = await readSeedInputs();
  const scores: SeedScore[] = [];
  for (const name of (await readdir(GOLD_DIR)).filter((n) => n.endsWith('.json')).sort()) {
    const gold = JSON.parse(await readFile(join(GOLD_DIR, name), 'utf8')) as {
      reportId: string;
      figures: GoldFigure[];
    };
    const input = inputs.find((i) => i.id === gold.reportId);
    if (!input) continue;
    const report = buildReport(input);
    const figures = extractFigures(report);
    const score: SeedScore = {
      reportId: gold.reportId,
      gold: gold.figures.length,
      extracted: figures.length,
      matched: 0,
      valueUnit: 0,
      valueUnitKind: 0,
      metric: 0,
      place: 0,
      period: 0,
      spurious: [],
      misses: [],
    };
    const claimed = new Set<string>();
    for (const g of gold.figures) {
      const at = locate(report.text, g);
      const got =
        figures.find((f) => !claimed.has(f.id) && f.start <= at && at < f.end + 1 && f.value === g.value) ??
        figures.find((f) => !claimed.has(f.id) && Math.abs(f.start - at) <= 2 && f.value === g.value);
      if (!got) {
        score.misses.push({ gold: g, wrong: [at < 0 ? 'context not found' : 'not extracted'] });
        continue;
      }
      claimed.add(got.id);
      score.matched++;
      const wrong: string[] = [];
      const vu = sameUnit(g.unit, got.unit);
      if (vu) score.valueUnit++;
      else wrong.push(`unit ${got.unit} ≠ ${g.unit}`);
      if (vu && g.kind === got.kind) score.valueUnitKind++;
      if (g.kind !== got.kind) wrong.push(`kind ${got.kind} ≠ ${g.kind}`);
      if (sameMetric(g.metric, got.metric)) score.metric++;
      else wrong.push(`metric ${got.metric} ≠ ${g.metric}`);
      if (foldVi(g.place) === foldVi(got.place ?? '')) score.place++;
      else wrong.push(`place ${got.place} ≠ ${g.place}`);
      if (samePeriod(g.period, got.period)) score.period++;
      else wrong.push(`period ${got.period?.label ?? '–'} ≠ ${g.period?.label ?? '–'}`);
      if (wrong.length) score.misses.push({ gold: g, got, wrong });
    }
    score.spurious = figures.filter((f) => !claimed.has(f.id));
    scores.push(score);
  }
  return scores;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');

async function main() {
  const { verbose } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } }).values;
  const scores = await scoreSeeds();
  const total = scores.reduce(
    (t, s) => ({
      gold: t.gold + s.gold,
      extracted: t.extracted + s.extracted,
      matched: t.matched + s.matched,
      valueUnit: t.valueUnit + s.valueUnit,
      valueUnitKind: t.valueUnitKind + s.valueUnitKind,
      metric: t.metric + s.metric,
      place: t.place + s.place,
      period: t.period + s.period,
    }),
    { gold: 0, extracted: 0, matched: 0, valueUnit: 0, valueUnitKind: 0, metric: 0, place: 0, period: 0 },
  );
  const rows = [...scores.map((s) => ({ name: s.reportId, ...s })), { name: 'overall', ...total }];
  console.log('seed                   gold  found  precision  recall v+u  recall v+u+kind  metric  place   period');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(22)} ${String(r.gold).padStart(4)}  ${String(r.extracted).padStart(5)}  ${pct(r.matched, r.extracted).padStart(9)}  ${pct(r.valueUnit, r.gold).padStart(10)}  ${pct(r.valueUnitKind, r.gold).padStart(15)}  ${pct(r.metric, r.gold).padStart(6)}  ${pct(r.place, r.gold).padStart(6)}  ${pct(r.period, r.gold).padStart(7)}`,
    );
  }
  if (verbose) {
    for (const s of scores) {
      for (const m of s.misses)
        console.log(`MISS ${s.reportId} "${m.gold.context}" [${m.gold.text}]: ${m.wrong.join('; ')}`);
      for (const f of s.spurious)
        console.log(`EXTRA ${s.reportId} "${f.text}" (${f.metric}, ${f.kind}) in "${f.label}"`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
