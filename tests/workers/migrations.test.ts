// The D1 migrations wrangler applies are the schemas the code creates (d1-schema.ts), statement for statement.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { D1_FEEDBACK_SCHEMA, D1_SCHEMA } from '../../src/workers/d1-schema.ts';

describe('migrations/', () => {
  it.each([
    ['0001_init.sql', D1_SCHEMA],
    ['0002_feedback.sql', D1_FEEDBACK_SCHEMA],
  ])('%s applies the schema the code creates', (file, schema) => {
    const sql = readFileSync(new URL(`../../migrations/${file}`, import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('--'))
      .join('\n')
      .trim();
    expect(sql).toBe(schema.map((s) => `${s};`).join('\n'));
  });
});
