import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileStore } from '../../src/store/file-store.ts';

const sample = (id: string, text = 'Toàn tỉnh còn 14.040 hộ nghèo.') => ({
  id,
  text,
  receivedAt: '2026-11-23T00:00:00.000Z',
});

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

  // Issue 15: the start-up sweep deleted every file starting with ".tmp-", the acknowledged report ".tmp-keep" among them.
  it('keeps reports whose ids look like temporary or reserved names across restarts', async () => {
    const dir = await tempDir();
    const ids = ['.tmp-keep', '.tmp-', '.tmp-a.json', '.tmp-1-2-3', '..a', 'a..', '-', '_', 'CON', 'tmp', 'a.json'];
    for (const id of ids) await new FileStore(dir).put(sample(id));
    await new FileStore(dir).list();
    const { reports, unreadable } = await new FileStore(dir).list();
    expect(reports.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(unreadable).toEqual([]);
  });

  it('refuses an id that is not a safe file name rather than writing outside its folder', async () => {
    const store = new FileStore(await tempDir());
    for (const id of ['.', '..', '../x', 'a/b', '~a', ''])
      await expect(store.put(sample(id))).rejects.toThrow(/safe file name/);
  });

  it('drops an interrupted write of this version too', async () => {
    const dir = await tempDir();
    await new FileStore(dir).put(sample('good'));
    await writeFile(join(dir, 'reports', '~good.1764700000000.abc.tmp'), '{"format":1,"id":"good","te');
    expect((await new FileStore(dir).list()).reports.map((r) => r.id)).toEqual(['good']);
    expect(await readdir(join(dir, 'reports'))).toEqual(['good.json']);
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
  // Issue 15: every start extracted every stored report again (one heavy report: 1,6 s → 4,1 s).
  it('serves a report at start from what was prepared when it was posted, without extracting it again', async () => {
    const { Corpus } = await import('../../src/corpus/corpus.ts');
    const dir = await tempDir();
    const first = await Corpus.open({ store: new FileStore(dir), seeds: [] });
    await first.upsert({ id: 'qt', text: 'Cuối năm 2023, toàn tỉnh Quảng Trị còn 14.040 hộ nghèo, chiếm 7,71%.' });
    const again = await Corpus.open({ store: new FileStore(dir), seeds: [] });
    expect(again.rebuiltOnOpen).toBe(0);
    expect(again.figuresOf('qt')).toEqual(first.figuresOf('qt'));
    expect(again.get('qt')).toEqual(first.get('qt'));
  });

  it('prepares a stored report again when the code that prepared it was another', async () => {
    const { Corpus } = await import('../../src/corpus/corpus.ts');
    const dir = await tempDir();
    const first = await Corpus.open({ store: new FileStore(dir), seeds: [] });
    await first.upsert({ id: 'qt', text: 'Cuối năm 2023, toàn tỉnh Quảng Trị còn 14.040 hộ nghèo, chiếm 7,71%.' });
    const stored = (await new FileStore(dir).list()).reports[0];
    if (!stored?.prepared) throw new Error('the file store kept no prepared form');
    await new FileStore(dir).put({ ...stored, prepared: { ...stored.prepared, by: 'older-code', figures: [] } });
    const again = await Corpus.open({ store: new FileStore(dir), seeds: [] });
    expect(again.rebuiltOnOpen).toBe(1);
    expect(again.figuresOf('qt').map((f) => f.text)).toEqual(['14.040 hộ', '7,71%']);
    // Written back once the server is up, so the start after it reads the new form as stored.
    expect(await again.refreshStored()).toBe(1);
    const third = await Corpus.open({ store: new FileStore(dir), seeds: [] });
    expect(third.rebuiltOnOpen).toBe(0);
    expect(third.figuresOf('qt')).toEqual(again.figuresOf('qt'));
  });

  it('lists a stored report that no longer reads as unreadable instead of failing to start', async () => {
    const { Corpus } = await import('../../src/corpus/corpus.ts');
    const dir = await tempDir();
    await new FileStore(dir).put(sample('a'));
    await new FileStore(dir).put({ ...sample('blank'), text: '…—–•·' });
    const corpus = await Corpus.open({ store: new FileStore(dir), seeds: [] });
    expect(corpus.get('a')).toBeDefined();
    expect(corpus.unreadable).toContain('blank.json');
  });
});
