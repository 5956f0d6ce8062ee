// Our Orama index component must store and rank exactly as Orama's own: same hits, same scores,
// same order, with and without filters, whatever the limit.
import { create, insert, search } from '@orama/orama';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIndexComponent, limitNextSearch } from '../../src/search/orama-index.ts';
import { placeKeys } from '../../src/search/rank.ts';
import { createViTokenizer } from '../../src/search/tokenizer.ts';
import { seeds } from '../helpers/app.ts';

const SCHEMA = { text: 'string', context: 'string', places: 'enum[]' } as const;
const ours = create({ schema: SCHEMA, sort: { enabled: false }, components: { index: createIndexComponent(), tokenizer: createViTokenizer() } });
const stock = create({ schema: SCHEMA, sort: { enabled: false }, components: { tokenizer: createViTokenizer() } });

beforeAll(async () => {
  for (const report of await seeds()) {
    for (const p of report.passages) {
      const doc = {
        id: p.id,
        text: report.text.slice(p.start, p.end),
        // Repeated contexts take the component's shortcut; they must still count as Orama counts them.
        context: [report.title, report.place?.name, p.section].filter(Boolean).join('. '),
        places: placeKeys([p.place?.name, report.place?.name, report.place?.province]),
      };
      insert(ours, doc);
      insert(stock, doc);
    }
  }
});

const QUERIES = ['hộ nghèo', 'hộ nghèo Quảng Trị cuối năm 2023', 'ho ngheo quang tri', 'BHYT Tây Sơn', 'lao động đi làm việc ở nước ngoài', 'giải quyết việc làm', 'nhà ở cho hộ nghèo', 'xyz không có'];
const hitsOf = (r: unknown) => (r as { hits: { id: string; score: number }[] }).hits.map((h) => [h.id, h.score]);

describe('the passage index component', () => {
  it.each(QUERIES)('ranks "%s" as Orama does', (term) => {
    for (const limit of [3, 50, 1000]) {
      const params = { term, properties: ['text', 'context'] as ('text' | 'context')[], boost: { context: 0.5 }, limit };
      limitNextSearch(limit);
      expect(hitsOf(search(ours, params))).toEqual(hitsOf(search(stock, params)));
      // A filter larger than most postings, and one smaller (then the filter is walked instead).
      for (const places of [['quang tri', 'tay son'], ['dakrong']]) {
        const filtered = { ...params, where: { places: { containsAny: places } } };
        limitNextSearch(limit);
        expect(hitsOf(search(ours, filtered))).toEqual(hitsOf(search(stock, filtered)));
      }
    }
  });
});
