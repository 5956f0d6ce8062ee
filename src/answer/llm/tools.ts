// The tools a language model may call; the core runs them. search_figures, search_passages and
// get_report hand out figures under short ids (f1, f2 …); compute does whitelisted arithmetic on
// those ids only, so every number the model can state was produced here, by code.
import { z } from 'zod';
import type { CorpusReader } from '../../corpus/port.ts';
import type { Figure } from '../../extract/types.ts';
import { isMoneyUnit, MONEY_UNITS, normaliseValue } from '../../extract/units.ts';
import type { Report } from '../../ingest/types.ts';
import { formatViNumber } from '../../text/vi-number.ts';
import { MAX_COMPUTED } from '../builder.ts';
import { describePeriod, formatValue } from '../present.ts';
import { parseQuestion } from '../question.ts';
import { type CorpusView, constraintsOf, rankFigures } from '../retrieve.ts';
import { LlmError, type ToolSpec } from './client.ts';
import { escapeData, passageBlock } from './prompt.ts';

/** What the tools read: a view of the corpus port (its figures and reports) and the port's passage search. */
export type LlmCorpus = CorpusView & Pick<CorpusReader, 'search'>;

export interface FigureItem {
  handle: string;
  figure: Figure;
  report: Report;
}

export interface ComputationItem {
  handle: string;
  label: string;
  formula: string;
  value: number;
  unit: string;
  inputs: FigureItem[];
}

export const TOOL_SPECS: ToolSpec[] = [
  {
    type: 'function',
    function: {
      name: 'search_figures',
      description:
        'Figures the reports state, best match first. Query in Vietnamese: what, where, when (e.g. "hộ nghèo Quảng Trị cuối năm 2023").',
      parameters: {
        type: 'object',
        properties: {
          query: { type: 'string', description: 'What is asked, in Vietnamese.' },
          kind: {
            type: 'string',
            enum: ['result', 'target', 'change'],
            description: 'result (achieved), target (plan), change (giảm/tăng).',
          },
        },
        required: ['query'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'search_passages',
      description: 'Report passages matching a Vietnamese query, each with the figures it states.',
      parameters: {
        type: 'object',
        properties: { query: { type: 'string' }, limit: { type: 'integer', minimum: 1, maximum: 6 } },
        required: ['query'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'compute',
      description:
        'Arithmetic on figure ids, done by code: add (2+ figures), subtract (a − b), multiply, divide (a / b), percent (a / b × 100), ratio (a / b, "lần").',
      parameters: {
        type: 'object',
        properties: {
          op: { type: 'string', enum: ['add', 'subtract', 'multiply', 'divide', 'percent', 'ratio'] },
          inputs: {
            type: 'array',
            items: { type: 'string' },
            minItems: 2,
            maxItems: 6,
            description: 'Figure ids such as "f1".',
          },
        },
        required: ['op', 'inputs'],
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_report',
      description: 'A report by id: title, place, periods, its opening and its first figures.',
      parameters: {
        type: 'object',
        properties: { reportId: { type: 'string' } },
        required: ['reportId'],
        additionalProperties: false,
      },
    },
  },
];

const SearchFiguresArgs = z.object({
  query: z.string().trim().min(1).max(500),
  kind: z.enum(['result', 'target', 'change']).optional(),
});
const SearchPassagesArgs = z.object({
  query: z.string().trim().min(1).max(500),
  limit: z.number().int().min(1).max(6).optional(),
});
const ComputeArgs = z.object({
  op: z.enum(['add', 'subtract', 'multiply', 'divide', 'percent', 'ratio']),
  inputs: z
    .array(z.union([z.string().max(20), z.number()]))
    .min(2)
    .max(6),
});
const GetReportArgs = z.object({ reportId: z.string().min(1).max(128) });

const FIGURES_PER_SEARCH = 8;
const FIGURES_PER_PASSAGE = 6;

/** One question's tool calls: the figures and computations handed out so far, by id. */
export class ToolSession {
  readonly figures = new Map<string, FigureItem>();
  readonly computations = new Map<string, ComputationItem>();
  constructor(private readonly corpus: LlmCorpus) {}

  /** Runs one call; malformed arguments or an unknown tool throw (the caller falls back). */
  async run(name: string, rawArgs: string): Promise<string> {
    let args: unknown;
    try {
      args = JSON.parse(rawArgs || '{}');
    } catch {
      throw new LlmError('malformed_tool_call', `arguments of ${name.slice(0, 40)} are not JSON`);
    }
    switch (name) {
      case 'search_figures':
        return JSON.stringify(this.searchFigures(parseArgs(SearchFiguresArgs, args, name)));
      case 'search_passages':
        return JSON.stringify(await this.searchPassages(parseArgs(SearchPassagesArgs, args, name)));
      case 'compute':
        return JSON.stringify(this.compute(parseArgs(ComputeArgs, args, name)));
      case 'get_report':
        return JSON.stringify(this.getReport(parseArgs(GetReportArgs, args, name)));
      default:
        throw new LlmError('malformed_tool_call', 'the model called a tool that does not exist');
    }
  }

  private register(figure: Figure, report: Report): FigureItem {
    for (const item of this.figures.values()) if (item.figure.id === figure.id) return item;
    const item = { handle: `f${this.figures.size + 1}`, figure, report };
    this.figures.set(item.handle, item);
    return item;
  }

  private describe(item: FigureItem) {
    const f = item.figure;
    return {
      id: item.handle,
      label: f.label,
      value: formatValue(f.value, f.unit),
      kind: f.kind,
      place: f.place,
      period: describePeriod(f.period) || null,
      report: item.report.id,
      sentence: passageBlock(item.handle, item.report.id, item.report.text.slice(f.sentenceStart, f.sentenceEnd)),
    };
  }

  private searchFigures(a: z.infer<typeof SearchFiguresArgs>) {
    const q = parseQuestion(a.query);
    const c = {
      ...constraintsOf(q),
      ...(a.kind ? { wantsTarget: a.kind === 'target', wantsChange: a.kind === 'change' } : {}),
    };
    const found = rankFigures(this.corpus, c)
      .filter((x) => !a.kind || x.figure.kind === a.kind)
      .slice(0, FIGURES_PER_SEARCH);
    return { figures: found.map((x) => this.describe(this.register(x.figure, x.report))) };
  }

  private async searchPassages(a: z.infer<typeof SearchPassagesArgs>) {
    const hits = await this.corpus.search(a.query, { limit: a.limit ?? 4 });
    return {
      passages: hits.map((h) => {
        const report = this.corpus.get(h.reportId);
        const inside = report
          ? this.corpus.figuresOf(h.reportId).filter((f) => f.start >= h.start && f.end <= h.end)
          : [];
        return {
          passage: passageBlock(h.id, h.reportId, h.text),
          figures: report ? inside.slice(0, FIGURES_PER_PASSAGE).map((f) => this.figureItem(f, report)) : [],
        };
      }),
    };
  }

  /** A figure listed under its passage or report: described as everywhere, less what its listing already says. */
  private figureItem(f: Figure, report: Report) {
    const { report: _report, sentence: _sentence, ...seen } = this.describe(this.register(f, report));
    return seen;
  }

  private getReport(a: z.infer<typeof GetReportArgs>) {
    const report = this.corpus.get(a.reportId);
    if (!report) return { error: `no report "${escapeData(a.reportId)}"` };
    return {
      id: report.id,
      title: escapeData(report.title),
      place: report.place?.name ?? null,
      periods: report.periods.map((p) => describePeriod(p)),
      opening: passageBlock(`${report.id}#0`, report.id, report.text.slice(0, 800)),
      figures: this.corpus
        .figuresOf(report.id)
        .slice(0, 12)
        .map((f) => this.figureItem(f, report)),
    };
  }

  /** Inputs are figure ids; a bare number is accepted only when it is a figure already handed out. */
  private resolve(input: string | number): FigureItem | string {
    if (typeof input === 'number') {
      const same = [...this.figures.values()].find((x) => x.figure.value === input);
      return same ?? `${formatViNumber(input, 4)} is not a figure the tools returned; pass figure ids such as "f1"`;
    }
    return this.figures.get(input.trim()) ?? `no figure "${escapeData(input.slice(0, 20))}"; call search_figures first`;
  }

  private compute(a: z.infer<typeof ComputeArgs>) {
    const resolved = a.inputs.map((x) => this.resolve(x));
    const missing = resolved.filter((x): x is string => typeof x === 'string');
    if (missing.length) return { error: missing.join('; ') };
    const items = resolved as FigureItem[];
    const figs = items.map((x) => x.figure);
    const [x, y] = figs as [Figure, Figure];
    const binary = a.op !== 'add';
    if (binary && figs.length !== 2) return { error: `${a.op} takes exactly two figure ids` };
    const sameFamily = figs.every((f) => f.unit === x.unit) || figs.every((f) => isMoneyUnit(f.unit));
    let value: number;
    let unit: string;
    let formula: string;
    let label: string;
    const money = figs.every((f) => isMoneyUnit(f.unit));
    const common = money
      ? (figs.map((f) => f.unit).sort((p, q) => (MONEY_UNITS[p] ?? 1) - (MONEY_UNITS[q] ?? 1))[0] ?? 'đồng')
      : x.unit;
    const inUnit = (f: Figure) => (money ? normaliseValue(f.value, f.unit) / (MONEY_UNITS[common] ?? 1) : f.value);
    const v = figs.map(inUnit);
    const shown = v.map((n) => formatViNumber(n, 4));
    switch (a.op) {
      case 'add':
      case 'subtract':
        if (!sameFamily)
          return {
            error: `cannot ${a.op} figures in different units (${figs.map((f) => f.unit || 'no unit').join(', ')})`,
          };
        value = a.op === 'add' ? v.reduce((s, n) => s + n, 0) : (v[0] ?? 0) - (v[1] ?? 0);
        unit = common;
        formula = shown.join(a.op === 'add' ? ' + ' : ' − ');
        label =
          a.op === 'add' ? `Tổng: ${figs.map((f) => f.label).join(' + ')}` : `Chênh lệch: ${x.label} − ${y.label}`;
        break;
      case 'multiply':
        value = y.unit === '%' ? (x.value * y.value) / 100 : x.value * y.value;
        unit = y.unit === '%' || !y.unit || y.unit === 'lần' ? x.unit : `${x.unit}·${y.unit}`;
        formula = `${formatViNumber(x.value, 4)} × ${formatViNumber(y.value, 4)}${y.unit === '%' ? '%' : ''}`;
        label = `Tích: ${x.label} × ${y.label}`;
        break;
      default: {
        if (y.value === 0) return { error: 'division by zero' };
        const [n, d] = sameFamily ? [v[0] ?? 0, v[1] ?? 0] : [x.value, y.value];
        const [ns, ds] = sameFamily ? [shown[0], shown[1]] : [formatViNumber(x.value, 4), formatViNumber(y.value, 4)];
        value = a.op === 'percent' ? (n / d) * 100 : n / d;
        unit = a.op === 'percent' ? '%' : a.op === 'ratio' || sameFamily ? 'lần' : `${x.unit}/${y.unit}`;
        formula = `${ns} / ${ds}${a.op === 'percent' ? ' × 100' : ''}`;
        label = a.op === 'percent' ? `Tỷ lệ ${x.label} so với ${y.label}` : `${x.label} / ${y.label}`;
      }
    }
    if (!Number.isFinite(value) || Math.abs(value) > MAX_COMPUTED)
      return { error: 'the result is not a plausible number' };
    const item: ComputationItem = {
      handle: `c${this.computations.size + 1}`,
      label,
      formula,
      value,
      unit,
      inputs: items,
    };
    this.computations.set(item.handle, item);
    return { id: item.handle, label, formula, value: formatValue(value, unit, 2) };
  }
}

function parseArgs<S extends z.ZodType>(schema: S, args: unknown, name: string): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new LlmError('malformed_tool_call', `arguments of ${name} do not fit its schema`);
  return parsed.data;
}
