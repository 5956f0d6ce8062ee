// The five seed reports as raw text, for invariant tests over real inputs (tests may use node:fs).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../seeds/', import.meta.url));

export interface SeedReport {
  id: string;
  file: string;
  raw: string;
}

export const seedReports: SeedReport[] = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => ({ id: file.replace(/\.txt$/, ''), file, raw: readFileSync(dir + file, 'utf8') }));

export function seed(prefix: string): SeedReport {
  const found = seedReports.find((s) => s.file.startsWith(prefix));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found;
}
