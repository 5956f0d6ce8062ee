// The metric and place indexes only spare ranking the scan of every figure: every answer must be
// the one a full scan gives, after reports are added, replaced and removed.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/ask.ts';
import type { CorpusView } from '../../src/answer/retrieve.ts';
import { verifyClaim } from '../../src/answer/verify.ts';
import { Corpus } from '../../src/corpus/corpus.ts';
import { MemoryStore } from '../../src/store/memory-store.ts';
import { seeds } from '../helpers/app.ts';

const HELDOUT = new URL('../fixtures/heldout/', import.meta.url);
const manifest = readFileSync(new URL('manifest.jsonl', HELDOUT), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; title: string; file: string });
const heldoutQuestions = readFileSync(new URL('questions.jsonl', HELDOUT), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { question: string }).question);

const QUESTIONS = [
  ...heldoutQuestions,
  'Hộ nghèo Quảng Trị cuối năm 2023?',
  'ho ngheo quang tri',
  'Tổng số hộ nghèo và hộ cận nghèo của Quảng Trị cuối năm 2023?',
  'So sánh tỷ lệ hộ nghèo của Quảng Trị và Hà Giang',
  'Tỷ lệ bao phủ BHYT Tây Sơn?',
  'Tỷ lệ hộ nghèo của Quảng Trị năm 2017?',
  'Số người tham gia BHYT ở Bắc Kạn năm 2016?',
  'Giá vàng hôm nay bao nhiêu?',
  'lao dong di lam viec o nuoc ngoai Bac Kan',
  'Bao nhiêu lớp đào tạo nghề?',
];

let corpus: Corpus;
/** The same corpus without its indexes: ranking scans every figure. */
let scan: CorpusView;

beforeAll(async () => {
  corpus = await Corpus.open({ store: new MemoryStore(), seeds: await seeds() });
  for (const m of manifest)
    await corpus.upsert({ id: m.id, title: m.title, text: readFileSync(new URL(m.file, HELDOUT), 'utf8') });
  // A replaced report keeps its place in the corpus order; a removed one leaves the indexes.
  const first = manifest[0] as (typeof manifest)[number];
  const text = readFileSync(new URL(first.file, HELDOUT), 'utf8');
  await corpus.upsert({
    id: first.id,
    title: first.title,
    text: `${text}\n\nCuối năm 2022, toàn tỉnh còn 73.400 hộ nghèo.`,
  });
  await corpus.upsert({ id: 'removed', text: 'Đến cuối năm 2023, toàn tỉnh Quảng Trị còn 99.999 hộ nghèo.' });
  await corpus.remove('removed');
  scan = { list: () => corpus.list(), get: (id) => corpus.get(id), figuresOf: (id) => corpus.figuresOf(id) };
});

describe('ranking through the figure indexes', () => {
  it.each(QUESTIONS)('answers "%s" as a scan of every figure does', (question) => {
    const indexed = answerQuestion(corpus, { question, history: [] });
    expect(indexed).toEqual(answerQuestion(scan, { question, history: [] }));
    expect(indexed.answer).not.toContain('99.999');
  });
});

const CLAIMS = [
  'Quảng Trị có 20.000 hộ nghèo năm 2021.',
  'Cuối năm 2023, Quảng Trị còn 14.040 hộ nghèo, chiếm 7,71%.',
  'Năm 2023 huyện Đakrông giảm 386 hộ nghèo.',
  'Hà Giang còn 73.412 hộ nghèo cuối năm 2022.',
  'Tỷ lệ bao phủ BHYT của Tây Sơn đạt 94,79%.',
];

describe('checking a claim through the figure indexes', () => {
  it.each(CLAIMS)('judges "%s" as a scan of every figure does', (claim) => {
    expect(verifyClaim(corpus, claim)).toEqual(verifyClaim(scan, claim));
  });
});
