import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../../src/store/file-store.ts';

const sample = (id: string, text = 'Toàn tỉnh còn 14.040 hộ nghèo.') => ({ id, text, receivedAt: '2026-11-23T00:00:00.000Z' });

async function tempDir() {
  return mkdtemp(join(tmpdir(), 'vnqa-store-'));
}

describe('FileStore', () => {
  it('keeps a report across instances, as across a restart', async () => {
    const dir = await tempDir();
    await new FileStore(dir).put({ ...sample('a'), title: 'Báo cáo A' });
    const { reports } = await new FileStore(dir).list();
    expect(reports).toEqual([{ ...sample('a'), title: 'Báo cáo A', source: undefined, publishedAt: undefined }]);
  });

  it('replaces a report with the same id', async () => {
    const dir = await tempDir();
    const store = new FileStore(dir);
    await store.put(sample('a'));
    await store.put(sample('a', 'Toàn tỉnh còn 13.000 hộ nghèo.'));
    const { reports } = await store.list();
    expect(reports.map((r) => r.text)).toEqual(['Toàn tỉnh còn 13.000 hộ nghèo.']);
  });

  it('leaves no temporary file behind after a write', async () => {
    const dir = await tempDir();
    await new FileStore(dir).put(sample('a'));
    expect(await readdir(join(dir, 'reports'))).toEqual(['a.json']);
  });

  it('drops an interrupted write and reports a corrupt file instead of serving it', async () => {
    const dir = await tempDir();
    const store = new FileStore(dir);
    await store.put(sample('good'));
    await writeFile(join(dir, 'reports', '.tmp-half-1'), '{"format":1,"id":"half","te');
    await writeFile(join(dir, 'reports', 'broken.json'), '{"format":1,"id":"broken","te');
    const { reports, unreadable } = await store.list();
    expect(reports.map((r) => r.id)).toEqual(['good']);
    expect(unreadable).toEqual(['broken.json']);
    expect(await readdir(join(dir, 'reports'))).not.toContain('.tmp-half-1');
  });

  it('deletes a report and says whether there was one', async () => {
    const store = new FileStore(await tempDir());
    await store.put(sample('a'));
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect((await store.list()).reports).toEqual([]);
  });
});

describe('Corpus over a FileStore', () => {
  it('lists a stored report that no longer reads as unreadable instead of failing to start', async () => {
    const { Corpus } = await import('../../src/corpus.ts');
    const dir = await tempDir();
    await new FileStore(dir).put(sample('a'));
    await new FileStore(dir).put({ ...sample('blank'), text: '…—–•·' });
    const corpus = await Corpus.open({ store: new FileStore(dir), seeds: [] });
    expect(corpus.get('a')).toBeDefined();
    expect(corpus.unreadable).toContain('blank.json');
  });
});
