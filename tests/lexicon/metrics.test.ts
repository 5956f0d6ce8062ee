// The metric lexicon: phrases reports use for what a figure counts, the links between a count and
// its rate, and the bodies whose names contain metric words but count nothing.
import { describe, expect, it } from 'vitest';
import { countMetricOf, findMetricMentions, METRICS, metricById, rateMetricOf } from '../../src/lexicon/metrics.ts';
import { metricWords, tokenizeVi } from '../../src/search/tokenizer.ts';
import { foldAligned } from '../../src/text/fold-aligned.ts';

const mentionsOf = (text: string) =>
  findMetricMentions(foldAligned(text)).map((m) => [m.metricId, text.slice(m.start, m.end)]);

describe('findMetricMentions', () => {
  it('finds a phrase only where a word starts and ends, not inside a longer word', () => {
    expect(mentionsOf('Hộ nghèo, khộ nghèo, hộ nghèoo; (hộ nghèo)')).toEqual([
      ['poor_households', 'Hộ nghèo'],
      ['poor_households', 'hộ nghèo'],
    ]);
  });

  it('lets the longest phrase claim the words, wherever the shorter one occurs first', () => {
    expect(mentionsOf('hộ nghèo và tỷ lệ hộ nghèo')).toEqual([
      ['poor_households', 'hộ nghèo'],
      ['poverty_rate', 'tỷ lệ hộ nghèo'],
    ]);
  });

  it.each<[phrase: string, id: string]>([
    ['hộ nghèo', 'poor_households'],
    ['hộ cận nghèo', 'near_poor_households'],
    // Longest first: a rate phrase contains its count phrase.
    ['tỷ lệ hộ nghèo', 'poverty_rate'],
    ['tỷ lệ hộ cận nghèo', 'near_poverty_rate'],
    ['hộ nghèo phát sinh', 'new_poor_households'],
    ['giải quyết việc làm', 'jobs_created'],
    ['đi làm việc ở nước ngoài', 'workers_abroad'],
    ['tỷ lệ bao phủ BHYT', 'health_insurance_coverage'],
    ['BHXH tự nguyện', 'voluntary_social_insurance'],
    ['gạo cứu đói', 'emergency_relief'],
  ])('reads "%s" as %s', (phrase, id) => {
    expect(mentionsOf(phrase)).toEqual([[id, phrase]]);
  });

  it('reads a phrase typed without accents', () => {
    expect(mentionsOf('ty le ho ngheo')).toEqual([['poverty_rate', 'ty le ho ngheo']]);
  });

  it('gives offsets into the sentence it searches', () => {
    const text = 'Năm 2023, tỉnh Quảng Trị còn 14.040 hộ nghèo và 9.927 hộ cận nghèo.';
    expect(mentionsOf(text)).toEqual([
      ['poor_households', 'hộ nghèo'],
      ['near_poor_households', 'hộ cận nghèo'],
    ]);
  });

  it.each([['Sở Lao động - Thương binh và Xã hội'], ['Bảo hiểm xã hội huyện']])(
    'reads no metric in the name of the body "%s"',
    (name) => {
      expect(mentionsOf(name)).toEqual([]);
    },
  );
});

describe('metric links', () => {
  it.each<[count: string, rate: string | undefined]>([
    ['poor_households', 'poverty_rate'],
    ['near_poor_households', 'near_poverty_rate'],
    ['jobs_created', undefined],
  ])('gives %s the rate %s', (count, rate) => {
    expect(rateMetricOf(count)).toBe(rate);
  });

  it.each<[id: string, count: string]>([
    ['poverty_rate', 'poor_households'],
    // "giảm 4,31% tương ứng 386 hộ": the households behind a change of the rate.
    ['poverty_rate_reduction', 'poor_households'],
  ])('gives %s the count %s', (id, count) => {
    expect(countMetricOf(id)).toBe(count);
  });

  it('returns undefined for an id the lexicon does not have', () => {
    expect(metricById('other:câu lạc bộ')).toBeUndefined();
    expect(rateMetricOf('other:câu lạc bộ')).toBeUndefined();
    expect(countMetricOf('other:câu lạc bộ')).toBeUndefined();
  });

  it('states plan attainment and plan excess as percentages', () => {
    expect(metricById('plan_attainment')).toMatchObject({ kind: 'rate', units: ['%'] });
    expect(metricById('plan_exceeded')).toMatchObject({ kind: 'rate', units: ['%'] });
  });
});

describe('METRICS', () => {
  it('has unique ids', () => {
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
  });

  it('relates metrics only to metrics it has', () => {
    const ids = new Set(METRICS.map((m) => m.id));
    expect(METRICS.flatMap((m) => m.related.filter((r) => !ids.has(r)).map((r) => `${m.id} → ${r}`))).toEqual([]);
  });
});

describe('one metric lexicon for extraction and search', () => {
  it('gives the search tokenizer a key for every metric the extractor knows, added metrics included', () => {
    for (const m of METRICS.filter((x) => x.synonyms.some((s) => s.trim().includes(' ')))) {
      expect(metricWords(`@${m.id.replace(/_/g, '-')}`).size, m.id).toBeGreaterThan(0);
    }
  });

  it('tags a phrase the extractor added to the shared lexicon ("trợ cấp mai táng") with its metric key in search', () => {
    expect(tokenizeVi('Chi trả trợ cấp mai táng cho 120 đối tượng')).toContain('@funeral-support');
  });
});
