// Where the dev question set lives and how to read it: the project's shared folder beside the
// repo (../shared/eval/questions.jsonl, the same one `npm run eval` scores), or DEV_QUESTIONS, or
// the repo's copy of it (tests/fixtures/dev/) on a clone with no shared folder.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface DevQuestion {
  id: string;
  question: string;
  type: string;
  expected?: { quote?: string; reportIds?: string[] };
}

/** The project's shared dev set, beside the repo. */
export const SHARED_DEV_QUESTIONS = join(ROOT, '..', 'shared', 'eval', 'questions.jsonl');
/** Its copy in the repo (tests/fixtures/dev/README.md), for a clone with no shared folder beside it. */
export const COPIED_DEV_QUESTIONS = join(ROOT, 'tests', 'fixtures', 'dev', 'questions.jsonl');

/** The dev questions' file: `DEV_QUESTIONS` when set, else the shared set beside the repo, else the repo's copy of it. */
export function devQuestionsFile(env: Record<string, string | undefined> = process.env): string {
  if (env.DEV_QUESTIONS) return resolve(env.DEV_QUESTIONS);
  return existsSync(SHARED_DEV_QUESTIONS) ? SHARED_DEV_QUESTIONS : COPIED_DEV_QUESTIONS;
}

/** Reads a questions.jsonl file (one JSON object a line); a missing file is an error that says where to look. */
export function readDevQuestions(file = devQuestionsFile()): DevQuestion[] {
  if (!existsSync(file)) {
    throw new Error(
      `No dev questions at ${file}: put the project's shared folder beside the repo (../shared/eval/questions.jsonl), or set DEV_QUESTIONS to the file.`,
    );
  }
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      // Each line of the set is one question object as written by the set's authors.
      .map((l) => JSON.parse(l) as DevQuestion)
  );
}
