// The wide development set's 24 reports (../shared/eval/wide) as its scorer posts them: id,
// title, text and source. For the ingest benches, which must cover more than the seeds.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportInput } from '../../ingest/types.ts';

const WIDE = fileURLToPath(new URL('../../../../shared/eval/wide/', import.meta.url));

export function readWideInputs(): ReportInput[] {
  const lines = readFileSync(`${WIDE}reports.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  return lines.map((l) => {
    // Safe: the manifest's documented shape (../shared/eval/wide/README.md).
    const r = JSON.parse(l) as { id: string; file: string; title?: string; sourceUrl?: string };
    return { id: r.id, title: r.title, text: readFileSync(`${WIDE}${r.file}`, 'utf8'), source: r.sourceUrl };
  });
}
