// The country or region a figure is about, when its own clause names one instead of a place of the
// gazetteer ("bình quân cả nước 5,71%", "Tây Nguyên | 12,46"): SCOPES are not administrative units,
// so a figure's place stays empty and only its words say whose it is.
import type { Figure } from '../extract/types.ts';
import type { Report } from '../ingest/types.ts';
import { foldAligned } from '../text/fold-aligned.ts';
import { SCOPES } from './cues.ts';

type Scope = (typeof SCOPES)[number];

/**
 * The scope named last before the figure in its clause (from the sentence, the last ";" or line
 * break, at most 140 characters back), or null. The last one wins: in "Tây Nguyên 12,46%, … bình
 * quân cả nước 5,71%" the first figure is the region's and the second the country's.
 */
export function scopeNamedBefore(
  f: Pick<Figure, 'start' | 'sentenceStart'> & { place?: string | null },
  report: Pick<Report, 'text'>,
): Scope | null {
  const t = report.text;
  const from = Math.max(
    f.sentenceStart,
    t.lastIndexOf(';', f.start - 1) + 1,
    t.lastIndexOf('\n', f.start - 1) + 1,
    f.start - 140,
  );
  const own = lastScopeIn(` ${foldAligned(t.slice(from, f.start)).replace(/[^a-z0-9]+/g, ' ')} `);
  if (own || f.place) return own;
  // "… toàn quốc … là 5,71%; tổng số hộ … là 1.586.336 hộ": a clause naming no scope nor place
  // continues its sentence's (within its line).
  const lineFrom = Math.max(f.sentenceStart, t.lastIndexOf('\n', f.start - 1) + 1, f.start - 400);
  return lineFrom < from ? lastScopeIn(` ${foldAligned(t.slice(lineFrom, from)).replace(/[^a-z0-9]+/g, ' ')} `) : null;
}

function lastScopeIn(before: string): Scope | null {
  let best: Scope | null = null;
  let bestAt = -1;
  for (const scope of SCOPES) {
    for (const n of scope.names) {
      const at = before.lastIndexOf(` ${n} `);
      // A longer name of one region ending where a shorter one does is the same region.
      if (at > bestAt) [best, bestAt] = [scope, at];
    }
  }
  return best;
}
