// DOCX → text: reads word/document.xml out of the ZIP (fflate) and walks its paragraphs and
// tables. Paragraphs become paragraphs; a table becomes one line per row (table.ts). Deleted
// revisions (w:delText) and field codes (w:instrText) are not text and are skipped.
import { unzipSync } from 'fflate';
import { AppError } from '../../errors.ts';
import { tableToLines } from './table.ts';
import type { Converted, ConvertLimits } from './types.ts';

const DOCUMENT = 'word/document.xml';

const UNPACKED_TOO_LARGE =
  'Nội dung tệp khi giải nén vượt quá giới hạn cho một báo cáo (có thể là tệp nén bất thường). Hãy chia thành nhiều báo cáo. Chưa có gì được lưu.';

/** @throws AppError CORRUPT_FILE (not a readable ZIP, or no document.xml), PAYLOAD_TOO_LARGE (unpacked beyond the limit) */
export function docxToText(bytes: Uint8Array, limits: ConvertLimits): Converted {
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== DOCUMENT) return false;
        declared = f.originalSize;
        // unzipSync inflates into a buffer of the declared size and never grows it, so a
        // checked declared size bounds what a zip bomb can unpack to.
        return f.originalSize <= limits.maxUnpackedBytes;
      },
    });
  } catch {
    throw new AppError('CORRUPT_FILE');
  }
  if (declared > limits.maxUnpackedBytes) throw new AppError('PAYLOAD_TOO_LARGE', UNPACKED_TOO_LARGE);
  const xml = files[DOCUMENT];
  if (!xml)
    throw new AppError(
      'CORRUPT_FILE',
      'Tệp ZIP này không phải tài liệu Word (không có word/document.xml). Hãy gửi tệp .docx, PDF hoặc văn bản. Chưa có gì được lưu.',
    );
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch {
    throw new AppError('CORRUPT_FILE');
  }
  if (!/<w:body\b/u.test(source)) throw new AppError('CORRUPT_FILE');
  return { format: 'docx', text: documentXmlToText(source) };
}

const TOKEN = /<(\/?)(w:p|w:tbl|w:tr|w:tc|w:t|w:tab|w:br|w:cr)(?=[\s/>])[^>]*?(\/?)>|<[^>]*>|([^<]+)/gu;

interface TableState {
  rows: string[][];
  row: string[] | null;
  cell: string[] | null;
}

/** The body's blocks in order, paragraphs and tables joined by blank lines. */
export function documentXmlToText(xml: string): string {
  const blocks: string[] = [];
  const tables: TableState[] = [];
  let para = '';
  let inText = false;
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, tag, selfClose, chars] = m;
    if (chars !== undefined) {
      if (inText) para += decodeEntities(chars);
      continue;
    }
    if (!tag) continue;
    const table = tables.at(-1);
    if (tag === 'w:t') inText = !close && !selfClose;
    else if (tag === 'w:tab' && !close) para += '\t';
    else if ((tag === 'w:br' || tag === 'w:cr') && !close) para += table ? ' ' : '\n';
    else if (tag === 'w:p' && (close || selfClose)) {
      const text = para.replace(/[ \t]+/gu, ' ').trim();
      para = '';
      if (table?.cell) {
        if (text) table.cell.push(text);
      } else if (text) blocks.push(text);
    } else if (tag === 'w:tbl') {
      if (!close) tables.push({ rows: [], row: null, cell: null });
      else {
        const done = tables.pop();
        const lines = done ? tableToLines(done.rows) : [];
        const outer = tables.at(-1);
        // A table nested in a cell reads as that cell's text.
        if (outer?.cell) outer.cell.push(lines.join('; '));
        else if (lines.length) blocks.push(lines.join('\n'));
      }
    } else if (tag === 'w:tr' && table) {
      if (!close) table.row = [];
      else if (table.row) {
        table.rows.push(table.row);
        table.row = null;
      }
    } else if (tag === 'w:tc' && table) {
      if (!close) table.cell = [];
      else if (table.cell) {
        table.row?.push(table.cell.join(' '));
        table.cell = null;
      }
    }
  }
  return blocks.join('\n\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (all, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? all;
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
