// Vietnamese text in a legacy 8-bit encoding that reached us as Unicode. A TCVN3 (ABC) or
// Windows-1258 file read as Latin-1/Windows-1252 becomes mojibake ("Hé nghÌo" for "Hộ nghèo");
// stored, it would be unsearchable and every figure's label wrong, so ingestion refuses it.

export type LegacyEncoding = 'tcvn3' | 'windows-1258';

/**
 * TCVN3 puts Vietnamese letters on bytes that Latin-1 reads as symbols (¸ µ ¶ · ¹ ® ¨ © ª « ¬ …)
 * or as letters Vietnamese does not use (Æ Ç Ë Î Ï Ñ Ö × Ø Ü Þ ß ä å æ ç ë î ï ñ ö ÷ ø û ü þ).
 * U+00AD (ư in TCVN3) is counted too: the soft hyphen is invisible and never ends up in a real report.
 */
const TCVN3_SIGNS =
  /[\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be\u00c6\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe]/gu;

/** The symbols among the signs (¡…® µ…¾): á à ả ã ạ, đ, ư, ơ, ô, ê, â, ă in TCVN3, in nearly every sentence. */
const TCVN3_SYMBOL = /[\u00a1-\u00ae\u00b5-\u00b9\u00bb-\u00be]/u;

/**
 * Windows-1258 writes most tones as a separate combining byte after the vowel; read as
 * Windows-1252 these are Ì (grave) ì (acute) Ò (hook) Þ (tilde) ò (dot below). A vowel (a e i o
 * u y â ê ô, or ã õ ý for ă ơ ư) followed by one of them, and ð/Ð (đ/Đ) inside a word, are the signature.
 */
const CP1258_TONE_AFTER_VOWEL = /[aeiouyâêôãõýAEIOUYÂÊÔÃÕÝ][\u00cc\u00ec\u00d2\u00f2\u00de]/gu;
const CP1258_D = /[\u00f0\u00d0](?=\p{L})|(?<=\p{L})[\u00f0\u00d0]/gu;

/** Letters only Unicode Vietnamese has: the precomposed toned vowels (U+1EA0–U+1EF9) and ă ơ ư đ ĩ ũ. */
const VIETNAMESE_UNICODE = /[\u1ea0-\u1ef9\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u0128\u0129\u0168\u0169]/gu;

/** Fewer signs than this is a stray symbol (a © line, a "µg"), not an encoding. */
const MIN_SIGNS = 3;

/**
 * The legacy encoding `text` was written in before it was misread as Unicode, or null for text
 * that is Unicode Vietnamese (or not Vietnamese at all). Signs must be at least as many as the
 * letters only Unicode Vietnamese has, so a Unicode report quoting a "©" or a "µg" passes.
 * @example detectLegacyEncoding('B¸o c¸o t×nh h×nh thùc hiÖn') // 'tcvn3'
 * @example detectLegacyEncoding('TiÌnh hiÌnh thýòc hiêòn') // 'windows-1258'
 * @example detectLegacyEncoding('Báo cáo tình hình thực hiện') // null
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const nfc = text.normalize('NFC');
  // German or Turkish words (ü ß Ö Ç) share some signs; only TCVN3 puts symbols such as ¸ ® ­ inside words.
  const tcvn3 = TCVN3_SYMBOL.test(nfc) ? countTcvn3Signs(nfc) : 0;
  const cp1258 = count(nfc, CP1258_TONE_AFTER_VOWEL) + count(nfc, CP1258_D);
  const best = Math.max(tcvn3, cp1258);
  if (best < MIN_SIGNS) return null;
  if (best < count(nfc, VIETNAMESE_UNICODE)) return null;
  return tcvn3 >= cp1258 ? 'tcvn3' : 'windows-1258';
}

/** TCVN3 signs that sit inside a word (next to a letter), where a symbol in a real text would not. */
function countTcvn3Signs(text: string): number {
  let n = 0;
  TCVN3_SIGNS.lastIndex = 0;
  for (let m = TCVN3_SIGNS.exec(text); m; m = TCVN3_SIGNS.exec(text)) {
    if (isWordChar(text[m.index - 1]) || isWordChar(text[m.index + 1])) n++;
  }
  return n;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** The hint a person needs to fix the file, in the words of the tools they use. */
export function legacyEncodingHint(encoding: LegacyEncoding): string {
  const [name, example, unikey] =
    encoding === 'tcvn3'
      ? ['TCVN3 (ABC, fonts such as .VnTime)', '"Hé nghÌo" for "Hộ nghèo"', 'TCVN3 (ABC)']
      : ['Windows-1258', '"hôò nghèo" for "hộ nghèo"', 'Vietnamese locale CP 1258'];
  return `The text looks like Vietnamese in the legacy ${name} encoding read as Unicode (${example}). Convert it to Unicode first (Unikey: Công cụ chuyển mã, from ${unikey} to Unicode; or save the document as UTF-8 text) and post it again.`;
}
