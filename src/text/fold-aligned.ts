// Accent folding that keeps offsets: one UTF-16 unit in, one unit out, so a match found in the
// folded string is at the same offsets in the original. foldVi (NFD) cannot promise that.
import { foldVi } from './fold.ts';
import { CHUNK, ScratchUnits, unitsToString } from './units-to-string.ts';

/**
 * Each UTF-16 unit's folded unit, filled on first sight (0: not yet seen). Ingest folds every
 * report's text several times over; a table read per unit is several times faster than a Map
 * lookup and a string concatenation per character (docs/scaling.md, ingest).
 */
const table = new Uint16Array(0x10000);
for (let c = 0; c < 0x80; c++) table[c] = c >= 65 && c <= 90 ? c + 32 : c;

function foldCode(c: number): number {
  let out = table[c] as number;
  if (out === 0 && c !== 0) {
    const ch = String.fromCharCode(c);
    const folded = foldVi(ch);
    // A few characters fold or lower-case to more than one unit (İ, ligatures): keep those as they are.
    const kept = folded.length === 1 ? folded : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    out = kept.charCodeAt(0);
    table[c] = out;
  }
  return out;
}

function foldUnit(ch: string): string {
  return String.fromCharCode(foldCode(ch.charCodeAt(0)));
}

const scratch = new ScratchUnits(CHUNK);

/**
 * Lower-cases and strips diacritics character by character; `result.length === s.length`.
 * @example foldAligned('Quý I/2024') // 'quy i/2024'
 */
export function foldAligned(s: string): string {
  const n = s.length;
  const buf = scratch.take(n);
  let same = true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = c < 0x80 ? (table[c] as number) : foldCode(c);
    buf[i] = f;
    if (f !== c) same = false;
  }
  if (same) return s;
  return unitsToString(buf, n);
}

/** True when the string carries any Vietnamese diacritic (or đ), i.e. it was typed with accents. */
export function hasDiacritics(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xc0 && foldUnit(s[i] as string) !== (s[i] as string).toLowerCase()) return true;
  }
  return false;
}
