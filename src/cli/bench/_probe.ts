import { buildReport } from '../../ingest/build-report.ts';
import { createPassageIndex, indexReport } from '../../search/passage-index.ts';
import { postingsOf } from '../../search/orama-index.ts';
import { generateCorpus } from './generate.ts';
import { gcHeap } from './stats.ts';
const reports = generateCorpus(1000).map((g) => buildReport({ id: g.id, text: g.text }));
const h0 = gcHeap();
const index = createPassageIndex();
for (const r of reports) indexReport(index, r);
const h1 = gcHeap();
for (const prop of ['text', 'context']) {
  const p = postingsOf(index.db.data.index, prop)!;
  p.compact();
  const bytes = p.segments.reduce((n, s) => n + s.bytes.length + s.terms.length * 8, 0);
  let chars = 0; for (const t of p.terms.keys()) chars += t.length;
  console.log(prop, 'terms', p.terms.size, 'chars', chars, 'segment bytes', bytes, 'segments', p.segments.length);
}
console.log('index MB', (h1 - h0) / 1e6, 'after compact', (gcHeap() - h0) / 1e6);
