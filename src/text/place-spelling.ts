// Spelling variants of place names that native Vietnamese orthography does not fix. Names from
// the Central Highlands' languages end a syllable in "k", which no Vietnamese syllable does, and
// their tone and breve are written every way ("Đắk", "Đăk", "Đak"); an initial "k" before a, o or u
// is an old spelling of "c" ("Bắc Kạn" / "Bắc Cạn"). One rule for every name, not a list of names.

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * The form two spellings of one syllable share, for comparing place names written with accents.
 * @example loanSyllable('đắk') === loanSyllable('đăk') // both 'đak'
 * @example loanSyllable('kạn') === loanSyllable('cạn')
 */
export function loanSyllable(syllable: string): string {
  let s = syllable.normalize('NFC').toLowerCase();
  if (/k$/u.test(s) && s.length > 1)
    s = s
      .normalize('NFD')
      .replace(TONES, '')
      .replace(/a\u0306/gu, 'a')
      .normalize('NFC');
  if (/^k[aăâoôơuư]/u.test(s.normalize('NFD').replace(TONES, '').normalize('NFC'))) s = `c${s.slice(1)}`;
  return s;
}
