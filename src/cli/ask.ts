// `npm run ask -- "câu hỏi"`: the assistant in a terminal, in-process over the seeds (as src/node.ts
// builds it). Prints the answer, its computations and citations; --json prints the contract's body;
// --verify checks a claim instead of asking.
import { parseArgs } from 'node:util';
import { createAssistant, withLanguageModel } from '../answer/assistant.ts';
import { llmSettingsFrom } from '../answer/llm/client.ts';
import { parseConfig } from '../config.ts';
import type { AskResponse } from '../contract.ts';
import { AskBody } from '../contract.ts';
import { Corpus } from '../corpus/corpus.ts';
import { computationLine } from '../http/answer-text.ts';
import { buildReport } from '../ingest/build-report.ts';
import { MemoryStore } from '../store/memory-store.ts';
import { readSeedInputs } from '../store/seed-files.ts';

const USAGE = `Dùng: npm run ask -- [--json] [--verify] "câu hỏi"
  --json    in nguyên câu trả lời JSON theo hợp đồng API (như POST /api/ask)
  --verify  kiểm tra một nhận định (như POST /api/verify)
Ví dụ: npm run ask -- "hộ nghèo Quảng Trị cuối 2023?"`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
const question = positionals.join(' ').trim();
if (values.help || !question) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
const parsed = AskBody.safeParse({ question, history: [] });
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => i.message).join('\n'));
  process.exit(2);
}

const seeds = (await readSeedInputs()).map(buildReport);
const corpus = await Corpus.open({ store: new MemoryStore({ writable: false }), seeds });
// With OPENAI_API_KEY set the answer is phrased by the model; fallbacks are logged to stderr.
const llm = llmSettingsFrom(parseConfig(process.env));
const assistant = withLanguageModel(corpus, createAssistant(corpus), llm, (level, msg, extra) => {
  if (level !== 'info') console.error(JSON.stringify({ level, msg, ...extra }));
});
const res = values.verify ? await assistant.verify(question) : await assistant.ask(parsed.data);

if (values.json) {
  console.log(JSON.stringify(res, null, 2));
} else {
  console.log(formatForTerminal(res, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR));
}

function formatForTerminal(r: AskResponse, color: boolean): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const yellow = (s: string) => (color ? `\x1b[33m${s}\x1b[39m` : s);
  const lines: string[] = [];
  if (r.status === 'not_found') lines.push(bold('Không tìm thấy.'));
  if (r.status === 'ambiguous') lines.push(bold('Cần nói rõ hơn.'));
  if (r.verdict)
    lines.push(
      bold(
        `Kết luận: ${{ supported: 'đúng với báo cáo', refuted: 'sai so với báo cáo', not_enough_info: 'chưa đủ thông tin' }[r.verdict]}`,
      ),
    );
  lines.push(r.answer.replace(/\[\d+\]/g, (m) => yellow(m)));
  if (r.computations.length) {
    lines.push('', bold('Phép tính:'), ...r.computations.map((k) => `  ${computationLine(k)}`));
  }
  if (r.citations.length) {
    lines.push('', bold('Nguồn:'));
    for (const c of r.citations) {
      lines.push(`  ${yellow(`[${c.n}]`)} ${c.title} ${dim(`(${c.reportId}, ký tự ${c.start}–${c.end})`)}`);
      lines.push(`      “${c.quote.replace(/\s+/g, ' ').trim()}”`);
    }
  }
  if (r.suggestions.length) lines.push('', bold('Bạn có thể hỏi:'), ...r.suggestions.map((s) => `  - ${s}`));
  return lines.join('\n');
}
