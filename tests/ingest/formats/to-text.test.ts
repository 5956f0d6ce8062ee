// The file converters on real files: DOCX made with the `docx` package, PDFs a PDF writer made
// (tests/fixtures/formats/make-pdfs.ts, make-encrypted-pdfs.ts), a saved news page with its menus and footer.
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeDocx, seedToDocx } from '../../../src/cli/make-docx.ts';
import { AppError } from '../../../src/errors.ts';
import { extractFigures } from '../../../src/extract/figures.ts';
import { buildReport } from '../../../src/ingest/build-report.ts';
import { detectFormat, toText } from '../../../src/ingest/formats/index.ts';
import { readSeedInputs } from '../../../src/store/seed-files.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/formats/${name}`, import.meta.url)));
const limits = { maxUnpackedBytes: 10_000_000 };
const words = (s: string) => s.replace(/\s+/g, ' ').trim();
const TABLE = [
  ['Chỉ tiêu', 'Đơn vị', 'Năm 2022', 'Năm 2023'],
  ['Số hộ nghèo', 'hộ', '21.356', '18.412'],
  ['Tỷ lệ hộ nghèo', '%', '11,57', '9,73'],
];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
}

describe('detectFormat', () => {
  it.each([
    ['%PDF-1.7\n…', 'pdf'],
    ['PK\u0003\u0004rest', 'zip'],
    ['<!DOCTYPE html><html><body>x</body></html>', 'html'],
    ['  <html lang="vi"><p>Báo cáo</p></html>', 'html'],
    ['Báo cáo kết quả giảm nghèo năm 2023', 'text'],
  ])('reads %j as %s', (head, kind) => {
    expect(detectFormat(new TextEncoder().encode(head))).toBe(kind);
  });

  it('reads an OLE compound file (Word 97) as ole', () => {
    expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('ole');
  });
});

describe('DOCX', () => {
  it('keeps every paragraph of a seed, each a paragraph', async () => {
    const [seed] = await readSeedInputs();
    const out = await toText(await seedToDocx(seed!.text), limits);
    expect(out.format).toBe('docx');
    const lines = seed!.text.split('\n').map(words).filter(Boolean);
    expect(out.text.split('\n\n').map(words)).toEqual(lines);
  });

  it('turns a table into one row a line with the unit column carried to each value', async () => {
    const out = await toText(
      await makeDocx({ lines: ['Báo cáo giảm nghèo tỉnh Quảng Trị năm 2023', 'Kết quả như sau:'], table: TABLE }),
      limits,
    );
    expect(out.text.split('\n')).toEqual([
      'Báo cáo giảm nghèo tỉnh Quảng Trị năm 2023',
      '',
      'Kết quả như sau:',
      '',
      'Chỉ tiêu | Đơn vị | Năm 2022 | Năm 2023',
      'Số hộ nghèo | Năm 2022: 21.356 hộ | Năm 2023: 18.412 hộ',
      'Tỷ lệ hộ nghèo | Năm 2022: 11,57% | Năm 2023: 9,73%',
    ]);
  });

  it('gives the figure extractor the table values with their units', async () => {
    const out = await toText(
      await makeDocx({ lines: ['Báo cáo giảm nghèo tỉnh Quảng Trị năm 2023'], table: TABLE }),
      limits,
    );
    const figures = extractFigures(buildReport({ id: 'docx-table', text: out.text }));
    const values = figures.map((f) => `${f.value} ${f.unit}`);
    expect(values).toEqual(expect.arrayContaining(['18412 hộ', '9.73 %']));
  });

  it('refuses a ZIP that is not a Word document', async () => {
    expect(await codeOf(toText(zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') }), limits))).toBe(
      'CORRUPT_FILE',
    );
  });

  it('refuses a truncated DOCX as corrupt', async () => {
    const bytes = await seedToDocx('Báo cáo\nMột đoạn văn.');
    expect(await codeOf(toText(bytes.subarray(0, Math.floor(bytes.length / 2)), limits))).toBe('CORRUPT_FILE');
  });

  it('refuses a document.xml that unpacks past the limit (a zip bomb) before inflating it', async () => {
    const xml = new TextEncoder().encode(
      `<w:document><w:body>${'<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(50_000)}</w:body></w:document>`,
    );
    const bomb = zipSync({ 'word/document.xml': [xml, { level: 9 }] });
    expect(bomb.length).toBeLessThan(xml.length / 50);
    expect(await codeOf(toText(bomb, { maxUnpackedBytes: 100_000 }))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('asks for DOCX when given a Word 97 file', async () => {
    const doc = new Uint8Array(2048);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await codeOf(toText(doc, limits))).toBe('LEGACY_DOC');
  });

  it('says an encrypted Office file is encrypted, not Word 97', async () => {
    const doc = new Uint8Array(2048);
    doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    doc.set(
      [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]),
      1024,
    );
    expect(await codeOf(toText(doc, limits))).toBe('ENCRYPTED_FILE');
  });
});

describe('PDF', () => {
  it("rebuilds a seed's paragraphs and drops the running header and the page numbers", async () => {
    const seeds = await readSeedInputs();
    const seed = seeds.find((s) => s.id.startsWith('003'))!;
    const out = await toText(fixture(`${seed.id}.pdf`), limits);
    expect(out.format).toBe('pdf');
    expect(out.text).not.toContain('Cổng thông tin điện tử');
    expect(out.text.split('\n').filter((l) => /^\d+$/.test(l.trim()))).toEqual([]);
    expect(out.text.split('\n\n').map(words)).toEqual(seed.text.split('\n').map(words).filter(Boolean));
  });

  it('reads a table in columns as rows with the unit column carried to each value', async () => {
    const out = await toText(fixture('table.pdf'), limits);
    expect(out.text).toContain(
      'Số hộ nghèo | Năm 2022: 21.356 hộ | Năm 2023: 18.412 hộ\nTỷ lệ hộ nghèo | Năm 2022: 11,57% | Năm 2023: 9,73%',
    );
    expect(out.text).toContain('\n\nTrong năm 2024, tỉnh phấn đấu giảm tỷ lệ hộ nghèo xuống dưới 8%.');
  });

  it('takes the title from the headline at the top of the first page, not from the running header above it', async () => {
    const pdf = await toText(fixture('table.pdf'), limits);
    expect(pdf.title).toBe('Báo cáo kết quả giảm nghèo tỉnh Quảng Trị năm 2023');
    const report = buildReport({ id: 'qt', text: pdf.text, title: pdf.title });
    expect(report.title).toBe('Báo cáo kết quả giảm nghèo tỉnh Quảng Trị năm 2023');
    expect(report.place?.name).toBe('Quảng Trị');
  });

  it("gives each seed's PDF the title its text gets", async () => {
    for (const seed of await readSeedInputs()) {
      const pdf = await toText(fixture(`${seed.id}.pdf`), limits);
      const fromPdf = buildReport({ id: seed.id, text: pdf.text, ...(pdf.title ? { title: pdf.title } : {}) });
      expect(fromPdf.title, seed.id).toBe(buildReport({ id: seed.id, text: seed.text }).title);
    }
  });

  it('says a PDF without a text layer is a scan that is not read', async () => {
    expect(await codeOf(toText(fixture('scanned.pdf'), limits))).toBe('SCANNED_PDF');
  });

  // PDFKit's standard security handler (tests/fixtures/formats/make-encrypted-pdfs.ts).
  it.each(['encrypted-aes256.pdf', 'encrypted-rc4.pdf'])(
    'says a PDF that needs a password to open is encrypted (%s)',
    async (name) => {
      expect(await codeOf(toText(fixture(name), limits))).toBe('ENCRYPTED_FILE');
    },
  );

  it('reads a PDF locked by an owner password only (no copying), as any PDF reader opens it', async () => {
    const out = await toText(fixture('owner-password-only.pdf'), limits);
    expect(out.format).toBe('pdf');
    expect(words(out.text)).toContain(
      'phấn đấu giải quyết việc làm cho 4.000 lao động; đào tạo nghề cho 200 lao động nông thôn',
    );
  });

  it('refuses a truncated PDF as corrupt', async () => {
    const bytes = fixture('table.pdf');
    expect(await codeOf(toText(bytes.subarray(0, 400), limits))).toBe('CORRUPT_FILE');
  });
});

describe('HTML', () => {
  it('keeps the article and drops the menu, sidebar, caption and footer', async () => {
    const out = await toText(fixture('news-page.html'), limits);
    expect(out.format).toBe('html');
    expect(out.text).toContain('toàn tỉnh còn 18.412 hộ nghèo');
    expect(out.text).toContain('Số hộ nghèo (hộ) | Năm 2022: 21.356 hộ | Năm 2023: 18.412 hộ');
    for (const chrome of ['Trang chủ', 'Tin đọc nhiều', 'Giấy phép', 'Ảnh: Minh Anh', 'dataLayer', 'Thể thao'])
      expect(out.text).not.toContain(chrome);
  });

  it('takes the title, publication, date and URL from the page', async () => {
    const out = await toText(fixture('news-page.html'), limits);
    expect(out).toMatchObject({
      title: 'Quảng Trị: Tỷ lệ hộ nghèo giảm còn 9,73%',
      publisher: 'Báo Quảng Trị điện tử',
      publishedAt: '2024-01-15',
      source: 'https://baoquangtri.example.vn/xa-hoi/ty-le-ho-ngheo-giam-con-9-73-12345.htm',
    });
  });

  it('refuses a page that is only navigation', async () => {
    const html = `<!doctype html><html><head><title>Trang chủ</title></head><body><nav><a href="/">Trang chủ</a><a href="/a">Tin tức</a></nav><footer>Liên hệ</footer></body></html>`;
    expect(await codeOf(toText(new TextEncoder().encode(html), limits))).toBe('NO_MAIN_TEXT');
  });
});

describe('text', () => {
  it('passes UTF-8 text through and refuses other encodings', async () => {
    expect((await toText(new TextEncoder().encode('Báo cáo năm 2023'), limits)).text).toBe('Báo cáo năm 2023');
    expect(await codeOf(toText(new Uint8Array([0x42, 0xe1, 0x6f, 0x20, 0x63]), limits))).toBe('INVALID_ENCODING');
  });
});
