// /api/figures' filters run on the Orama figure table: metric id or label words, place (the
// figure's or its report's province), year, kind and report.
import { beforeAll, describe, expect, it } from 'vitest';
import { Corpus } from '../../src/corpus/corpus.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { seeds } from '../helpers/app.ts';

let corpus: Corpus;
const values = (filter: Parameters<Corpus['queryFigures']>[0]) =>
  corpus.queryFigures(filter).map((f) => `${f.value} ${f.unit}`);

beforeAll(async () => {
  corpus = await Corpus.open({ store: new MemoryStore(), seeds: await seeds() });
});

describe('querying the figure table', () => {
  it('filters by metric, place and year together', () => {
    expect(values({ metric: 'poor_households', place: 'Quảng Trị', year: 2023 })).toContain('14040 hộ');
    expect(values({ metric: 'poor_households', place: 'quang tri', year: 2021 })).not.toContain('14040 hộ');
  });

  it('finds a metric named by the words of its label', () => {
    expect(values({ metric: 'lớp đào tạo nghề' })).toEqual(['14 lớp']);
  });

  it('keeps plans apart from results', () => {
    const plans = corpus.queryFigures({ kind: 'target', place: 'Tịnh Biên' });
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.every((f) => f.kind === 'target')).toBe(true);
    expect(values({ kind: 'target', place: 'Tịnh Biên' })).toContain('4000 lao động');
  });

  it('lists a report by its id, and forgets a removed report', async () => {
    await corpus.upsert({
      id: 'lao-cai-2022',
      text: 'Lào Cai năm 2022\n\nĐến cuối năm 2022, toàn tỉnh Lào Cai còn 21.870 hộ nghèo, chiếm 11,5%.',
    });
    expect(values({ reportId: 'lao-cai-2022' })).toEqual(['21870 hộ', '11.5 %']);
    expect(values({ metric: 'poor_households', place: 'Lào Cai' })).toEqual(['21870 hộ']);
    await corpus.remove('lao-cai-2022');
    expect(values({ reportId: 'lao-cai-2022' })).toEqual([]);
    expect(values({ metric: 'poor_households', place: 'Lào Cai' })).toEqual([]);
  });
});
