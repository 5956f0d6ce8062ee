// Our Orama index component must store and rank exactly as Orama's own: same hits, same scores,
// same order, with and without filters, whatever the limit.
import { create, insert, search } from '@orama/orama';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIndexComponent, limitNextSearch } from '../../src/search/orama-index.ts';
import { placeKeys } from '../../src/search/rank.ts';
import { createViTokenizer } from '../../src/search/tokenizer.ts';
import { seeds } from '../helpers/app.ts';

const SCHEMA = { text: 'string', context: 'string', places: 'enum[]' } as const;
const ours = create({
  schema: SCHEMA,
  sort: { enabled: false },
  components: { index: createIndexComponent(), tokenizer: createViTokenizer() },
});
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

const QUERIES = [
  'hộ nghèo',
  'hộ nghèo Quảng Trị cuối năm 2023',
  'ho ngheo quang tri',
  'BHYT Tây Sơn',
  'lao động đi làm việc ở nước ngoài',
  'giải quyết việc làm',
  'nhà ở cho hộ nghèo',
  'xyz không có',
];
const hitsOf = (r: unknown) => (r as { hits: { id: string; score: number }[] }).hits.map((h) => [h.id, h.score]);

describe('the passage index component', () => {
  it.each(QUERIES)('ranks "%s" as Orama does', (term) => {
    for (const limit of [3, 50, 1000]) {
      const params = {
        term,
        properties: ['text', 'context'] as ('text' | 'context')[],
        boost: { context: 0.5 },
        limit,
      };
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

  it.each(QUERIES)(
    'selects "%s" narrowed by a filter from the previous search\'s scores as a search of its own does',
    (term) => {
      for (const limit of [3, 50, 1000]) {
        const params = {
          term,
          properties: ['text', 'context'] as ('text' | 'context')[],
          boost: { context: 0.5 },
          limit,
        };
        for (const places of [['quang tri', 'tay son'], ['dakrong']]) {
          const filtered = { ...params, where: { places: { containsAny: places } } };
          limitNextSearch(limit);
          search(ours, params);
          limitNextSearch(limit, { reuseScores: true });
          expect(hitsOf(search(ours, filtered))).toEqual(hitsOf(search(stock, filtered)));
        }
      }
    },
  );

  it('computes in full a search that does not repeat the previous one, even when asked to reuse', () => {
    const params = { properties: ['text', 'context'] as ('text' | 'context')[], boost: { context: 0.5 }, limit: 50 };
    limitNextSearch(50);
    search(ours, { ...params, term: 'hộ nghèo' });
    limitNextSearch(50, { reuseScores: true });
    expect(hitsOf(search(ours, { ...params, term: 'giải quyết việc làm' }))).toEqual(
      hitsOf(search(stock, { ...params, term: 'giải quyết việc làm' })),
    );
    // A narrower filter first, then a wider one: the first search's hits do not hold the second's.
    limitNextSearch(50);
    search(ours, { ...params, term: 'hộ nghèo', where: { places: { containsAny: ['dakrong'] } } });
    limitNextSearch(50, { reuseScores: true });
    expect(hitsOf(search(ours, { ...params, term: 'hộ nghèo' }))).toEqual(
      hitsOf(search(stock, { ...params, term: 'hộ nghèo' })),
    );
  });
});
