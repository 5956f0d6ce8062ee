// Accent folding that keeps offsets: one UTF-16 unit in, one unit out, so a match found in the
// folded string is at the same offsets in the original. foldVi (NFD) cannot promise that.
import { foldVi } from './fold.js';

const cache = new Map<string, string>();

function foldUnit(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    const folded = foldVi(ch);
    // A few characters fold or lower-case to more than one unit (İ, ligatures): keep those as they are.
    out = folded.length === 1 ? folded : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    cache.set(ch, out);
  }
  return out;
}

/**
 * Lower-cases and strips diacritics character by character; `result.length === s.length`.
 * @example foldAligned('Quý I/2024') // 'quy i/2024'
 */
export function foldAligned(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c < 0x80 ? (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i]) : foldUnit(s[i] as string);
  }
  return out;
}

/** True when the string carries any Vietnamese diacritic (or đ), i.e. it was typed with accents. */
export function hasDiacritics(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (s.charCodeAt(i) >= 0xc0 && foldUnit(ch) !== ch.toLowerCase()) return true;
  }
  return false;
}
