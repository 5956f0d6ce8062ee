// The shard's RPC boundary: zod refuses inputs the Worker never sends, before the shard reads them.
import { describe, expect, it } from 'vitest';
import { prepareReport } from '../../src/corpus/prepare.ts';
import { constraintsOfTexts } from '../../src/workers/select.ts';
import { RemoveInput, SearchInput, SelectInput, UpsertInput } from '../../src/workers/shard-rpc.ts';

describe('the shard RPC inputs', () => {
  it('accepts a prepared report as the Worker sends it', async () => {
    const prepared = await prepareReport({
      id: 'qt',
      text: 'Tỉnh Quảng Trị. Năm 2023 toàn tỉnh còn 9.150 hộ nghèo, chiếm 5,8%.',
    });
    expect(UpsertInput.safeParse({ shard: 'p-44', prepared, meta: { title: 'Báo cáo' } }).success).toBe(true);
  });

  it.each([
    [
      'a prepared report without passages',
      { shard: 'p-44', prepared: { report: { id: 'qt', text: '' }, figures: [] }, meta: {} },
    ],
    [
      'figures that are not figures',
      { shard: 'p-44', prepared: { report: { id: 'qt', text: '', passages: [] }, figures: [1] }, meta: {} },
    ],
    ['no shard name', { prepared: { report: { id: 'qt', text: '', passages: [] }, figures: [] }, meta: {} }],
  ])('refuses %s', (_, input) => {
    expect(UpsertInput.safeParse(input).success).toBe(false);
  });

  it('accepts what a question asks as the Worker parsed it', () => {
    expect(
      SelectInput.safeParse({
        shard: 'p-44',
        asked: constraintsOfTexts(['Tỷ lệ hộ nghèo Quảng Trị năm 2023?', 'Còn Hà Tĩnh?']),
      }).success,
    ).toBe(true);
  });

  it('refuses a selection of more than a question and its previous turn, or of bare texts', () => {
    const asked = constraintsOfTexts(['a', 'b', 'c']);
    expect(SelectInput.safeParse({ shard: 'p-44', asked }).success).toBe(false);
    expect(SelectInput.safeParse({ shard: 'p-44', asked: ['hộ nghèo Quảng Trị'] }).success).toBe(false);
  });

  it('refuses a search without a limit, and a removal without an id', () => {
    expect(SearchInput.safeParse({ shard: 'p-44', query: 'hộ nghèo' }).success).toBe(false);
    expect(RemoveInput.safeParse({ shard: 'p-44', id: '' }).success).toBe(false);
  });
});
