// Test fixtures: Unicode Vietnamese turned into the mojibake a legacy-encoded file becomes when it
// is read as Latin-1 / Windows-1252, as happens when such a file is pasted or posted as UTF-8.

/** TCVN3 (ABC) bytes of the Vietnamese letters outside ASCII (TCVN 5712:1993, VN3). */
const TCVN3: Record<string, number> = {
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
  ă: 0xa8,
  â: 0xa9,
  ê: 0xaa,
  ô: 0xab,
  ơ: 0xac,
  ư: 0xad,
  đ: 0xae,
  à: 0xb5,
  ả: 0xb6,
  ã: 0xb7,
  á: 0xb8,
  ạ: 0xb9,
  ằ: 0xbb,
  ẳ: 0xbc,
  ẵ: 0xbd,
  ắ: 0xbe,
  ặ: 0xc6,
  ầ: 0xc7,
  ẩ: 0xc8,
  ẫ: 0xc9,
  ấ: 0xca,
  ậ: 0xcb,
  è: 0xcc,
  ẻ: 0xce,
  ẽ: 0xcf,
  é: 0xd0,
  ẹ: 0xd1,
  ề: 0xd2,
  ể: 0xd3,
  ễ: 0xd4,
  ế: 0xd5,
  ệ: 0xd6,
  ì: 0xd7,
  ỉ: 0xd8,
  ĩ: 0xdc,
  í: 0xdd,
  ị: 0xde,
  ò: 0xdf,
  ỏ: 0xe1,
  õ: 0xe2,
  ó: 0xe3,
  ọ: 0xe4,
  ồ: 0xe5,
  ổ: 0xe6,
  ỗ: 0xe7,
  ố: 0xe8,
  ộ: 0xe9,
  ờ: 0xea,
  ở: 0xeb,
  ỡ: 0xec,
  ớ: 0xed,
  ợ: 0xee,
  ù: 0xef,
  ủ: 0xf1,
  ũ: 0xf2,
  ú: 0xf3,
  ụ: 0xf4,
  ừ: 0xf5,
  ử: 0xf6,
  ữ: 0xf7,
  ứ: 0xf8,
  ự: 0xf9,
  ỳ: 0xfa,
  ỷ: 0xfb,
  ỹ: 0xfc,
  ý: 0xfd,
  ỵ: 0xfe,
};

/** The text typed in a TCVN3 font, as Latin-1 reads it ("Hộ nghèo" → "Hé nghÌo"). */
export function asTcvn3Mojibake(text: string): string {
  let out = '';
  // TCVN3 has no upper-case toned letters (they live in a separate .VnTimeH font): lower them.
  for (const ch of text.normalize('NFC')) {
    const code = TCVN3[ch] ?? TCVN3[ch.toLowerCase()];
    out += code === undefined ? ch : String.fromCharCode(code);
  }
  return out;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;
let cp1258: Map<string, number> | undefined;
/** Unicode → Windows-1258 byte, read off the platform's own decoder so the table cannot be wrong. */
function cp1258Table(): Map<string, number> {
  if (cp1258) return cp1258;
  const decoder = new TextDecoder('windows-1258');
  cp1258 = new Map();
  for (let b = 0; b < 0x100; b++) cp1258.set(decoder.decode(new Uint8Array([b])), b);
  return cp1258;
}

/** Vietnamese encoded as Windows-1258 (precomposed where the code page has the letter, else base + tone byte). */
export function encodeCp1258(text: string): Uint8Array {
  const table = cp1258Table();
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = table.get(ch);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tone = parts.find((p) => TONES.test(p));
    const base = parts
      .filter((p) => p !== tone)
      .join('')
      .normalize('NFC');
    const b = table.get(base);
    const t = tone === undefined ? undefined : table.get(tone);
    // What the code page cannot hold becomes "?", as Windows' own conversion does.
    bytes.push(b ?? 0x3f);
    if (t !== undefined) bytes.push(t);
  }
  return new Uint8Array(bytes);
}

/** The Windows-1258 file as Windows-1252 reads it ("Việt" → "Viêòt"). */
export function asCp1258Mojibake(text: string): string {
  return new TextDecoder('windows-1252').decode(encodeCp1258(text));
}
