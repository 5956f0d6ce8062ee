// An uploaded file → the text to store, by what its bytes are (not by its name): PDF, DOCX, HTML
// or UTF-8 text. A Word 97 file, an encrypted Office file and anything else are refused with a
// Vietnamese message that says what to send instead.
import { AppError } from '../../errors.ts';
import { docxToText } from './docx.ts';
import { htmlToText } from './html.ts';
import { pdfToText } from './pdf.ts';
import type { Converted, ConvertLimits, FileFormat } from './types.ts';

export type { Converted, ConvertLimits, FileFormat } from './types.ts';

/** 'zip' is read as DOCX; 'ole' is Word 97 or an encrypted Office file. */
export type Detected = Exclude<FileFormat, 'docx'> | 'ole' | 'zip' | 'binary';

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** What the bytes are, by their signature; names and media types are not trusted. */
export function detectFormat(bytes: Uint8Array): Detected {
  // %PDF- may follow a little junk (the spec lets readers look in the first 1024 bytes).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) return 'binary';
  if (/<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]/iu.test(new TextDecoder('utf-8').decode(sample)))
    return 'html';
  return 'text';
}

/**
 * Converts a file to the text a report is built from.
 * @throws AppError SCANNED_PDF, ENCRYPTED_FILE, CORRUPT_FILE, LEGACY_DOC, PAYLOAD_TOO_LARGE (unpacked),
 *   NO_MAIN_TEXT, INVALID_ENCODING (not UTF-8), UNSUPPORTED_FORMAT
 */
export async function toText(bytes: Uint8Array, limits: ConvertLimits, name?: string): Promise<Converted> {
  const kind = detectFormat(bytes);
  switch (kind) {
    case 'pdf':
      return pdfToText(bytes);
    case 'zip':
      return docxToText(bytes, limits);
    case 'ole':
      // An encrypted DOCX is an OLE file too; its stream is named "EncryptedPackage" (UTF-16LE).
      if (includesUtf16(bytes, 'EncryptedPackage')) throw new AppError('ENCRYPTED_FILE');
      throw new AppError('LEGACY_DOC');
    case 'binary':
      throw new AppError('UNSUPPORTED_FORMAT', `${INGEST_UNSUPPORTED}${name ? ` (${name})` : ''}`);
    case 'html':
      return htmlToText(decodeUtf8(bytes));
    case 'text':
      return { format: 'text', text: decodeUtf8(bytes) };
  }
}

const INGEST_UNSUPPORTED =
  'Định dạng tệp không được hỗ trợ. Hãy gửi PDF (có lớp chữ), DOCX, trang web (HTML) hoặc văn bản UTF-8. Chưa có gì được lưu.';

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('INVALID_ENCODING');
  }
}

function includesUtf16(bytes: Uint8Array, s: string): boolean {
  const needle = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) needle[i * 2] = s.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
