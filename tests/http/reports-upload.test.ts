// POST /api/reports with a file (multipart/form-data): real DOCX, PDF and HTML files become
// reports whose citations point into the converted text; a bad file gets a 4xx in Vietnamese
// and the store is unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDocx, seedToDocx } from '../../src/cli/make-docx.ts';
import { readSeedInputs } from '../../src/store/seed-files.ts';
import { ADMIN_TOKEN, admin, testApp } from '../helpers/app.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));

function upload(
  bytes: Uint8Array,
  fields: Record<string, string> = {},
  name = 'bao-cao.bin',
  headers: Record<string, string> = admin,
) {
  const form = new FormData();
  form.set('file', new File([bytes.slice()], name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request('http://localhost/api/reports', { method: 'POST', headers, body: form });
}

async function storedIds(store: { list(): Promise<{ reports: { id: string }[] }> }) {
  return (await store.list()).reports.map((r) => r.id).sort();
}

describe('POST /api/reports with a file', () => {
  it('stores a DOCX made from a seed and says it read it as DOCX', async () => {
    const { app } = await testApp();
    const [seed] = await readSeedInputs();
    const res = await app.request(upload(await seedToDocx(seed!.text), { id: 'docx-seed' }, 'bao-cao.docx'));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ id: 'docx-seed', status: 'created', format: 'docx' });
    expect(body.figures).toBeGreaterThan(10);
  });

  it('reads a file by its bytes, whatever its name says', async () => {
    const { app } = await testApp();
    const res = await app.request(upload(fixture('table.pdf'), { id: 'named-wrong' }, 'bao-cao.docx'));
    expect(res.status).toBe(201);
    expect((await res.json()).format).toBe('pdf');
  });

  it('serves the converted text, and every figure of a PDF table quotes it exactly', async () => {
    const { app } = await testApp();
    expect((await app.request(upload(fixture('table.pdf'), { id: 'pdf-table' }))).status).toBe(201);
    const report = await (await app.request('/api/reports/pdf-table')).json();
    expect(report.text).toContain('Số hộ nghèo | Năm 2022: 21.356 hộ | Năm 2023: 18.412 hộ');
    expect(report.figures.length).toBeGreaterThan(3);
    for (const f of report.figures) expect(report.text.slice(f.start, f.end)).toBe(f.text);
    expect(
      report.figures.map((f: { value: number; unit: string; year: number | null }) => `${f.value} ${f.unit} ${f.year}`),
    ).toEqual(expect.arrayContaining(['18412 hộ 2023', '9.73 % 2023']));
  });

  it('fills title, source and date from a news page, with the province its text names', async () => {
    const { app } = await testApp();
    const res = await app.request(upload(fixture('news-page.html'), { id: 'news' }, 'trang.html'));
    expect(res.status).toBe(201);
    const report = await (await app.request('/api/reports/news')).json();
    expect(report).toMatchObject({
      title: 'Quảng Trị: Tỷ lệ hộ nghèo giảm còn 9,73%',
      source: 'https://baoquangtri.example.vn/xa-hoi/ty-le-ho-ngheo-giam-con-9-73-12345.htm',
      publishedAt: '2024-01-15',
      place: 'Quảng Trị',
    });
  });

  it('lets the form fields win over what the file says of itself', async () => {
    const { app } = await testApp();
    await app.request(
      upload(fixture('news-page.html'), { id: 'news2', title: 'Tiêu đề do người gửi đặt', source: 'Sở LĐTBXH' }),
    );
    expect(await (await app.request('/api/reports/news2')).json()).toMatchObject({
      title: 'Tiêu đề do người gửi đặt',
      source: 'Sở LĐTBXH',
    });
  });

  it('still needs the admin token', async () => {
    const { app, store } = await testApp();
    const res = await app.request(upload(fixture('table.pdf'), {}, 'a.pdf', {}));
    expect(res.status).toBe(401);
    expect(await storedIds(store)).toEqual([]);
  });

  it('keeps the JSON body working as before', async () => {
    const { app } = await testApp();
    const res = await app.request(
      new Request('http://localhost/api/reports', {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'json', text: 'Năm 2023, tỉnh Quảng Trị có 18.412 hộ nghèo.' }),
      }),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).not.toHaveProperty('format');
  });
});

describe('POST /api/reports refuses a bad file in Vietnamese and stores nothing', () => {
  const corrupt = async () => (await makeDocx({ lines: ['Báo cáo', 'Một đoạn.'] })).subarray(0, 300);
  const word97 = () => {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    return b;
  };
  it.each([
    ['a scanned PDF', async () => fixture('scanned.pdf'), 422, 'SCANNED_PDF', /OCR/],
    [
      'a PDF that needs a password to open',
      async () => fixture('encrypted-aes256.pdf'),
      422,
      'ENCRYPTED_FILE',
      /mật khẩu/,
    ],
    ['a corrupt DOCX', corrupt, 422, 'CORRUPT_FILE', /bị hỏng/],
    ['a Word 97 .doc', async () => word97(), 415, 'LEGACY_DOC', /\.docx/],
    [
      'an image',
      async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      415,
      'UNSUPPORTED_FORMAT',
      /không được hỗ trợ/,
    ],
  ])('%s', async (_what, make, status, code, message) => {
    const { app, store } = await testApp();
    const res = await app.request(upload(await make(), { id: 'bad' }));
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
    expect(body.error.message).toContain('Chưa có gì được lưu');
    expect(await storedIds(store)).toEqual([]);
    expect((await app.request('/api/reports/bad')).status).toBe(404);
  });

  it('answers 413 for a file over MAX_REPORT_BYTES', async () => {
    const { app, store } = await testApp({ maxReportBytes: 20_000 });
    const res = await app.request(upload(fixture('000_dd50fa6a6e30edcb.pdf'), { id: 'big' }));
    expect(res.status).toBe(413);
    const { error } = await res.json();
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(/^Tệp lớn hơn giới hạn .* Chưa có gì được lưu\.$/);
    expect(await storedIds(store)).toEqual([]);
  });

  it('answers 413 for a DOCX that unpacks past ten times MAX_REPORT_BYTES', async () => {
    const { zipSync } = await import('fflate');
    const xml = new TextEncoder().encode(
      `<w:document><w:body>${'<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(20_000)}</w:body></w:document>`,
    );
    const { app, store } = await testApp({ maxReportBytes: 10_000 });
    const res = await app.request(upload(zipSync({ 'word/document.xml': [xml, { level: 9 }] }), { id: 'bomb' }));
    expect(res.status).toBe(413);
    expect(await storedIds(store)).toEqual([]);
  });

  it('asks for the file field when the form has none', async () => {
    const { app } = await testApp();
    const form = new FormData();
    form.set('text', 'Báo cáo');
    const res = await app.request(
      new Request('http://localhost/api/reports', {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        body: form,
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/"file"/);
  });
});
