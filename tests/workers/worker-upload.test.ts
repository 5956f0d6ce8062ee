// File uploads under wrangler dev (workerd, offline): the converters (pdf.js via unpdf, fflate,
// linkedom + Readability) run in the Worker. The default Worker has no storage binding, so a
// readable file is converted and prepared, then refused with 503 STORAGE_UNAVAILABLE; a bad file
// gets the same 4xx as on Node.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../../src/cli/make-docx.ts';
import { type Running, startWranglerDev } from '../helpers/server.ts';

const TOKEN = 'worker-upload-token';
let worker: Running;
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));

beforeAll(async () => {
  worker = await startWranglerDev(['--var', `ADMIN_TOKEN:${TOKEN}`]);
}, 150_000);

afterAll(async () => {
  await worker?.stop();
});

async function upload(bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set('file', new File([bytes.slice()], name));
  form.set('id', 'upload');
  const res = await fetch(`${worker.base}/api/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
    body: form,
  });
  return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code };
}

describe('file uploads to the Worker under wrangler dev', () => {
  it.each([
    ['a PDF with a table', () => fixture('table.pdf'), 'a.pdf'],
    ['a news page', () => fixture('news-page.html'), 'a.html'],
    ['a PDF locked by an owner password only', () => fixture('owner-password-only.pdf'), 'b.pdf'],
  ])('reads %s, then says it has nowhere to store it', async (_what, make, name) => {
    expect(await upload(make(), name)).toEqual({ status: 503, code: 'STORAGE_UNAVAILABLE' });
  });

  it('reads a DOCX, then says it has nowhere to store it', async () => {
    const docx = await makeDocx({
      lines: ['Báo cáo giảm nghèo tỉnh Quảng Trị năm 2023', 'Toàn tỉnh còn 18.412 hộ nghèo.'],
    });
    expect(await upload(docx, 'a.docx')).toEqual({ status: 503, code: 'STORAGE_UNAVAILABLE' });
  });

  it('refuses a scanned PDF as on Node', async () => {
    expect(await upload(fixture('scanned.pdf'), 'scan.pdf')).toEqual({ status: 422, code: 'SCANNED_PDF' });
  });

  it.each(['encrypted-aes256.pdf', 'encrypted-rc4.pdf'])(
    'refuses a PDF that needs a password to open as on Node (%s)',
    async (name) => {
      expect(await upload(fixture(name), name)).toEqual({ status: 422, code: 'ENCRYPTED_FILE' });
    },
  );
});
