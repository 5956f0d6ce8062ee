// WOFF 1.0 → the TrueType/OpenType file it wraps (W3C WOFF: a header, a table directory, each
// table zlib-compressed or stored). The test Chromium's fontconfig lists .woff files but its
// FreeType draws nothing from them, so the emoji font of an npm package is unwrapped for it.
import { inflateSync } from 'node:zlib';

/** The sfnt bytes of a WOFF 1.0 file; throws on anything else (WOFF2 included). */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const v = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (v.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF 1.0 file (signature wOFF)');
  const flavor = v.getUint32(4);
  const n = v.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < n; i++) {
    const at = 44 + 20 * i;
    const offset = v.getUint32(at + 4);
    const compLength = v.getUint32(at + 8);
    const origLength = v.getUint32(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    // A table is stored as is when compressing would not make it smaller.
    const data = compLength < origLength ? new Uint8Array(inflateSync(raw)) : raw;
    if (data.length !== origLength) throw new Error(`WOFF table ${i}: ${data.length} bytes, expected ${origLength}`);
    tables.push({ tag: v.getUint32(at), checksum: v.getUint32(at + 16), data });
  }
  const pad = (len: number) => (len + 3) & ~3;
  const headerLength = 12 + 16 * n;
  const out = new Uint8Array(headerLength + tables.reduce((s, t) => s + pad(t.data.length), 0));
  const o = new DataView(out.buffer);
  // The sfnt header's binary-search fields: the largest power of two not above the table count.
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 16 * 2 ** entrySelector;
  o.setUint32(0, flavor);
  o.setUint16(4, n);
  o.setUint16(6, searchRange);
  o.setUint16(8, entrySelector);
  o.setUint16(10, 16 * n - searchRange);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const at = 12 + 16 * i;
    o.setUint32(at, t.tag);
    o.setUint32(at + 4, t.checksum);
    o.setUint32(at + 8, offset);
    o.setUint32(at + 12, t.data.length);
    out.set(t.data, offset);
    offset += pad(t.data.length);
  });
  return out;
}
