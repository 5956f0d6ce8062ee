// Routing by province after the 2025 reform, and the D1 schema kept equal to its migration.
import { describe, expect, it } from 'vitest';
import { resolvePlaceName } from '../../src/ingest/gazetteer.ts';
import { NATIONAL_SHARD, PROVINCE_SHARDS, routeQuestion, shardOfPlace } from '../../src/workers/router.ts';

describe('routeQuestion', () => {
  it.each([
    ['Tỷ lệ hộ nghèo tỉnh Quảng Trị cuối năm 2023?', ['p-44']],
    ['Huyện Đakrông còn bao nhiêu hộ nghèo?', ['p-44']],
    ['Số hộ nghèo tỉnh Quảng Bình năm 2022', ['p-44']],
    ['Bắc Kạn giải quyết việc làm cho bao nhiêu lao động?', ['p-19']],
    ['Thị xã Tịnh Biên còn bao nhiêu hộ nghèo?', ['p-91']],
    ['So sánh tỷ lệ hộ nghèo Quảng Trị và Hà Tĩnh', ['p-42', 'p-44']],
  ])('sends "%s" to %j', (question, shards) => {
    expect(routeQuestion(question)).toMatchObject({ scope: 'places', shards });
  });

  it('sends a question naming no place to every shard', () => {
    expect(routeQuestion('Số hộ nghèo năm 2023?').scope).toBe('all');
  });

  it('keeps the places of the previous question for a follow-up', () => {
    expect(routeQuestion('Còn năm 2022 thì sao?', 'Hộ nghèo Hà Tĩnh năm 2023').scope).toBe('all');
    expect(routeQuestion('Còn Quảng Trị thì sao?', 'Hộ nghèo Hà Tĩnh năm 2023').shards).toEqual(['p-42', 'p-44']);
  });
});

describe('shardOfPlace', () => {
  it('has one shard per province of today (34)', () => {
    expect(PROVINCE_SHARDS).toHaveLength(34);
  });

  it('puts a report with no place in the national shard', () => {
    expect(shardOfPlace(null)).toBe(NATIONAL_SHARD);
  });

  it('puts an old district in the shard of the province it belongs to today', () => {
    const dakrong = resolvePlaceName('Đakrông');
    expect(dakrong?.level).toBe('district');
    expect(shardOfPlace(dakrong)).toBe('p-44');
  });
});
