// npm run eval:search -- [--questions F] [--seeds DIR] [--json OUT] [--verbose]
// Passage retrieval on questions with an expected quote: is a passage holding the quote in the
// top 1 / top 3? Our tokenizer + re-rank, our tokenizer on BM25 alone, and Orama's default.
// The questions default to the dev set beside the repo (src/cli/dev-questions.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildReport } from '../ingest/build-report.ts';
import type { Report } from '../ingest/types.ts';
import {
  createDefaultTokenizerIndex,
  createPassageIndex,
  indexReport,
  type PassageIndex,
  searchPassages,
} from '../search/passage-index.ts';
import { type DevQuestion, devQuestionsFile, readDevQuestions } from './dev-questions.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The seed reports (seeds/*.txt, id = file name without .txt), built as the app builds them. */
export function loadSeedReports(dir = join(ROOT, 'seeds')): Report[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => buildReport({ id: basename(f, '.txt'), text: readFileSync(join(dir, f), 'utf8') }));
}

/** Offsets of the quote in the report text; whitespace may differ after cleaning. */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  const pattern = quote
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const m = new RegExp(pattern, 'u').exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

interface Outcome {
  id: string;
  question: string;
  quote: string;
  rank: number | null;
  top: string[];
}

function evaluate(
  index: PassageIndex,
  reports: Map<string, Report>,
  questions: DevQuestion[],
  rerank: boolean,
): Outcome[] {
  return questions.map((q) => {
    const quote = q.expected?.quote as string;
    const targets = (q.expected?.reportIds ?? [...reports.keys()]).flatMap((id) => {
      const r = reports.get(id);
      const at = r ? locateQuote(r.text, quote) : null;
      return at ? [{ reportId: id, ...at }] : [];
    });
    const hits = searchPassages(index, q.question, { limit: 3, rerank });
    const i = hits.findIndex(
      (h) =>
        h.text.includes(quote) || targets.some((t) => t.reportId === h.reportId && h.start < t.end && t.start < h.end),
    );
    return {
      id: q.id,
      question: q.question,
      quote,
      rank: i >= 0 ? i + 1 : null,
      top: hits.map((h) => `${h.reportId}@${h.start}: ${h.text.slice(0, 90).replace(/\s+/g, ' ')}`),
    };
  });
}

function recall(outcomes: Outcome[], k: number): number {
  return outcomes.filter((o) => o.rank !== null && o.rank <= k).length / Math.max(1, outcomes.length);
}

function main() {
  const { values } = parseArgs({
    options: {
      questions: { type: 'string' },
      seeds: { type: 'string' },
      json: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const questionsPath = values.questions ? resolve(values.questions) : devQuestionsFile();
  const questions = readDevQuestions(questionsPath).filter((q) => typeof q.expected?.quote === 'string');
  const reports = loadSeedReports(values.seeds ? resolve(values.seeds) : undefined);
  const byId = new Map(reports.map((r) => [r.id, r]));

  const ours = createPassageIndex();
  const stock = createDefaultTokenizerIndex();
  const t0 = performance.now();
  for (const r of reports) indexReport(ours, r);
  const indexMs = performance.now() - t0;
  for (const r of reports) indexReport(stock, r);

  const t1 = performance.now();
  const runs = {
    ours: evaluate(ours, byId, questions, true),
    oursBm25Only: evaluate(ours, byId, questions, false),
    oramaDefault: evaluate(stock, byId, questions, false),
  };
  const queryMs = (performance.now() - t1) / (3 * Math.max(1, questions.length));

  const summary = {
    questions: questions.length,
    questionsFile: questionsPath,
    reports: reports.length,
    passages: reports.reduce((n, r) => n + r.passages.length, 0),
    indexMs: Math.round(indexMs),
    avgQueryMs: Number(queryMs.toFixed(2)),
    recall: Object.fromEntries(
      Object.entries(runs).map(([name, o]) => [name, { at1: recall(o, 1), at3: recall(o, 3) }]),
    ),
    misses: Object.fromEntries(
      Object.entries(runs).map(([name, o]) => [name, o.filter((x) => x.rank === null || x.rank > 3)]),
    ),
  };

  console.log(`${summary.questions} questions with a quote, ${summary.reports} reports, ${summary.passages} passages`);
  console.log('tokenizer              recall@1  recall@3');
  for (const [name, r] of Object.entries(summary.recall)) {
    console.log(
      `${name.padEnd(22)} ${(r.at1 * 100).toFixed(1).padStart(7)}%  ${(r.at3 * 100).toFixed(1).padStart(7)}%`,
    );
  }
  console.log(`index ${summary.indexMs} ms, ${summary.avgQueryMs} ms per query (all three runs)`);
  console.log('\nmisses (ours):');
  for (const m of runs.ours.filter((o) => o.rank === null || o.rank > 3)) {
    console.log(`  ${m.id} "${m.question}" wants "${m.quote}"`);
    for (const t of m.top) console.log(`      ${t}`);
  }
  if (values.verbose) {
    for (const o of runs.ours.filter((x) => x.rank !== 1))
      console.log(
        `  ${o.id} rank ${o.rank ?? '-'} "${o.question}" wants "${o.quote}"\n      ${o.top.join('\n      ')}`,
      );
  }
  if (values.json) writeFileSync(resolve(values.json), `${JSON.stringify(summary, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
