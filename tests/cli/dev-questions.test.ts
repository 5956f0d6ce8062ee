// The dev set the tests read: the shared one when it sits beside the repo, else the repo's copy,
// which must not drift from it.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COPIED_DEV_QUESTIONS,
  devQuestionsFile,
  readDevQuestions,
  SHARED_DEV_QUESTIONS,
} from '../../src/cli/dev-questions.ts';

describe('the dev questions', () => {
  it('are read from DEV_QUESTIONS, else the shared set, else the copy in tests/fixtures/dev', () => {
    expect(devQuestionsFile({ DEV_QUESTIONS: COPIED_DEV_QUESTIONS })).toBe(COPIED_DEV_QUESTIONS);
    expect(devQuestionsFile({})).toBe(existsSync(SHARED_DEV_QUESTIONS) ? SHARED_DEV_QUESTIONS : COPIED_DEV_QUESTIONS);
    expect(readDevQuestions(COPIED_DEV_QUESTIONS).length).toBe(64);
  });

  it.runIf(existsSync(SHARED_DEV_QUESTIONS))('keep the copy equal to the shared set', () => {
    expect(readFileSync(COPIED_DEV_QUESTIONS, 'utf8')).toBe(readFileSync(SHARED_DEV_QUESTIONS, 'utf8'));
  });
});
