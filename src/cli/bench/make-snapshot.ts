// Writes the binary snapshot (src/snapshot-file.ts) of the seeds + N generated reports, for
// isolate-fit.ts to restore under a 128 MB heap. Run by bench/index.ts in a large heap.
import { closeSync, openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractFigures } from '../../extract/figures.ts';
import { buildReport } from '../../ingest/build-report.ts';
import { createPassageIndex, indexReport } from '../../search/passage-index.ts';
import { encodeSnapshot } from '../../snapshot-file.ts';
import { readSeedInputs } from '../../store/seed-files.ts';
import { generateCorpus } from './generate.ts';

const [size, file] = parseArgs({ allowPositionals: true }).positionals;
if (!size || !file) throw new Error('usage: make-snapshot.ts N FILE');
const reports = [...(await readSeedInputs()), ...generateCorpus(Number(size)).map((g) => ({ id: g.id, text: g.text }))].map(buildReport);
const figures = new Map(reports.map((r) => [r.id, extractFigures(r)]));
const index = createPassageIndex();
for (const r of reports) indexReport(index, r);
const fd = openSync(file, 'w');
let bytes = 0;
for (const part of encodeSnapshot({ reports, figures, index })) {
  writeSync(fd, part);
  bytes += part.length;
}
closeSync(fd);
process.stdout.write(JSON.stringify({ reports: reports.length, bytes }));
