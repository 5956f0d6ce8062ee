// npm run bench:search-hash [-- N]: sha1 of the bench mix's search results (seeds + N generated
// reports, default 300; the 264 queries of questions.ts, limit 10, every field of every hit).
// A change meant to make search faster must leave this hash unchanged (docs/scaling.md).
import { createHash } from 'node:crypto';
import { buildReport } from '../../ingest/build-report.ts';
import { createPassageIndex, indexReport, searchPassages } from '../../search/passage-index.ts';
import { readSeedInputs } from '../../store/seed-files.ts';
import { readDevQuestions } from '../dev-questions.ts';
import { generateCorpus } from './generate.ts';
import { buildQuestionMix } from './questions.ts';

const size = Number(process.argv[2] ?? 300);
const gen = generateCorpus(size);
const reports = [...(await readSeedInputs()), ...gen.map((g) => ({ id: g.id, text: g.text }))].map(buildReport);
const index = createPassageIndex();
for (const r of reports) indexReport(index, r);
const mix = buildQuestionMix(gen, 200, readDevQuestions());
const all = createHash('sha1');
const ids = createHash('sha1');
for (const q of mix) {
  const hits = searchPassages(index, q.question, { limit: 10 });
  all.update(JSON.stringify(hits));
  ids.update(`${hits.map((h) => h.id).join(',')}\n`);
}
console.log(
  'queries',
  mix.length,
  'reports',
  reports.length,
  'sha1 hits',
  all.digest('hex'),
  'sha1 ids',
  ids.digest('hex'),
);
