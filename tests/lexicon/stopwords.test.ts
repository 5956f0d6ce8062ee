// src/search/stopwords.ts is generated from src/data/stopwords.txt: they must not drift apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STOPWORDS_TXT } from '../../src/lexicon/stopwords.ts';

const source = readFileSync(new URL('../../src/data/stopwords.txt', import.meta.url), 'utf8');

describe('STOPWORDS_TXT', () => {
  it('holds exactly the lines of src/data/stopwords.txt (regenerate with the command in its header)', () => {
    expect(STOPWORDS_TXT.trim().split('\n')).toEqual(source.trim().split('\n'));
  });

  it.each([
    'nghèo',
    'hộ',
    'người',
    'lao động',
    'việc làm',
    'tỷ lệ',
    'số',
    'kế hoạch',
    'chỉ tiêu',
    'không',
    'việc',
    'chính',
    'ngoài',
  ])('does not list the domain word "%s"', (word) => {
    expect(STOPWORDS_TXT.split('\n')).not.toContain(word);
  });
});
