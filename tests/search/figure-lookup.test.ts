import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/extract/types.ts';
import { FigureLookup } from '../../src/search/figure-lookup.ts';

const fig = (id: string, metric: string, place: string | null) =>
  ({ id, reportId: id.split('@')[0], metric, place }) as unknown as Figure;

describe('FigureLookup', () => {
  it('lists figures by metric and by folded place, in corpus order across keys', () => {
    const lookup = new FigureLookup();
    lookup.set('a', [fig('a@1', 'poor_households', 'Quảng Trị'), fig('a@2', 'poverty_rate', 'Quảng Trị')]);
    lookup.set('b', [fig('b@1', 'poverty_rate', 'Đakrông'), fig('b@2', 'poor_households', null)]);
    expect(lookup.withMetrics(['poverty_rate', 'poor_households']).map((f) => f.id)).toEqual([
      'a@1',
      'a@2',
      'b@1',
      'b@2',
    ]);
    expect(lookup.atPlaces(['quang tri']).map((f) => f.id)).toEqual(['a@1', 'a@2']);
    expect(lookup.atPlaces(['dakrong', 'da krong']).map((f) => f.id)).toEqual(['b@1']);
    expect(lookup.withMetrics(['jobs_created'])).toEqual([]);
  });

  it('keeps a replaced report in its place and forgets a removed one', () => {
    const lookup = new FigureLookup();
    lookup.set('a', [fig('a@1', 'poor_households', 'Quảng Trị')]);
    lookup.set('b', [fig('b@1', 'poor_households', 'Hà Tĩnh')]);
    expect(lookup.withMetrics(['poor_households', 'poverty_rate']).map((f) => f.id)).toEqual(['a@1', 'b@1']);
    lookup.set('a', [fig('a@9', 'poor_households', 'Quảng Trị')]);
    lookup.set('c', [fig('c@1', 'poverty_rate', 'An Giang')]);
    expect(lookup.withMetrics(['poor_households', 'poverty_rate']).map((f) => f.id)).toEqual(['a@9', 'b@1', 'c@1']);
    lookup.delete('b');
    expect(lookup.withMetrics(['poor_households']).map((f) => f.id)).toEqual(['a@9']);
    expect(lookup.atPlaces(['ha tinh'])).toEqual([]);
  });
});
