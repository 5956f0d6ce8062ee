// PDF → text from its text layer (unpdf, pdf.js built for every runtime). Items are put back into
// lines by position; a line whose items sit in columns far apart is a table row; lines close
// together form a paragraph. Running headers and footers (a line repeated at the top or bottom of
// most pages, numbers aside) and bare page numbers are dropped. The title hint is the largest
// text at the top of the first page, when it stands out from the body (a one-page report's
// running header would otherwise be taken for its title).
import { extractTextItems, getDocumentProxy, type StructuredTextItem } from 'unpdf';
import { AppError } from '../../errors.ts';
import { isFrontMatterLine } from '../metadata.ts';
import { tableToLines } from './table.ts';
import type { Converted } from './types.ts';

interface Line {
  page: number;
  y: number;
  size: number;
  cells: string[];
}

const PAGE_NUMBER = /^(?:trang|page|-)?\s*\d{1,4}\s*(?:\/\s*\d{1,4}|-)?$/iu;
const TERMINAL = /[.!?…:;]["”’»)\]]*$/u;

/** @throws AppError ENCRYPTED_FILE, CORRUPT_FILE, SCANNED_PDF (no text layer) */
export async function pdfToText(bytes: Uint8Array): Promise<Converted> {
  let items: StructuredTextItem[][];
  try {
    // pdf.js takes ownership of the buffer it reads; give it a copy so the caller's stays intact.
    const doc = await getDocumentProxy(bytes.slice(), { isEvalSupported: false, useSystemFonts: false, verbosity: 0 });
    items = (await extractTextItems(doc)).items;
    await doc.destroy();
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') throw new AppError('ENCRYPTED_FILE');
    throw new AppError('CORRUPT_FILE');
  }
  const lines = dropFurniture(
    items.flatMap((page, i) => pageLines(page, i)),
    items.length,
  );
  const text = assemble(lines);
  if (text.replace(/\s+/gu, '').length < 20) throw new AppError('SCANNED_PDF');
  const title = headline(lines);
  return { format: 'pdf', text, ...(title ? { title } : {}) };
}

/** Lines of the first page looked at for the title: a letterhead or a header may come first. */
const HEAD_LINES = 6;
/** How much larger than the body text a headline is set. */
const HEADLINE_SCALE = 1.15;

/**
 * The first page's headline: the run of lines in the largest size among its first lines, when
 * that size is clearly above the body's (the size most characters are set in) and the run reads
 * like a title (four words or more, not a dateline or "Số: 12/BC-UBND").
 */
function headline(lines: readonly Line[]): string | undefined {
  const chars = new Map<number, number>();
  for (const l of lines) {
    const size = Math.round(l.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + l.cells.join(' ').length);
  }
  const body = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0];
  const head = lines.filter((l) => l.page === 0).slice(0, HEAD_LINES);
  const top = Math.max(...head.map((l) => l.size));
  if (body === undefined || !(top >= body * HEADLINE_SCALE)) return undefined;
  const start = head.findIndex((l) => l.size === top);
  const run: string[] = [];
  for (const l of lines.slice(lines.indexOf(head[start] as Line))) {
    if (l.page !== 0 || l.cells.length !== 1 || Math.abs(l.size - top) >= 0.5) break;
    run.push(l.cells[0] ?? '');
  }
  const title = run.join(' ').replace(/\s+/gu, ' ').trim();
  return title.split(' ').length >= 4 && title.length <= 250 && !isFrontMatterLine(title) ? title : undefined;
}

/** A page's items grouped into lines (top to bottom), each split into cells at wide gaps. */
function pageLines(items: readonly StructuredTextItem[], page: number): Line[] {
  const words = items.filter((it) => it.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: StructuredTextItem[][] = [];
  for (const it of words) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(first.y - it.y) <= Math.max(1.5, Math.min(first.fontSize, it.fontSize) * 0.3))
      row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((it) => it.fontSize));
    const cells: string[] = [];
    let cell = '';
    let end = Number.NEGATIVE_INFINITY;
    for (const it of row) {
      const gap = it.x - end;
      if (cell && gap > size * 1.5) {
        cells.push(cell.trim());
        cell = '';
      } else if (cell && gap > size * 0.15 && !cell.endsWith(' ') && !it.str.startsWith(' ')) cell += ' ';
      cell += it.str;
      end = it.x + it.width;
    }
    if (cell.trim()) cells.push(cell.trim());
    return { page, y: row[0]?.y ?? 0, size, cells: cells.map((c) => c.replace(/\s+/gu, ' ')) };
  });
}

/** Drops bare page numbers and lines at a page's top or bottom that recur on most pages. */
function dropFurniture(lines: Line[], pages: number): Line[] {
  const key = (l: Line) => l.cells.join(' ').replace(/\d+/gu, '#').toLowerCase();
  const edge = new Set<Line>();
  for (let p = 0; p < pages; p++) {
    const own = lines.filter((l) => l.page === p);
    for (const l of [...own.slice(0, 2), ...own.slice(-2)]) edge.add(l);
  }
  const pagesOf = new Map<string, Set<number>>();
  for (const l of edge) {
    const k = key(l);
    pagesOf.set(k, (pagesOf.get(k) ?? new Set()).add(l.page));
  }
  const repeated = (l: Line) =>
    pages >= 2 && edge.has(l) && (pagesOf.get(key(l))?.size ?? 0) >= Math.max(2, Math.ceil(pages * 0.6));
  return lines.filter((l) => !repeated(l) && !(l.cells.length === 1 && PAGE_NUMBER.test(l.cells[0] ?? '')));
}

/** Lines → paragraphs (blank line between) and tables (one row a line). */
function assemble(lines: readonly Line[]): string {
  const blocks: string[] = [];
  let para: Line[] = [];
  let table: string[][] = [];
  const flushPara = () => {
    if (para.length) blocks.push(para.map((l) => l.cells.join(' ')).join(' '));
    para = [];
  };
  const flushTable = () => {
    if (table.length) blocks.push(tableToLines(table).join('\n'));
    table = [];
  };
  for (const line of lines) {
    if (line.cells.length >= 2) {
      flushPara();
      table.push(line.cells);
      continue;
    }
    flushTable();
    const prev = para.at(-1);
    const text = line.cells[0] ?? '';
    const continues =
      prev &&
      Math.abs(prev.size - line.size) < 0.5 &&
      (prev.page === line.page ? prev.y - line.y <= line.size * 1.6 : !TERMINAL.test(prev.cells.join(' ')));
    if (!continues) flushPara();
    para.push({ ...line, cells: [text] });
  }
  flushPara();
  flushTable();
  return blocks.join('\n\n');
}
